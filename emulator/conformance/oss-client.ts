/** ali-oss clients and raw HTTP helpers for the conformance tests. */
import OSS from 'ali-oss';
import { Agent, request } from 'node:http';
import { loopbackLookup } from './auth-clients';

export const TEST_AK = { accessKeyId: 'LTAItestAccessKeyId', accessKeySecret: 'testAccessKeySecret' };

const vhostAgent = new Agent({ keepAlive: false, lookup: loopbackLookup });

/**
 * An ali-oss client for the emulator endpoint (V1 or V4 signing). Path style uses
 * `sldEnable`; virtual-host style puts the bucket in the Host (`bucket.localhost:PORT`),
 * which an agent resolving every name to 127.0.0.1 delivers.
 */
export function ossClient(endpoint: string, bucket: string | undefined, v4: boolean, credentials = TEST_AK, vhost = false, region = 'oss-cn-hangzhou'): OSS {
  return new OSS({
    ...credentials,
    endpoint,
    region,
    bucket,
    sldEnable: !vhost,
    secure: false,
    authorizationV4: v4,
    timeout: 120_000,
    ...(vhost ? { agent: vhostAgent } : {}),
  } as OSS.Options);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** One raw HTTP request (the path is sent as given, already encoded). */
export function raw(endpoint: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string | Buffer[]): Promise<RawResponse> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    // agent: false — a kept-alive socket the server already timed out would reset the request.
    const req = request({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buf, text: buf.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (Array.isArray(body)) {
      // Chunked transfer encoding: one write per piece, no Content-Length.
      for (const piece of body) req.write(piece);
      req.end();
    } else {
      req.end(body);
    }
  });
}

/** The <Code> of an error body. */
export function errorCode(text: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
}
