import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSender } from './trusted-sender';

describe('isTrustedSender', () => {
  const prod = [APP_ORIGIN];
  const dev = [APP_ORIGIN, 'http://localhost:5173'];

  it('accepts the app page', () => {
    expect(isTrustedSender('app://renderer/index.html', prod)).toBe(true);
    expect(isTrustedSender('app://renderer/', prod)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/index.html', dev)).toBe(true);
  });

  it('refuses other pages, schemes, hosts and ports', () => {
    for (const url of [
      'https://evil.example/',
      'app://evil/index.html',
      'file:///work/out/renderer/index.html',
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'https://localhost:5173/',
      'app://renderer.evil/index.html',
      'app://user:pw@renderer/',
      'about:blank',
      'data:text/html,<script>1</script>',
      'not a url',
      '',
      undefined,
      null,
    ]) {
      expect(isTrustedSender(url, dev), String(url)).toBe(false);
    }
    expect(isTrustedSender('http://localhost:5173/', prod)).toBe(false);
  });
});
