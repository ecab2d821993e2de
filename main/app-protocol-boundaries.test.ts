/**
 * The app:// guard at its edges: a sibling folder whose name starts with the renderer
 * folder's name ("renderer-evil" next to "renderer") is outside it, whichever way the path
 * reaches it; the folder itself and names that merely start with ".." stay inside.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppUrl, resolveRendererFile } from './app-protocol-path';

const root = path.resolve('/srv/renderer');

describe('app protocol path boundaries', () => {
  it('refuses a sibling folder that starts with the root folder name', () => {
    for (const probe of ['/../renderer-evil/index.html', '/../renderer2/x.js', '/%2e%2e/renderer-evil/x.js', '/assets/../../renderer.bak/secret.json', '/..%2frenderer-evil%2fx.js']) {
      expect(resolveRendererFile(probe, root), probe).toBeNull();
    }
    expect(resolveAppUrl('app://renderer/..%2Frenderer-evil/index.html', root)).toBeNull();
  });

  it('refuses the parent folder itself', () => {
    expect(resolveRendererFile('/..', root)).toBeNull();
    expect(resolveRendererFile('/../', root)).toBeNull();
  });

  it('keeps paths inside that only look like escapes', () => {
    expect(resolveRendererFile('/..data.js', root)).toBe(path.join(root, '..data.js'));
    expect(resolveRendererFile('/assets/../index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile('//assets//x.js', root)).toBe(path.join(root, 'assets/x.js'));
    expect(resolveRendererFile('/renderer-evil/x.js', root)).toBe(path.join(root, 'renderer-evil/x.js'));
  });

  it('serves index.html for an empty path and drops query and fragment', () => {
    expect(resolveRendererFile('', root)).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile('/?v=1', root)).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile('/a.js#frag', root)).toBe(path.join(root, 'a.js'));
  });

  it('accepts a root given with a trailing separator the same way', () => {
    expect(resolveRendererFile('/../renderer-evil/x.js', `${root}${path.sep}`)).toBeNull();
    expect(resolveRendererFile('/x.js', `${root}${path.sep}`)).toBe(path.join(root, 'x.js'));
  });
});
