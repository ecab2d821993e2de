// Edges of pasted STS credentials and environment credentials found by mutation testing
// (issue 15): no prompts for credentials already expired, values trimmed, the session token
// variable, and the STS endpoint's scheme.
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { credentialsFromEnvironment } from './environment';
import { AccessKeyProvider, STS_PROMPT_BEFORE_MS, StaticStsProvider } from './static-providers';
import type { CredentialEvent } from './types';

describe('StaticStsProvider', () => {
  it('credentials expired when pasted (or expiring that very moment) schedule no prompt', async () => {
    for (const offset of [-1_000, 0]) {
      const clock = new ManualClock(1_000_000);
      const events: CredentialEvent[] = [];
      const p = new StaticStsProvider({ accessKeyId: 'i', accessKeySecret: 's', securityToken: 't', expiration: new Date(clock.now() + offset) }, clock, (e) => events.push(e));
      expect(clock.pendingTimers()).toBe(0);
      await clock.advance(STS_PROMPT_BEFORE_MS);
      expect(events).toEqual([]);
      await expect(p.getCredentials()).rejects.toMatchObject({ code: 'SecurityTokenExpired' });
    }
  });

  it('one millisecond of life left: the prompt and the expiry both come', async () => {
    const clock = new ManualClock(1_000_000);
    const events: string[] = [];
    new StaticStsProvider({ accessKeyId: 'i', accessKeySecret: 's', securityToken: 't', expiration: new Date(clock.now() + 1) }, clock, (e) => events.push(e.kind));
    await clock.advance(1);
    expect(events).toEqual(['expiring', 'expired']);
  });

  it('an AccessKey pair never expires', () => {
    expect(new AccessKeyProvider({ accessKeyId: 'i', accessKeySecret: 's' }).expiresAt()).toBeUndefined();
  });
});

describe('credentialsFromEnvironment', () => {
  it('trims values and takes OSS_SESSION_TOKEN alone as the token', () => {
    expect(credentialsFromEnvironment({ OSS_ACCESS_KEY_ID: '  LTAIid \n', OSS_ACCESS_KEY_SECRET: ' s ', OSS_SESSION_TOKEN: ' tok ' })).toEqual({
      credentials: { type: 'sts-token', accessKeyId: 'LTAIid', accessKeySecret: 's', securityToken: 'tok' },
      variables: ['OSS_ACCESS_KEY_ID', 'OSS_ACCESS_KEY_SECRET', 'OSS_SESSION_TOKEN'],
    });
    expect(credentialsFromEnvironment({ OSS_ACCESS_KEY_ID: '   ', ALIBABA_CLOUD_ACCESS_KEY_ID: 'ali', OSS_ACCESS_KEY_SECRET: 's' })?.credentials).toMatchObject({ accessKeyId: 'ali' });
  });

  it('an STS endpoint without a scheme gets https://; one with http:// or https:// is kept', () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'a', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'b', ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/x' };
    const endpoint = (v: string) => (credentialsFromEnvironment({ ...env, ALIBABA_CLOUD_STS_ENDPOINT: v })?.credentials as { stsEndpoint?: string }).stsEndpoint;
    expect(endpoint('sts.cn-hangzhou.aliyuncs.com')).toBe('https://sts.cn-hangzhou.aliyuncs.com');
    expect(endpoint('http://127.0.0.1:9000')).toBe('http://127.0.0.1:9000');
    expect(endpoint('https://sts.example')).toBe('https://sts.example');
    expect(endpoint('sts.example/?next=http://x')).toBe('https://sts.example/?next=http://x');
    expect(credentialsFromEnvironment(env)?.credentials).not.toHaveProperty('stsEndpoint');
  });
});
