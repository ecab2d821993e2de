#!/usr/bin/env node
// `node scripts/check-node.mjs` (.ci/run): exits 1 with the one-line message when this Node is
// older than package.json's engines.node. Kept apart from node-version.mjs, which Playwright
// and vitest import (their loaders reject import.meta in a CommonJS project).
import { fileURLToPath } from 'node:url';
import { enginesRange, nodeVersionProblem } from './node-version.mjs';

const problem = nodeVersionProblem(process.version, enginesRange(fileURLToPath(new URL('..', import.meta.url))));
if (problem) {
  console.error(problem);
  process.exit(1);
}
