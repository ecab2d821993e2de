/**
 * The engine in a process of its own, commanded over Node's IPC channel (process.send):
 * the same TransferEngine and BatchIntake main uses, with OSS clients built from the
 * connection main sends (credentials stay in this process's memory — a process main
 * started — and are replaced in place when main sends fresh ones, so an upload keeps its
 * upload ID across a refresh). Tests fork it to SIGKILL it mid-upload.
 */
import OSS from 'ali-oss';
import urllib from 'urllib';
import type { ClientProvider } from '../oss/client-provider';
import { BatchIntake, type DownloadRequest, type UploadRequest } from './batch-intake';
import type { EngineTuning } from './task-context';
import { TransferEngine } from './transfer-engine';
import type { TransferSettings } from '../../../shared/contract/transfers';

export interface Connection {
  endpoint: string;
  region: string;
  accessKeyId: string;
  accessKeySecret: string;
  stsToken?: string;
  /** Path-style addressing (local servers). */
  pathStyle?: boolean;
}

export type EngineCommand =
  | { cmd: 'init'; dataDir: string; connection: Connection; tuning?: Partial<EngineTuning>; settings?: Partial<TransferSettings>; reportRequests?: boolean }
  | { cmd: 'upload'; req: UploadRequest }
  | { cmd: 'download'; req: DownloadRequest }
  | { cmd: 'credentials'; accessKeyId: string; accessKeySecret: string; stsToken?: string; profileId: string }
  | { cmd: 'list' }
  | { cmd: 'close' };

export type EngineMessage =
  | { event: 'ready' }
  | { event: 'enqueued'; batchId: string | null }
  | { event: 'progress'; transferred: number; states: Record<string, number> }
  | { event: 'request'; method: string; url: string }
  | { event: 'list'; items: ReturnType<TransferEngine['list']>['items'] }
  | { event: 'closed' }
  | { event: 'error'; message: string };

interface Port {
  send(msg: EngineMessage): void;
  on(event: 'message', listener: (msg: EngineCommand) => void): void;
}

/** Clients for one connection whose credentials can be swapped while requests run. */
export function connectionClients(
  conn: Connection,
  onRequest?: (method: string, url: string) => void,
  /** Sees (and may change) each response's headers before ali-oss does (tests: a proxy that drops a header). */
  onResponse?: (headers: Record<string, unknown>) => void,
): ClientProvider & { setCredentials(c: Pick<Connection, 'accessKeyId' | 'accessKeySecret' | 'stsToken'>): void } {
  const creds = { accessKeyId: conn.accessKeyId, accessKeySecret: conn.accessKeySecret, stsToken: conn.stsToken };
  const recording =
    onRequest || onResponse
      ? {
          async request(url: string, params: { method?: string }) {
            onRequest?.((params.method ?? 'GET').toUpperCase(), url);
            const res = await urllib.request(url, params as Parameters<typeof urllib.request>[1]);
            onResponse?.((res.headers ?? {}) as Record<string, unknown>);
            return res;
          },
        }
      : undefined;
  const make = (bucket?: string): OSS => {
    const client = new OSS({
      endpoint: conn.endpoint,
      region: conn.region,
      ...creds,
      ...(bucket ? { bucket } : {}),
      authorizationV4: true,
      sldEnable: conn.pathStyle ?? true,
      ...(recording ? { urllib: recording } : {}),
    } as unknown as OSS.Options);
    const patch = client as unknown as { options: Record<string, unknown>; request(p: unknown): Promise<unknown> };
    const original = patch.request.bind(client);
    patch.request = (params: unknown) => {
      Object.assign(patch.options, creds);
      return original(params);
    };
    return client;
  };
  const cache = new Map<string, OSS>();
  return {
    forService: async () => make(),
    forBucket: async (_p, bucket) => {
      let c = cache.get(bucket);
      if (!c) cache.set(bucket, (c = make(bucket)));
      return c;
    },
    isolatedForBucket: async (_p, bucket) => make(bucket),
    setCredentials(c) {
      creds.accessKeyId = c.accessKeyId;
      creds.accessKeySecret = c.accessKeySecret;
      creds.stsToken = c.stsToken;
    },
  };
}

/** Serves engine commands on `port` until 'close'. */
export function serveEngine(port: Port, exit: () => void): void {
  let engine: TransferEngine | undefined;
  let intake: BatchIntake | undefined;
  let clients: ReturnType<typeof connectionClients> | undefined;
  port.on('message', (msg) => {
    void (async () => {
      try {
        if (msg.cmd === 'init') {
          clients = connectionClients(msg.connection, msg.reportRequests ? (method, url) => port.send({ event: 'request', method, url }) : undefined);
          const e = new TransferEngine({
            dataDir: msg.dataDir,
            clients,
            describeError: (err) => ({ code: String((err as { code?: unknown }).code ?? 'Error'), message: String((err as { message?: unknown }).message ?? err) }),
            tuning: msg.tuning ?? {},
            settings: { ...(msg.settings as TransferSettings) },
            progressIntervalMs: 50,
            events: {
              progress: () => {
                const { states, transferred } = e.byState();
                port.send({ event: 'progress', transferred, states });
              },
              conflictPlan: () => undefined,
              batchFinished: () => undefined,
            },
          });
          engine = e;
          await e.start();
          intake = new BatchIntake(e);
          intake.resumeAll();
          port.send({ event: 'ready' });
        } else if (msg.cmd === 'upload') {
          const res = await intake!.upload(msg.req);
          port.send({ event: 'enqueued', batchId: res.batchId });
        } else if (msg.cmd === 'download') {
          const res = await intake!.download(msg.req);
          port.send({ event: 'enqueued', batchId: res.batchId });
        } else if (msg.cmd === 'credentials') {
          clients!.setCredentials(msg);
          engine!.credentialsRefreshed(msg.profileId);
        } else if (msg.cmd === 'list') {
          port.send({ event: 'list', items: engine!.list(0, 1000).items });
        } else if (msg.cmd === 'close') {
          await engine?.close();
          port.send({ event: 'closed' });
          exit();
        }
      } catch (err) {
        port.send({ event: 'error', message: String((err as Error).message ?? err) });
      }
    })();
  });
}
