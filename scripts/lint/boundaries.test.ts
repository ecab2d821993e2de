/**
 * Every folder boundary fails lint when broken: one violation of each rule is planted in a
 * temp copy of the tree, ESLint runs there with the project's own config, and each planted
 * file must fail with the boundary's message — while a permitted import next to it passes.
 * To add a rule, add a row to PLANTS (its file path decides which folder rules apply).
 */
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Plant {
  rule: string;
  /** A new file in the copied tree (relative to the root). */
  file: string;
  code: string;
  /** Part of the message the violation must carry; null for a permitted import that must pass. */
  message: RegExp | null;
}

const BOUNDARY_RULES = ['boundaries/imports', 'feature-boundaries/no-cross-feature-imports'];

const PLANTS: Plant[] = [
  { rule: 'renderer: no node: built-in', file: 'renderer/features/browse/plant-node.ts', code: "import { readFile } from 'node:fs/promises';\nvoid readFile;", message: /no Node built-ins/ },
  { rule: 'renderer: no bare built-in (from builtinModules)', file: 'renderer/lib/plant-bare.ts', code: "import { Worker } from 'worker_threads';\nvoid Worker;", message: /no Node built-ins/ },
  { rule: 'renderer: no main/', file: 'renderer/state/plant-main.ts', code: "import { describeError } from '../../main/services/oss/describe-error';\nvoid describeError;", message: /never imports main\// },
  { rule: 'renderer: no emulator/', file: 'renderer/app/plant-emulator.ts', code: "import { startEmulator } from '../../emulator/index';\nvoid startEmulator;", message: /emulator is a test server/ },
  { rule: 'renderer: no ali-oss', file: 'renderer/features/profiles/plant-alioss.ts', code: "import OSS from 'ali-oss';\nvoid OSS;", message: /never imports ali-oss/ },
  { rule: 'renderer: shared/ is fine', file: 'renderer/lib/plant-ok.ts', code: "import { redact } from '../../shared/redact';\nvoid redact;", message: null },
  { rule: 'renderer: features do not import each other (scripts/eslint/feature-boundaries.mjs)', file: 'renderer/features/browse/plant-feature.ts', code: "export { AppFrame } from '../shell/app-frame';", message: /renderer features do not import each other/ },
  { rule: 'renderer: a feature reaches another feature from a subfolder', file: 'renderer/features/browse/components/plant-subfolder.tsx', code: "export { AppFrame } from '../../shell/app-frame';", message: /'browse' may not import from feature 'shell'/ },
  {
    rule: 'renderer: a feature uses ui/, lib/, state/, shared/ and its own files',
    file: 'renderer/features/browse/components/plant-ok.tsx',
    code: [
      "import { Dialog } from '../../../ui/dialog';",
      "import { call } from '../../../lib/oss-api';",
      "import { selectionStore } from '../../../state/selection-store';",
      "import type { AppError } from '../../../../shared/errors';",
      "import { humanSize } from '../format';",
      'export const all: unknown[] = [Dialog, call, selectionStore, humanSize];',
      'export type E = AppError;',
    ].join('\n'),
    message: null,
  },
  { rule: 'renderer: a folder import (its index.tsx) counts too', file: 'renderer/features/share/plant-folder.ts', code: "export * from '../browse';", message: /renderer features do not import each other/ },
  { rule: 'shared: no other package', file: 'shared/plant-package.ts', code: "import { lookup } from 'mime-types';\nvoid lookup;", message: /only zod and other shared\// },
  { rule: 'shared: no Node built-in', file: 'shared/contract/plant-node.ts', code: "import path from 'node:path';\nvoid path;", message: /only zod and other shared\// },
  { rule: 'shared: nothing outside shared/', file: 'shared/contract/plant-outside.ts', code: "import { SINGLE_COPY_LIMIT } from '../../main/services/oss/multipart-copy';\nvoid SINGLE_COPY_LIMIT;", message: /only zod and other shared\// },
  { rule: 'shared: zod and shared/ are fine', file: 'shared/contract/plant-ok.ts', code: "import { z } from 'zod';\nimport { ErrorCode } from '../errors';\nvoid z;\nvoid ErrorCode;", message: null },
  { rule: 'services: no electron', file: 'main/services/browse/plant-electron.ts', code: "import { shell } from 'electron';\nvoid shell;", message: /plain Node/ },
  { rule: 'services: no ipc/', file: 'main/services/oss/plant-ipc.ts', code: "import { dispatch } from '../../ipc/dispatch';\nvoid dispatch;", message: /below the IPC layer/ },
  { rule: 'services: no app-context', file: 'main/services/jobs/plant-context.ts', code: "import { createAppContext } from '../../app-context';\nvoid createAppContext;", message: /composition root/ },
  { rule: 'services: features do not import each other', file: 'main/services/browse/plant-feature.ts', code: "import { ProfileStore } from '../profiles/profile-store';\nvoid ProfileStore;", message: /do not import each other/ },
  { rule: 'services: a dynamic import counts too', file: 'main/services/preview/plant-dynamic.ts', code: "export const load = () => import('../browse/object-listing');", message: /do not import each other/ },
  { rule: 'services: a folder import (its index.ts) counts too', file: 'main/services/browse/plant-folder.ts', code: "export * from '../profiles';", message: /do not import each other/ },
  { rule: 'services: a file directly in services/ is not a feature', file: 'main/services/browse/plant-app-info.ts', code: "import { getAppInfo } from '../app-info';\nvoid getAppInfo;", message: null },
  { rule: 'services: shared service folders are fine', file: 'main/services/browse/plant-ok.ts', code: "import { JobRunner } from '../jobs/job-runner';\nimport { describeError } from '../oss/describe-error';\nvoid JobRunner;\nvoid describeError;", message: null },
  { rule: 'raw ipcMain only in ipc/register.ts', file: 'main/plant-ipcmain.ts', code: "import { ipcMain } from 'electron';\nvoid ipcMain;", message: /raw ipcMain\/ipcRenderer/ },
  { rule: 'raw ipcMain through a namespace import', file: 'main/ipc/plant-namespace.ts', code: "import * as electron from 'electron';\nvoid electron.ipcMain;", message: /raw ipcMain\/ipcRenderer/ },
  { rule: 'keytar only in secrets/keytar-secret-store.ts', file: 'main/services/secrets/plant-keytar.ts', code: "import keytar from 'keytar';\nvoid keytar;", message: /SecretStore interface/ },
];

describe('lint enforces the folder boundaries', () => {
  let tmp: string;
  let results: Map<string, ESLint.LintResult>;
  const root = path.resolve(import.meta.dirname, '../..');

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lint-plant-'));
    for (const entry of ['main', 'shared', 'renderer', 'emulator', 'scripts/lint', 'scripts/eslint', 'eslint.config.mjs', 'package.json']) {
      await cp(path.join(root, entry), path.join(tmp, entry), { recursive: true });
    }
    await symlink(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
    for (const p of PLANTS) await writeFile(path.join(tmp, p.file), `/** Planted by boundaries.test.ts. */\n${p.code}\n`);
    const eslint = new ESLint({ cwd: tmp });
    const linted = await eslint.lintFiles(PLANTS.map((p) => p.file));
    results = new Map(linted.map((r) => [path.relative(tmp, r.filePath).split(path.sep).join('/'), r]));
  }, 120_000);
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  for (const plant of PLANTS) {
    it(plant.rule, () => {
      const result = results.get(plant.file);
      expect(result, plant.file).toBeDefined();
      const boundary = result!.messages.filter((m) => BOUNDARY_RULES.includes(m.ruleId ?? '')).map((m) => m.message);
      if (plant.message === null) expect(boundary).toEqual([]);
      else expect(boundary).toEqual([expect.stringMatching(plant.message)]);
      // Nothing else is wrong with the planted file: the boundary is what fails.
      expect(result!.messages.filter((m) => !BOUNDARY_RULES.includes(m.ruleId ?? '') && m.severity === 2)).toEqual([]);
    });
  }
});
