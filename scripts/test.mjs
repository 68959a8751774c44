#!/usr/bin/env node
// `npm test`: the whole suite. Lint (type-checked ESLint with module boundaries),
// typecheck, the dashboard and production builds, the Dockerfile and compose lint,
// then every Jest project (unit and integration tests against the real
// PostgreSQL, Redis, Chromium, SMTP and webhook receivers on 127.0.0.1). Ends with
// one line "N passed, N failed" that totals every check and test that ran.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
const { checkServices } = await import('./lib/services.mjs');

const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  DATABASE_URL: process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test',
  TEST_REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
  // PDF.js (through unpdf) is loaded with a dynamic import, which Jest's CommonJS runtime needs this for
  NODE_OPTIONS:
    `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
};
try {
  await checkServices({ databaseUrl: env.DATABASE_URL, redisUrl: env.TEST_REDIS_URL });
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}

const only = process.argv.slice(2); // e.g. `npm test -- libs/diff` runs Jest on that path only
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (label, cmd, args) => {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  console.log(
    `━━ ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return result.status === 0;
};

let passed = 0;
let failed = 0;
if (only.length === 0) {
  // the project graph lets the module-boundaries rule see the layer tags
  spawnSync(bin('nx'), ['show', 'projects'], { cwd: root, env, stdio: 'ignore' });
  for (const [label, cmd, args] of [
    ['lint (eslint, type-checked, module boundaries)', bin('eslint'), ['--max-warnings=0', '.']],
    ['typecheck (tsc --noEmit, strict)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    [
      'typecheck the dashboard (DOM, bundler resolution)',
      bin('tsc'),
      ['-p', 'apps/web/tsconfig.json', '--noEmit'],
    ],
    ['build the dashboard (esbuild)', process.execPath, ['scripts/build-web.mjs']],
    ['build for production (npm run build: SWC into dist/)', process.execPath, ['scripts/build.mjs']],
    [
      'lint the Dockerfile and docker-compose.yml (dockerfile-utils, dclint + Compose schema)',
      process.execPath,
      ['scripts/lint-docker.mjs'],
    ],
  ]) {
    if (run(label, cmd, args)) passed++;
    else failed++;
  }
}

const reportDir = join(root, 'tmp');
mkdirSync(reportDir, { recursive: true });
// The scale-out test (five app processes saturating the cores for ~2 minutes) runs
// alone after the others, so that it neither slows down nor is slowed by them.
const SCALE_OUT = 'apps/e2e/src/scale-out.int-spec.ts';
const jestRuns =
  only.length > 0
    ? [['tests (jest: unit and integration)', only]]
    : [
        [
          'tests (jest: unit and integration)',
          ['--testPathIgnorePatterns', '/node_modules/', '/dist/', 'scale-out\\.int-spec\\.ts$'],
        ],
        ['scale-out test (jest: two APIs and three workers from the build, alone)', [SCALE_OUT]],
      ];
let jestOk = true;
for (const [index, [label, args]] of jestRuns.entries()) {
  const report = join(reportDir, `jest-results${index === 0 ? '' : `-${index}`}.json`);
  rmSync(report, { force: true });
  jestOk = run(label, bin('jest'), ['--maxWorkers=2', '--json', `--outputFile=${report}`, ...args]) && jestOk;
  try {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // a suite that failed to run (syntax error, crash in beforeAll) has no failed test: count it
    failed += results.testResults.filter(
      (s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'),
    ).length;
    if (results.numTotalTests === 0) {
      console.error('✗ no test ran');
      failed++;
    }
  } catch {
    failed++;
  }
}
if (!jestOk && failed === 0) failed++;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
