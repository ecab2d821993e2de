/**
 * Test fixture for the share feature: a real in-memory emulator, profile sessions pointed at
 * it the way the profiles feature builds them (record + credential provider), admin seeding
 * and an ali-oss client factory for "the recipient". Kept here so share tests depend on the
 * emulator, not on another feature's test support.
 */
import OSS from 'ali-oss';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { endpointSchema, type ProfileRecord } from '../../shared/profile-types';
import type { CredentialProvider } from '../services/credentials/types';
import { AccessKeyProvider } from '../services/credentials/static-providers';
import type { ClientProvider } from '../services/oss/client-provider';
import type { ProfileSession } from '../services/oss/client-factory';
import type { ShareSessions } from '../services/share/share-link-service';

export interface ShareEmulator {
  emu: RunningEmulator;
  account: { accessKeyId: string; accessKeySecret: string };
  key(name: string): { accessKeyId: string; accessKeySecret: string };
  /** A session as the profiles feature would open it. */
  session(provider: CredentialProvider, version?: 'v1' | 'v4', extra?: Partial<ProfileRecord>): ProfileSession;
  /** ShareSessions resolving every profile id to `session`. */
  sessions(session: ProfileSession): ShareSessions;
  /** A ClientProvider signing with `creds` (the public-read check). */
  clients(creds: { accessKeyId: string; accessKeySecret: string; stsToken?: string }): ClientProvider;
  /** ali-oss client for a bucket (V4, path style). */
  client(bucket: string, creds?: { accessKeyId: string; accessKeySecret: string; stsToken?: string }): OSS;
  createBucket(name: string): Promise<void>;
  seed(bucket: string, objects: Array<{ key: string; body: string; contentType?: string }>): Promise<void>;
  /** Moves the emulator's clock (link and token expiry without sleeping). */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

export async function startShareEmulator(): Promise<ShareEmulator> {
  const emu = await startEmulator({ memory: true, port: 0 });
  const admin = async (method: string, path: string, body?: unknown): Promise<void> => {
    const res = await fetch(`${emu.endpoint}/__emulator/${path}`, {
      method,
      headers: { 'x-emulator-admin-token': emu.adminToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  };
  const key = (name: string) => {
    const k = emu.accounts.find((a) => a.name === name);
    if (!k) throw new Error(`no demo key ${name}`);
    return { accessKeyId: k.accessKeyId, accessKeySecret: k.accessKeySecret };
  };
  const account = key('sandbox');
  const client = (bucket: string, creds: { accessKeyId: string; accessKeySecret: string; stsToken?: string } = account) =>
    new OSS({ endpoint: emu.endpoint, region: emu.region, bucket, sldEnable: true, authorizationV4: true, ...creds } as unknown as OSS.Options);
  const endpoint = endpointSchema.parse({ kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } });
  return {
    emu,
    account,
    key,
    session: (provider, version = 'v4', extra = {}) => ({
      record: {
        id: 'share-test',
        name: 'share test',
        type: provider.type,
        settings: {},
        endpoint: { ...endpoint, signatureVersion: version },
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        ...extra,
      },
      provider,
    }),
    sessions: (session) => ({ session: async () => session, bucketRegion: async () => emu.region }),
    clients: (creds) => ({
      forService: async () => client('', creds),
      forBucket: async (_p, bucket) => client(bucket, creds),
      isolatedForBucket: async (_p, bucket) => client(bucket, creds),
    }),
    client,
    createBucket: (name) => admin('POST', 'buckets', { name }),
    seed: (bucket, objects) =>
      admin('POST', 'seed', { bucket, objects: objects.map((o) => ({ key: o.key, bodyBase64: Buffer.from(o.body).toString('base64'), contentType: o.contentType })) }),
    setClockOffset: (ms) => {
      emu.clock.offsetMs = ms;
    },
    close: () => emu.close(),
  };
}

/** The demo account's keys as a provider. */
export function accountProvider(fx: ShareEmulator): AccessKeyProvider {
  return new AccessKeyProvider(fx.account);
}
