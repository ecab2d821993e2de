/**
 * The project's import graph, read with TypeScript's own pre-processor (static imports,
 * re-exports, dynamic imports and require calls; type-only imports included, since a cycle
 * of types still ties modules together), and the cycles in it (Tarjan's strongly connected
 * components). Small and dependency-free, so a test can check the graph on every run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Project-relative file -> project-relative files it imports. */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx|mts)$/;

function sourceFiles(root: string, dir: string, out: string[]): void {
  for (const name of readdirSync(path.join(root, dir))) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) sourceFiles(root, rel, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
}

function resolve(root: string, from: string, spec: string): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mts`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((c) => SOURCE.test(c) && existsSync(path.join(root, c))) ?? null;
}

/** The graph of every source file under `dirs` (relative imports only; packages are leaves). */
export function importGraph(root: string, dirs: string[]): ImportGraph {
  const files: string[] = [];
  for (const dir of dirs) sourceFiles(root, dir, files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(root, file, spec))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle (strongly connected component of more than one file, or a file importing itself). */
export function cycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Edges `from -> to` where `from` matches `fromPrefix` and `to` matches `toPrefix`. */
export function edgesBetween(graph: ImportGraph, from: (file: string) => boolean, to: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) if (from(file)) for (const t of targets) if (to(t)) out.push(`${file} -> ${t}`);
  return out;
}
