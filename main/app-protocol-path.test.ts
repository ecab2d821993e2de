import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppUrl, resolveRendererFile } from './app-protocol-path';

const root = path.resolve('/srv/renderer');

describe('app protocol paths', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppUrl('app://renderer/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://renderer/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://renderer/assets/main-abc.js?x=1', root)).toBe(path.join(root, 'assets/main-abc.js'));
  });

  it('refuses paths that escape the folder and other hosts', () => {
    expect(resolveRendererFile('/../../etc/passwd', root)).toBeNull();
    expect(resolveRendererFile('/%2e%2e/%2e%2e/etc/passwd', root)).toBeNull();
    expect(resolveRendererFile('/assets/%00.js', root)).toBeNull();
    expect(resolveRendererFile('/%E0%A4%A', root)).toBeNull();
    expect(resolveAppUrl('app://other/index.html', root)).toBeNull();
    expect(resolveAppUrl('file:///srv/renderer/index.html', root)).toBeNull();
  });

  it('names content types the browser needs for module scripts', () => {
    expect(contentTypeFor('a/b.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('x.css')).toMatch(/^text\/css/);
  });
});
