/** Fault rules: fail exactly the next N matching requests, match actions case-insensitively, error rates, validation. */
import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OssError } from '../core/contract';
import { FaultInjector } from './fault-injector';

const req = { headers: {}, socket: { destroy() {} } } as unknown as IncomingMessage;
const res = {} as ServerResponse;
const target = (method: string, path: string, operation?: string) => ({ method, path, operation });

async function outcome(f: FaultInjector, t: ReturnType<typeof target>): Promise<string> {
  try {
    return await f.apply(t, req, res);
  } catch (err) {
    return err instanceof OssError ? `${err.status} ${err.code}` : 'other';
  }
}

describe('FaultInjector', () => {
  it('fails exactly the next N matching requests, leaving others alone', async () => {
    const f = new FaultInjector();
    f.addRule({ match: { method: 'put', path: '^/b/photos/' }, action: 'error', status: 500, times: 2 });
    expect(await outcome(f, target('GET', '/b/photos/x'))).toBe('proceed');
    expect(await outcome(f, target('PUT', '/b/docs/x'))).toBe('proceed');
    expect(await outcome(f, target('PUT', '/b/photos/x'))).toBe('500 InternalError');
    expect(await outcome(f, target('PUT', '/b/photos/y'))).toBe('500 InternalError');
    expect(await outcome(f, target('PUT', '/b/photos/z'))).toBe('proceed');
    expect(f.snapshot().rules).toEqual([]);
  });

  it('matches the operation case-insensitively and keeps rules without a count', async () => {
    const f = new FaultInjector();
    const id = f.addRule({ match: { operation: 'oss:GetObject' }, action: 'error', code: 'SlowDown', status: 503 });
    expect(await outcome(f, target('GET', '/b/k', 'OSS:GETOBJECT'))).toBe('503 SlowDown');
    expect(await outcome(f, target('GET', '/b/k', 'oss:GetObject'))).toBe('503 SlowDown');
    expect(await outcome(f, target('GET', '/b/k', 'oss:PutObject'))).toBe('proceed');
    expect(f.removeRule(id)).toBe(true);
    expect(await outcome(f, target('GET', '/b/k', 'oss:GetObject'))).toBe('proceed');
  });

  it('fails a request when the random draw falls under the error rate', async () => {
    const draws = [0.1, 0.9];
    const f = new FaultInjector({ errorRate: 0.5, errorStatus: 500 }, () => draws.shift()!);
    expect(await outcome(f, target('GET', '/'))).toBe('500 InternalError');
    expect(await outcome(f, target('GET', '/'))).toBe('proceed');
  });

  it('validates configuration', () => {
    expect(() => new FaultInjector({ errorRate: 1.5 })).toThrow();
    expect(() => new FaultInjector().addRule({ action: 'explode' as never })).toThrow();
  });
});
