/**
 * Builds main (out/main), the sandboxed preload (out/preload, every dependency bundled in
 * because a sandboxed preload cannot require node_modules) and the renderer (out/renderer).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin, Rolldown } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/window-options';

/** The built index.html carries the CSP too, as a second line of defence next to the header. */
function cspMetaTag(): Plugin {
  // frame-ancestors is ignored (with a console warning) in a meta tag; the header sets it.
  const content = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'oss-browser-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }],
  };
}

/**
 * emulator/index.ts imports its store lazily (so the emulator CLI and tests load it only when
 * asked), while the sandbox service imports it statically to hand it in. In main's one bundle
 * that lazy import cannot split anything off, which is all the warning says: not a fault.
 */
const quietExpectedMainWarnings: NonNullable<Rolldown.InputOptions['onLog']> = (level, log, handler) => {
  if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && /emulator[\\/]store[\\/]index\.ts/.test(log.message)) return;
  handler(level, log);
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(__dirname, 'main/index.ts') }, onLog: quietExpectedMainWarnings },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'main/preload.ts') }, external: ['electron'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      target: 'chrome130',
      minify: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // Libraries in their own files: the app's own code stays well under the 500 kB warning,
        // so the warning keeps meaning "our code grew", and a rebuild changes fewer files.
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
              { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 2 },
              { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
