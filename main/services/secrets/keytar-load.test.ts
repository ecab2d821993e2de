// The real keytar module is loaded lazily when no keytar is injected (the app's path). Only
// a read-only lookup under a test service name is made, so no keychain entry is touched:
// on a machine without a Secret Service it fails as "unavailable", never as a broken module.
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from './keytar-secret-store';

describe('KeytarSecretStore without an injected keytar', () => {
  it('loads the real keytar and reaches its functions', async () => {
    const store = new KeytarSecretStore({ service: 'OSS Browser lazy-load test', timeoutMs: 5_000 });
    const outcome = await store.list().then(
      (accounts) => ({ accounts }),
      (e: unknown) => ({ error: e as Error & { failure?: string } }),
    );
    if ('accounts' in outcome) expect(outcome.accounts).toEqual([]);
    else {
      expect(outcome.error.message).not.toMatch(/is not a function|Cannot read properties/);
      expect(outcome.error.failure).toMatch(/^(unavailable|denied|timeout)$/);
    }
  });
});
