/**
 * Test fixture: a real emulator on a free port, ali-oss clients pointed at it (path style,
 * V4), admin-API seeding and faults, and a log of every request the clients send (so tests
 * can count batches or prove that no request was made).
 */
import OSS from 'ali-oss';
import urllib from 'urllib';
import { startEmulator } from '../../emulator/index';
import type { ClientProvider } from '../services/oss/client-provider';

export interface SeedSpec {
  key: string;
  body?: string | Buffer;
  contentType?: string;
  /** Seeded through a signed PUT (the admin seed has no storage class). */
  storageClass?: 'Standard' | 'IA' | 'Archive' | 'ColdArchive';
}

export interface FaultSpec {
  match?: { method?: string; path?: string; operation?: string; query?: string };
  action: 'error' | 'drop' | 'latency';
  /** For drop: body bytes that get through before the connection is cut. */
  afterBytes?: number;
  status?: number;
  code?: string;
  latencyMs?: number;
  times?: number;
}

interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
}

export interface BrowseFixture {
  endpoint: string;
  region: string;
  /** Every region the emulator serves (each on its own port). */
  regions: string[];
  /** Provider signing as the demo account. */
  clients: ClientProvider;
  /** The same account signing with V1 (older private-cloud endpoints). */
  clientsV1: ClientProvider;
  /** Provider signing as the RAM user allowed to read only `readerBucket/photos/*`. */
  readerClients: ClientProvider;
  readerBucket: string;
  /** Method and URL of every request the fixture's clients sent. */
  requests: Array<{ method: string; url: string }>;
  onRequest(listener: (method: string, url: string) => void): void;
  accountClient(bucket: string): OSS;
  /** Creates a bucket (in the default region unless told) and tells the providers where it is. */
  createBucket(name: string, region?: string): Promise<void>;
  seed(bucket: string, objects: SeedSpec[]): Promise<void>;
  getBytes(bucket: string, key: string): Promise<Buffer>;
  fault(rule: FaultSpec): Promise<void>;
  /** Server-wide faults: a random 5xx rate, added latency, a bandwidth cap (rules are kept). */
  setFaults(config: { errorRate?: number; errorStatus?: 500 | 503; latencyMs?: number; bandwidthBytesPerSec?: number }): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

/** Starts an in-memory emulator and builds clients for it. */
export async function startBrowseFixture(options: { restoreDelayMs?: number } = {}): Promise<BrowseFixture> {
  const emulator = await startEmulator({ memory: true, port: 0, restoreDelayMs: options.restoreDelayMs ?? 200 });
  const adminToken = emulator.adminToken;
  const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${emulator.endpoint}/__emulator/${path}`, {
      method,
      headers: { 'x-emulator-admin-token': adminToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`admin ${method} ${path}: ${JSON.stringify(json)}`);
    return json;
  };

  const requests: Array<{ method: string; url: string }> = [];
  const listeners: Array<(method: string, url: string) => void> = [];
  const recordingUrllib = {
    request(url: string, params: { method?: string }) {
      const method = (params.method ?? 'GET').toUpperCase();
      requests.push({ method, url });
      for (const l of listeners) l(method, url);
      return urllib.request(url, params as Parameters<typeof urllib.request>[1]);
    },
  };

  const region = emulator.region;
  const makeClient = (creds: Credentials, bucket?: string, v4 = true, inRegion = region): OSS =>
    new OSS({
      endpoint: emulator.endpoints[inRegion] ?? emulator.endpoint,
      region: inRegion,
      ...creds,
      bucket,
      authorizationV4: v4,
      sldEnable: true,
      urllib: recordingUrllib,
    } as unknown as OSS.Options);

  /** Like the profiles client factory: routes a bucket to its region once told where it is. */
  const provider = (creds: Credentials, v4 = true): ClientProvider & { rememberRegion(p: string, b: string, r: string): void } => {
    const cache = new Map<string, OSS>();
    const regions = new Map<string, string>();
    return {
      forService: async () => makeClient(creds, undefined, v4),
      forBucket: async (_profileId, bucket) => {
        let client = cache.get(bucket);
        if (!client) cache.set(bucket, (client = makeClient(creds, bucket, v4, regions.get(bucket))));
        return client;
      },
      isolatedForBucket: async (_profileId, bucket) => makeClient(creds, bucket, v4, regions.get(bucket)),
      rememberRegion: (_profileId, bucket, r) => {
        regions.set(bucket, r);
        cache.delete(bucket);
      },
    };
  };

  const key = (name: string): Credentials => {
    const found = emulator.accounts.find((a) => a.name === name);
    if (!found) throw new Error(`emulator has no demo key for ${name}`);
    return { accessKeyId: found.accessKeyId, accessKeySecret: found.accessKeySecret };
  };
  const account = key('sandbox');
  const reader = key('photos-reader');

  const clients = provider(account);
  const clientsV1 = provider(account, false);
  const readerClients = provider(reader);
  return {
    endpoint: emulator.endpoint,
    region,
    regions: Object.keys(emulator.endpoints),
    clients,
    clientsV1,
    readerClients,
    readerBucket: 'family-photos',
    requests,
    onRequest: (listener) => listeners.push(listener),
    accountClient: (bucket) => makeClient(account, bucket),
    createBucket: async (name, inRegion) => {
      await admin('POST', 'buckets', inRegion ? { name, region: inRegion } : { name });
      if (inRegion) for (const p of [clients, clientsV1, readerClients]) p.rememberRegion('', name, inRegion);
    },
    seed: async (bucket, objects) => {
      const plain = objects.filter((o) => !o.storageClass);
      for (let i = 0; i < plain.length; i += 5000) {
        await admin('POST', 'seed', {
          bucket,
          objects: plain.slice(i, i + 5000).map((o) => ({
            key: o.key,
            bodyBase64: Buffer.from(o.body ?? '').toString('base64'),
            contentType: o.contentType,
          })),
        });
      }
      for (const o of objects.filter((x) => x.storageClass)) {
        await makeClient(account, bucket).put(o.key, Buffer.from(o.body ?? ''), { headers: { 'x-oss-storage-class': o.storageClass! } });
      }
    },
    getBytes: async (bucket, key) => {
      const result = await makeClient(account, bucket).get(key);
      return result.content as Buffer;
    },
    fault: async (rule) => {
      await admin('POST', 'faults/rules', rule);
    },
    setFaults: async (config) => {
      const current = (await admin('GET', 'faults')) as { rules?: unknown[] };
      await admin('PUT', 'faults', { ...config, rules: current.rules ?? [] });
    },
    clearFaults: async () => {
      await admin('DELETE', 'faults');
    },
    close: () => emulator.close(),
  };
}
