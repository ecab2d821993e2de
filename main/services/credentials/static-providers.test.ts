import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { AccessKeyProvider, StaticStsProvider } from './static-providers';
import { CredentialsExpiredError, type CredentialEvent } from './types';

const MIN = 60_000;

describe('static providers', () => {
  it('an AccessKey pair never expires', async () => {
    const p = new AccessKeyProvider({ accessKeyId: 'LTAI5tExample0001', accessKeySecret: 'secret-1' });
    expect(await p.getCredentials()).toEqual({ accessKeyId: 'LTAI5tExample0001', accessKeySecret: 'secret-1' });
    expect(p.expiresAt()).toBeUndefined();
  });

  it('a pasted STS token warns at 10 minutes left, then stops with SecurityTokenExpired', async () => {
    const clock = new ManualClock();
    const exp = new Date(clock.now() + 30 * MIN);
    const events: CredentialEvent[] = [];
    const p = new StaticStsProvider({ accessKeyId: 'STS.abc', accessKeySecret: 's', securityToken: 'tok-SECRET-123', expiration: exp }, clock, (e) => events.push(e));
    await clock.advance(19 * MIN);
    expect(events).toEqual([]);
    await clock.advance(1 * MIN);
    expect(events).toEqual([{ kind: 'expiring', expiresAt: exp }]);
    expect((await p.getCredentials()).securityToken).toBe('tok-SECRET-123');
    await clock.advance(10 * MIN);
    expect(events.map((e) => e.kind)).toEqual(['expiring', 'expired']);
    const err = await p.getCredentials().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CredentialsExpiredError);
    expect(err).toMatchObject({ code: 'SecurityTokenExpired' });
    expect((err as Error).message).not.toContain('SECRET');
    expect((err as CredentialsExpiredError).hint).toMatch(/paste a new STS token/i);
    p.dispose();
    expect(clock.pendingTimers()).toBe(0);
  });
});
