import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, edgesBetween, importGraph } from './import-graph';

const root = path.resolve(import.meta.dirname, '../..');
const isServices = (f: string) => f.startsWith('main/services/');
const isIpcOrRoot = (f: string) => f.startsWith('main/ipc/') || f === 'main/app-context.ts';

describe('the import graph', () => {
  const graph = importGraph(root, ['main', 'shared', 'renderer', 'emulator']);

  it('covers the tree', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('main/app-context.ts')).toEqual(expect.arrayContaining(['main/services/browse/browse-services.ts']));
  });

  it('has no cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no edge from services/ up to ipc/ or the composition root', () => {
    expect(edgesBetween(graph, isServices, isIpcOrRoot)).toEqual([]);
  });

  it('has no edge from shipped code (main, shared, renderer) into the emulator except the sandbox', () => {
    const shipped = (f: string) => /^(main|shared|renderer)\//.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('main/test-support/') && !f.startsWith('main/integration/');
    const edges = edgesBetween(graph, shipped, (f) => f.startsWith('emulator/'));
    // The offline sandbox runs the emulator inside the app on purpose (DESIGN.md §5).
    expect(edges.filter((e) => !e.startsWith('main/services/sandbox/'))).toEqual([]);
  });

  it('finds a planted cycle and a planted services -> ipc edge', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'graph-'));
    try {
      await mkdir(path.join(tmp, 'main/services/x'), { recursive: true });
      await mkdir(path.join(tmp, 'main/ipc'), { recursive: true });
      await writeFile(path.join(tmp, 'main/services/x/a.ts'), "import type { B } from './b';\nexport type A = B;\n");
      await writeFile(path.join(tmp, 'main/services/x/b.ts'), "import { c } from '../../ipc/c';\nexport type B = typeof c;\nexport const load = () => import('./a');\n");
      await writeFile(path.join(tmp, 'main/ipc/c.ts'), 'export const c = 1;\n');
      const planted = importGraph(tmp, ['main']);
      expect(cycles(planted)).toEqual([['main/services/x/a.ts', 'main/services/x/b.ts']]);
      expect(edgesBetween(planted, isServices, isIpcOrRoot)).toEqual(['main/services/x/b.ts -> main/ipc/c.ts']);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
