/**
 * The server the conformance suite drives. Every test file starts one and gets ali-oss
 * clients (V1 and V4) plus unsigned raw HTTP for public-read-write buckets.
 */
import type OSS from 'ali-oss';
import { ossClient, raw, type RawResponse } from './oss-client';
import { startHarness } from './store-harness';

export interface Target {
  endpoint: string;
  client(bucket: string | undefined, v4: boolean): OSS;
  /** Unsigned HTTP (anonymous); path is sent as given. */
  raw(method: string, path: string, headers?: Record<string, string>, body?: Buffer | string | Buffer[]): Promise<RawResponse>;
  close(): Promise<void>;
}

export async function startTarget(): Promise<Target> {
  const harness = await startHarness({ memory: true, restoreDelayMs: 300 });
  return {
    endpoint: harness.endpoint,
    client: (bucket, v4) => ossClient(harness.endpoint, bucket, v4),
    raw: (method, path, headers, body) => raw(harness.endpoint, method, path, headers, body),
    close: () => harness.close(),
  };
}

/** Both signature versions, for describe.each. */
export const SIGNING = [
  { name: 'V1', v4: false },
  { name: 'V4', v4: true },
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
