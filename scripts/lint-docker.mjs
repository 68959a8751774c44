#!/usr/bin/env node
// Lints the deployment files without a Docker engine: the Dockerfile with dockerfile-utils
// (the Dockerfile language server's linter), docker-compose.yml with dclint, which checks
// it against the Compose Specification's JSON schema (with ajv) and its own best-practice
// rules. Any warning fails, like ESLint's --max-warnings=0. `npm test` runs it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
let ok = true;
for (const [label, cmd, args] of [
  ['Dockerfile (dockerfile-utils lint)', bin('dockerfile-utils'), ['lint', 'Dockerfile']],
  [
    'docker-compose.yml (dclint: Compose Specification schema and rules)',
    bin('dclint'),
    ['--max-warnings', '0', 'docker-compose.yml'],
  ],
]) {
  const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  // dockerfile-utils exits 0 on warnings: any diagnostic it prints fails too
  const passed = result.status === 0 && output === '';
  console.log(`${passed ? '✓' : '✗'} ${label}${output ? `\n${output}` : ''}`);
  ok &&= passed;
}
process.exit(ok ? 0 : 1);
