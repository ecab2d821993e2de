// Feature folders do not import each other (README.md, "Architecture"): a feature under `featuresDir`
// may import its own files and anything outside the features folder (renderer/ui, lib,
// state, shared…), never another feature. Resolving the path (not matching the string)
// catches `../x`, `../../features/x` and deep relative forms alike.
import fs from 'node:fs';
import path from 'node:path';

/** @type {import('eslint').Rule.RuleModule} */
export const noCrossFeatureImports = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: { featuresDir: { type: 'string' }, message: { type: 'string' } },
        required: ['featuresDir'],
        additionalProperties: false,
      },
    ],
    messages: { cross: "'{{from}}' may not import from feature '{{to}}': {{why}}" },
  },
  create(context) {
    const { featuresDir, message } = context.options[0];
    const root = path.resolve(context.cwd, featuresDir);
    // A file inside a feature folder -> that feature; the folder itself (`../profiles`, which
    // reaches its index.tsx) -> that feature too; anything else -> null.
    const featureOf = (file, folderCounts = false) => {
      const rel = path.relative(root, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
      const first = rel.split(path.sep)[0];
      if (first && first !== rel) return first;
      if (!folderCounts || !first) return null;
      try {
        return fs.statSync(file).isDirectory() ? first : null;
      } catch {
        return null;
      }
    };
    const own = featureOf(path.resolve(context.filename));
    if (!own) return {};
    const check = (node) => {
      const spec = node.source && node.source.type === 'Literal' ? node.source.value : null;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = featureOf(path.resolve(path.dirname(context.filename), spec), true);
      if (target && target !== own) {
        context.report({
          node: node.source,
          messageId: 'cross',
          data: { from: own, to: target, why: message ?? 'share code through a common folder instead.' },
        });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'no-cross-feature-imports': noCrossFeatureImports } };
