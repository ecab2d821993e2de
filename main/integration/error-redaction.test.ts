/**
 * Every text field of an IPC error is redacted, the hint included (issue 15 blind spot): a
 * hint built from a server message or a URL must not carry a secret to the page.
 */
import { describe, expect, it } from 'vitest';
import { AppException } from '../../shared/errors';
import { registerSecret } from '../../shared/redact';
import { dispatch } from '../ipc/dispatch';
import type { HandlerTable } from '../ipc/handler-types';
import { CredentialError } from '../services/credentials/types';
import { toAppException } from '../services/profiles/profiles-feature';

const fails = (thrown: unknown) => ({ 'profiles:list': () => Promise.reject(thrown) }) as unknown as HandlerTable;

describe('IPC errors are redacted in every field', () => {
  it('masks secrets by shape and registered secrets in hints and messages', async () => {
    const registered = 'my-proxy-pass-Registered!';
    registerSecret(registered);
    const cases: unknown[] = [
      new AppException({ code: 'X', message: `failed for ${registered}`, hint: `Retry with Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy or ${registered}` }),
      toAppException(new CredentialError('CredentialsUnavailable', 'http://user:S3cret-Pass@proxy.example failed', `Check https://sts.example/?SecurityToken=CAIS${'x'.repeat(20)}`)),
      Object.assign(new Error(`token ${encodeURIComponent(registered)}`), { code: 'NetworkError', hint: `password=${registered}` }),
    ];
    for (const thrown of cases) {
      const reply = await dispatch(fails(thrown), 'profiles:list', undefined);
      expect(reply.ok).toBe(false);
      const text = JSON.stringify(reply);
      for (const leak of [registered, encodeURIComponent(registered), 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy', 'S3cret-Pass', 'CAISxxxx']) {
        expect(text, `${leak} in ${text}`).not.toContain(leak);
      }
    }
  });
});
