/** isTrustedSender at its edges: half a userinfo, origins without a host, broken allowed origins. */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSender } from './trusted-sender';

describe('isTrustedSender edges', () => {
  it('refuses a URL with only a user name or only a password', () => {
    expect(isTrustedSender('app://user@renderer/', [APP_ORIGIN])).toBe(false);
    expect(isTrustedSender('app://:pw@renderer/', [APP_ORIGIN])).toBe(false);
  });

  it('never trusts a host-less page, even when a host-less origin is allowed', () => {
    expect(isTrustedSender('file:///etc/passwd', ['file://'])).toBe(false);
    expect(isTrustedSender('app:///index.html', ['app:///'])).toBe(false);
  });

  it('skips allowed origins that are not URLs instead of failing or matching', () => {
    expect(isTrustedSender('app://renderer/', ['not a url', APP_ORIGIN])).toBe(true);
    expect(isTrustedSender('app://renderer/', ['not a url'])).toBe(false);
  });
});
