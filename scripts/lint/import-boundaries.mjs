// The folder boundaries of DESIGN.md §1 as one ESLint rule: each import (static, dynamic,
// re-export or require) is resolved against the project root and checked against the
// importing file's folder, with a message saying why the boundary exists. One rule rather
// than folder-scoped no-restricted-imports blocks, which silently replace each other.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Service folders every feature may use; any other folder under main/services/ is a feature. */
export const SHARED_SERVICE_FOLDERS = ['oss', 'jobs', 'credentials', 'secrets', 'log', 'host'];

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const why = {
  rendererNode: 'renderer/ runs in a sandboxed page without Node.js: no Node built-ins. Ask main over IPC (window.oss).',
  rendererMain: 'renderer/ reaches main only over IPC (window.oss): it never imports main/ code.',
  rendererEmulator: 'renderer/ ships to users: the emulator is a test server and never part of the page.',
  rendererAliOss: 'OSS requests are signed in main, where the credentials live: the page never imports ali-oss.',
  shared: 'shared/ is loaded by main and by the sandboxed renderer: it may import only zod and other shared/ files.',
  electron: 'main/services/ runs in plain Node so its unit tests need no Electron: electron is imported only by main/index.ts, window*.ts, desktop-host.ts, preload.ts and ipc/.',
  electronOutsideMain: 'electron exists only in the main process: import it only in main/ (outside services/).',
  keytar: 'keytar is reached only through the SecretStore interface (main/services/secrets/keytar-secret-store.ts), so tests can use the in-memory store.',
  servicesUp: 'main/services/ sits below the IPC layer and the composition root: take what a service needs as a constructor argument instead of importing ipc/ or app-context.',
  features: `feature folders under main/services/ do not import each other: move what two features need into services/oss or services/jobs (shared folders: ${SHARED_SERVICE_FOLDERS.join(', ')}), or wire it in app-context.`,
  rawIpc: 'raw ipcMain/ipcRenderer bypass the sender check and argument validation: only main/ipc/register.ts and main/preload.ts use them; everything else goes through handle()/emit() and the contract bridge.',
};

const RAW_IPC_FILES = new Set(['main/ipc/register.ts', 'main/preload.ts']);

/** `main/services/browse/x.ts` -> 'browse'; files directly in services/ or outside it -> null. */
function serviceFolder(rel) {
  const m = /^main\/services\/([^/]+)\/.+/.exec(rel);
  return m ? m[1] : null;
}

function packageName(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.split('/')[0];
}

/** The problem with importing `spec` from project file `file` (both relative to the root), or null. */
export function boundaryProblem(file, spec, importedNames = []) {
  const relative = spec.startsWith('.');
  if (importedNames.some((n) => n === 'ipcMain' || n === 'ipcRenderer') && packageName(spec) === 'electron' && !RAW_IPC_FILES.has(file)) return why.rawIpc;

  if (!relative) {
    const pkg = packageName(spec);
    if (file.startsWith('shared/')) return pkg === 'zod' || (pkg === 'vitest' && /\.test\.tsx?$/.test(file)) ? null : why.shared;
    if (file.startsWith('renderer/')) {
      if (builtins.has(spec) || builtins.has(pkg)) return why.rendererNode;
      if (pkg === 'ali-oss') return why.rendererAliOss;
      if (pkg === 'electron') return why.electronOutsideMain;
      if (pkg === 'keytar') return why.keytar;
      return null;
    }
    if (pkg === 'keytar' && file !== 'main/services/secrets/keytar-secret-store.ts') return why.keytar;
    if (pkg === 'electron') {
      if (!file.startsWith('main/')) return why.electronOutsideMain;
      if (file.startsWith('main/services/')) return why.electron;
    }
    return null;
  }

  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  if (file.startsWith('renderer/')) {
    if (target.startsWith('main/')) return why.rendererMain;
    if (target.startsWith('emulator/')) return why.rendererEmulator;
    return null;
  }
  if (file.startsWith('shared/')) return target.startsWith('shared/') ? null : why.shared;
  if (file.startsWith('main/services/')) {
    if (target.startsWith('main/ipc/') || target === 'main/ipc' || /^main\/app-context(\.ts)?$/.test(target)) return why.servicesUp;
    const from = serviceFolder(file);
    const to = serviceFolder(target.endsWith('.ts') ? target : `${target}.ts`);
    if (from && to && from !== to && !SHARED_SERVICE_FOLDERS.includes(to)) return why.features;
  }
  return null;
}

/** ESLint rule `boundaries/imports`. */
const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports inside the folder boundaries of DESIGN.md §1.' },
    schema: [],
    messages: { boundary: "'{{spec}}': {{why}}" },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    if (file.startsWith('..')) return {};
    const check = (node, spec, names = []) => {
      if (typeof spec !== 'string') return;
      const problem = boundaryProblem(file, spec, names);
      if (problem) context.report({ node, messageId: 'boundary', data: { spec, why: problem } });
    };
    const namesOf = (specifiers) => specifiers.filter((s) => s.type === 'ImportSpecifier' || s.type === 'ExportSpecifier').map((s) => (s.imported ?? s.local)?.name ?? s.local?.name);
    return {
      ImportDeclaration: (node) => check(node, node.source.value, namesOf(node.specifiers)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, namesOf(node.specifiers)),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value);
      },
      // `electron.ipcMain` after a default or namespace import is as raw as a named import.
      MemberExpression: (node) => {
        if (RAW_IPC_FILES.has(file) || node.object.type !== 'Identifier' || node.object.name !== 'electron') return;
        if (node.property.type === 'Identifier' && (node.property.name === 'ipcMain' || node.property.name === 'ipcRenderer')) {
          context.report({ node, messageId: 'boundary', data: { spec: `electron.${node.property.name}`, why: why.rawIpc } });
        }
      },
    };
  },
};

export default { meta: { name: 'boundaries' }, rules: { imports: importsRule } };
