/**
 * dispatch at its edges, with plain handler tables: channel names that exist only on
 * Object.prototype, a channel without a handler, how many validation issues are named and
 * how, and which failures are logged as errors with a stack (bugs) or as warnings (expected).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppException } from '../../shared/errors';
import { createMemoryLogger } from '../services/log/logger';
import { describeIssues, dispatch } from './dispatch';
import type { HandlerTable } from './handler-types';

const table = (handlers: Record<string, unknown>) => handlers as unknown as HandlerTable;

describe('dispatch edges', () => {
  it('refuses names inherited from Object.prototype as unknown channels, without throwing', async () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(await dispatch(table({}), name, undefined)).toEqual({ ok: false, error: { code: 'UnknownChannel', message: `No such channel: ${name}` } });
    }
  });

  it('quotes at most 100 characters of an unknown channel name', async () => {
    const long = `x:${'y'.repeat(300)}`;
    const reply = await dispatch(table({}), long, undefined);
    expect(reply).toEqual({ ok: false, error: { code: 'UnknownChannel', message: `No such channel: ${long.slice(0, 100)}` } });
  });

  it('answers Internal for a contract channel without a handler', async () => {
    expect(await dispatch(table({}), 'app:info', undefined)).toEqual({ ok: false, error: { code: 'Internal', message: 'app:info has no handler in this build.' } });
  });

  it('names nested fields with dots, the whole input as "input", and at most five issues', () => {
    const nested = z.object({ a: z.object({ b: z.array(z.string()) }) }).safeParse({ a: { b: [1] } });
    expect(describeIssues(nested.error!)).toMatch(/^a\.b\.0: /);
    const whole = z.string().safeParse(5);
    expect(describeIssues(whole.error!)).toMatch(/^input: /);
    const many = z.object(Object.fromEntries('abcdefg'.split('').map((k) => [k, z.string()]))).safeParse({});
    const named = describeIssues(many.error!).split('; ');
    expect(named.map((n) => n.split(':')[0])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('logs invalid input as a warning naming the channel and never calls the handler', async () => {
    const log = createMemoryLogger();
    let called = false;
    const reply = await dispatch(table({ 'app:log': () => (called = true) }), 'app:log', { level: 'loud', message: 'x' }, { log });
    expect(reply).toMatchObject({ ok: false, error: { code: 'InvalidArgument', message: expect.stringMatching(/^Invalid argument for app:log: level: /) } });
    expect(called).toBe(false);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/ WARN {2}Invalid argument for app:log/);
  });

  it('logs a bug (Internal) as an error with its stack, an expected failure as a warning without one', async () => {
    const log = createMemoryLogger();
    await dispatch(table({ 'app:info': () => { throw new TypeError('cannot read x of undefined'); } }), 'app:info', undefined, { log });
    await dispatch(table({ 'app:info': () => { throw new AppException({ code: 'NoSuchKey', message: 'gone', requestId: 'R1', ec: 'E1' }); } }), 'app:info', undefined, { log });
    expect(log.lines).toHaveLength(2);
    expect(log.lines[0]).toMatch(/ ERROR app:info failed: Internal/);
    expect(log.lines[0]).toContain('"stack":"TypeError: cannot read x of undefined');
    expect(log.lines[1]).toMatch(/ WARN {2}app:info failed: NoSuchKey/);
    expect(log.lines[1]).toContain('"requestId":"R1"');
    expect(log.lines[1]).toContain('"ec":"E1"');
    expect(log.lines[1]).not.toContain('stack');
  });

  it('passes the validated (parsed) input and the channel to the handler', async () => {
    const seen: unknown[] = [];
    await dispatch(table({ 'app:log': (input: unknown, call: unknown) => seen.push(input, call) }), 'app:log', { level: 'info', message: 'm', extra: 1 });
    expect(seen[1]).toEqual({ channel: 'app:log' });
    expect(seen[0]).toMatchObject({ level: 'info', message: 'm' });
  });
});
