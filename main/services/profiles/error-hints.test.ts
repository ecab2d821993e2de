/** Main's hints for profile errors are the ones the renderer translates (no drift). */
import { describe, expect, it } from 'vitest';
import { profileErrorHints } from '../../../shared/profile-types';
import en from '../../../renderer/i18n/locales/en/errors.json';
import { toCredentialError } from '../credentials/credential-errors';
import { providerFor } from '../credentials/provider-factory';
import { RegionsUnavailableError } from '../oss/endpoints';

function lookup(code: string): unknown {
  return code.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en.hint);
}

describe('profile error hints', () => {
  it('the English locale holds exactly the text main sends for every profile code', () => {
    for (const [code, text] of Object.entries(profileErrorHints)) expect([code, lookup(code)]).toEqual([code, text]);
    expect(new RegionsUnavailableError('x').hint).toBe(profileErrorHints.RegionsUnavailable);
  });

  it('STS and environment failures carry the hint of their code', () => {
    for (const code of ['NoPermission', 'EntityNotExist.Role', 'InvalidParameter.DurationSeconds', 'InvalidParameter.RoleSessionName', 'AuthenticationFail.OIDCToken.Expired', 'AuthenticationFail.OIDCToken.Invalid', 'EntityNotExist.OIDCProvider'] as const) {
      const err = toCredentialError(Object.assign(new Error(`${code}: refused`), { code }));
      expect([code, err.hint]).toEqual([code, profileErrorHints[code]]);
    }
    expect(() => providerFor({ type: 'environment' }, { env: {} })).toThrow(expect.objectContaining({ code: 'EnvironmentCredentialsMissing', hint: profileErrorHints.EnvironmentCredentialsMissing }));
  });
});
