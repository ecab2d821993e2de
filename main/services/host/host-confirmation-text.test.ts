import { describe, expect, it } from 'vitest';
import { hostConfirmationText } from './host-confirmation-text';

describe("main's host confirmation dialog text", () => {
  it('names the host in the message and on the trust button, in English and Chinese', () => {
    for (const locale of ['en-US', 'zh-CN']) {
      for (const purpose of ['sign-in', 'access-code', 'oss-endpoint'] as const) {
        const t = hostConfirmationText({ host: 'sts.private.example:8443', insecure: false, purpose }, locale);
        expect(t.message, `${locale} ${purpose}`).toContain('sts.private.example:8443');
        expect(t.trust).toContain('sts.private.example:8443');
      }
    }
    expect(hostConfirmationText({ host: 'h', insecure: false, purpose: 'sign-in' }, 'zh-CN').title).toBe('信任此地址？');
    expect(hostConfirmationText({ host: 'h', insecure: false, purpose: 'sign-in' }, 'fr').title).toBe('Trust this address?');
  });

  it('warns about plain HTTP only when the address uses it', () => {
    expect(hostConfirmationText({ host: 'h', insecure: true, purpose: 'sign-in' }, 'en').detail).toMatch(/plain HTTP/);
    expect(hostConfirmationText({ host: 'h', insecure: false, purpose: 'sign-in' }, 'en').detail).not.toMatch(/HTTP/);
    expect(hostConfirmationText({ host: 'h', insecure: true, purpose: 'access-code' }, 'zh-CN').detail).toMatch(/明文 HTTP/);
  });

  it('says that an OSS endpoint gets the AccessKey ID and the signed requests', () => {
    expect(hostConfirmationText({ host: 'oss.private.example', insecure: true, purpose: 'oss-endpoint' }, 'en')).toMatchObject({ message: expect.stringMatching(/AccessKey ID/), detail: expect.stringMatching(/plain HTTP.*your files/) });
    expect(hostConfirmationText({ host: 'oss.private.example', insecure: false, purpose: 'oss-endpoint' }, 'zh-CN').message).toMatch(/AccessKey ID/);
  });

  it('words plain HTTP by what goes there: an access code\'s endpoint gets OSS requests and files, not credentials', () => {
    for (const locale of ['en', 'zh-CN']) {
      const code = hostConfirmationText({ host: 'h', insecure: true, purpose: 'access-code' }, locale).detail;
      expect(code, locale).toMatch(/your files|文件/);
      expect(code, locale).not.toMatch(/credentials|凭证/);
      expect(hostConfirmationText({ host: 'h', insecure: true, purpose: 'sign-in' }, locale).detail).toMatch(/credentials|凭证/);
    }
    expect(hostConfirmationText({ host: 'h', insecure: false, purpose: 'access-code' }, 'en').detail).toMatch(/person who gave you the code/);
  });

  it('speaks the language the request carries (the app\'s UI language) before the OS locale', () => {
    expect(hostConfirmationText({ host: 'h', insecure: false, purpose: 'sign-in', language: 'zh-CN' }, 'en-US').title).toBe('信任此地址？');
    expect(hostConfirmationText({ host: 'h', insecure: false, purpose: 'sign-in', language: 'en' }, 'zh-CN').title).toBe('Trust this address?');
  });
});
