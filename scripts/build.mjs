#!/usr/bin/env node
// `npm run build`: the production build. Compiles the API, the worker and the CLI (and
// the libraries they use) from TypeScript to CommonJS with SWC, one file per source file
// with its source map, into dist/ laid out like the repository (so the few paths that
// are relative to a file, the dashboard's and the migrations', hold there too); builds
// the dashboard into dist/apps/web/dist. SWC rather than esbuild because NestJS needs
// the decorator metadata (`emitDecoratorMetadata`) that esbuild does not emit.
// Run a built app with `node --enable-source-maps dist/apps/api/main.js` (or worker, cli).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { transformFile } from '@swc/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, process.env.BUILD_OUT_DIR ?? 'dist');
const started = Date.now();

/** The apps that are built and their entry points (checked against the Dockerfile and compose by a test). */
const ENTRY_POINTS = {
  api: 'apps/api/src/main.ts',
  worker: 'apps/worker/src/main.ts',
  cli: 'apps/cli/src/main.ts',
};
// libs/testing is for tests only; no production code imports it
const SOURCE_DIRS = [
  ...Object.keys(ENTRY_POINTS).map((app) => `apps/${app}/src`),
  ...readdirSync(join(root, 'libs'))
    .filter((lib) => lib !== 'testing')
    .map((lib) => `libs/${lib}/src`),
];
const isTest = (name) => /\.(int-)?spec\.ts$/.test(name) || name.endsWith('.d.ts');

function walk(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : walk(path);
    return [path];
  });
}

const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const swcOptions = (file) => ({
  filename: file,
  cwd: root,
  swcrc: false,
  configFile: false,
  sourceMaps: true,
  sourceFileName: relative(dirname(join(out, file)), join(root, file)),
  module: { type: 'commonjs', ignoreDynamic: true, strict: false },
  jsc: {
    target: 'es2022',
    baseUrl: root,
    // `@fineprint/x` becomes a relative require of libs/x/src/index
    paths: tsconfig.compilerOptions.paths,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    keepClassNames: true,
  },
});

rmSync(out, { recursive: true, force: true });
let compiled = 0;
let copied = 0;
for (const dir of SOURCE_DIRS) {
  for (const file of walk(dir)) {
    const target = join(out, file);
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.ts')) {
      if (isTest(file)) continue;
      const js = target.replace(/\.ts$/, '.js');
      const result = await transformFile(join(root, file), swcOptions(file));
      writeFileSync(js, `${result.code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
      writeFileSync(`${js}.map`, result.map ?? '');
      compiled++;
    } else if (file.endsWith('.json') || file.endsWith('.js')) {
      // JSON data, and plain JavaScript read at run time (the filter sandbox's child runner)
      cpSync(join(root, file), target);
      copied++;
    }
  }
}

// The launchers: `node dist/apps/<app>/main.js`
for (const app of Object.keys(ENTRY_POINTS)) {
  writeFileSync(
    join(out, 'apps', app, 'main.js'),
    `#!/usr/bin/env node\n'use strict';\n// built by scripts/build.mjs\nrequire('reflect-metadata');\nrequire('./src/main.js');\n`,
  );
}

// migrations (read by applyMigrationsToSchema, relative to its file) and the dashboard
cpSync(join(root, 'prisma'), join(out, 'prisma'), { recursive: true });
execFileSync(
  process.execPath,
  [join(root, 'scripts', 'build-web.mjs'), '--out', join(out, 'apps', 'web', 'dist')],
  {
    cwd: root,
    stdio: 'ignore',
  },
);

console.log(
  `built ${compiled} files (+${copied} JSON/JS, the dashboard, the migrations) into ${relative(root, out) || '.'}/ in ${((Date.now() - started) / 1000).toFixed(1)} s; run: node --enable-source-maps ${relative(root, out)}/apps/api/main.js`,
);
