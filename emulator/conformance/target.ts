/**
 * The server the conformance suite drives. Every test file starts one and gets ali-oss
 * clients (V1 and V4) plus unsigned raw HTTP for public-read-write buckets.
 */
import type OSS from 'ali-oss';
import { ossClient, raw, type RawResponse } from './oss-client';
import { startEmulator } from '../index';
import { createStore, type EmulatorStore } from '../store/index';

export interface Target {
  endpoint: string;
  /** The store behind the gate, for seeding (what the admin API's `seed` uses). */
  store: EmulatorStore;
  /** A client for the default region (oss-cn-hangzhou) or another region's endpoint. */
  client(bucket: string | undefined, v4: boolean, vhost?: boolean, region?: string): OSS;
  /** Unsigned HTTP (anonymous); path is sent as given. */
  raw(method: string, path: string, headers?: Record<string, string>, body?: Buffer | string | Buffer[]): Promise<RawResponse>;
  close(): Promise<void>;
}

/** The real emulator (gate + store), in memory, signed with the first demo account's key. */
export async function startTarget(): Promise<Target> {
  let store: EmulatorStore | null = null;
  const emu = await startEmulator({
    memory: true,
    port: 0,
    restoreDelayMs: 300,
    createStore: async (o) => {
      store = await createStore(o);
      return store;
    },
  });
  const account = emu.accounts.find((a) => a.kind === 'account');
  if (!account) throw new Error('the emulator config has no account key');
  const credentials = { accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret };
  return {
    endpoint: emu.endpoint,
    store: store as unknown as EmulatorStore,
    client: (bucket, v4, vhost = false, region = emu.region) => {
      const endpoint = emu.endpoints[region];
      if (!endpoint) throw new Error(`the emulator serves no region ${region}`);
      return ossClient(endpoint, bucket, v4, credentials, vhost, region);
    },
    raw: (method, path, headers, body) => raw(emu.endpoint, method, path, headers, body),
    close: () => emu.close(),
  };
}

/** Both signature versions, for describe.each (path style). */
export const SIGNING = [
  { name: 'V1', v4: false, vhost: false },
  { name: 'V4', v4: true, vhost: false },
] as const;

/** Both signature versions in both addressing styles. */
export const SIGNING_AND_STYLE = [
  ...SIGNING,
  { name: 'V1 virtual-host', v4: false, vhost: true },
  { name: 'V4 virtual-host', v4: true, vhost: true },
] as const;

/** The error code ali-oss reports for a failed call (or 'no error'). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    const e = error as { code?: string; name?: string; status?: number };
    return e.code ?? e.name ?? 'unknown';
  }
}

/** A unique bucket name per test. */
let counter = 0;
export function bucketName(tag: string): string {
  counter += 1;
  return `${tag}-${process.pid}-${counter}`.toLowerCase().slice(0, 63);
}
