/**
 * The import boundaries lint enforces (README.md, "Architecture"): each case plants one violation in a
 * file at a real path of the tree (ESLint lints the text as if it lived there) and checks
 * that lint fails with the rule's message; the allowed forms pass, so the check can fail
 * both ways. One row per rule: add yours to `violations` / `allowed`.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

interface Case {
  name: string;
  filePath: string;
  code: string;
  /** A piece of the message the failing rule must give. */
  message?: string;
}

const violations: Case[] = [
  {
    name: 'a renderer feature imports another feature',
    filePath: 'renderer/features/browse/planted.tsx',
    code: "import { openProfile } from '../profiles/profiles-state';\nexport const x = openProfile;\n",
    message: 'renderer features do not import each other',
  },
  {
    name: 'a renderer feature reaches another feature from a subfolder',
    filePath: 'renderer/features/browse/components/planted.tsx',
    code: "export { AppFrame } from '../../shell/app-frame';\n",
    message: "'browse' may not import from feature 'shell'",
  },
];

const allowed: Case[] = [
  {
    name: 'a renderer feature uses ui/, lib/, state/, shared/ and its own files',
    filePath: 'renderer/features/browse/components/planted.tsx',
    code: [
      "import { Dialog } from '../../../ui/dialog';",
      "import { call } from '../../../lib/oss-api';",
      "import { selectionStore } from '../../../state/selection-store';",
      "import type { AppError } from '../../../../shared/errors';",
      "import { humanSize } from '../format';",
      'export const all: unknown[] = [Dialog, call, selectionStore, humanSize];',
      'export type E = AppError;',
      '',
    ].join('\n'),
  },
];

async function lint(c: Case): Promise<string[]> {
  const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it.each(violations)('fails when $name', async (c) => {
    const messages = await lint(c);
    expect(messages.some((m) => m.includes(c.message!))).toBe(true);
  });

  it.each(allowed)('passes when $name', async (c) => {
    expect(await lint(c)).toEqual([]);
  });
});
