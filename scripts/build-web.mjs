#!/usr/bin/env node
// Builds the dashboard (apps/web) into apps/web/dist with esbuild: one ES module and
// the static files. Takes well under a second; `npm start` and `npm test` run it.
// `--out <dir>` builds elsewhere (the production build puts it in dist/apps/web/dist).
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'apps', 'web');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]) : join(web, 'dist');
mkdirSync(join(out, 'assets'), { recursive: true });
await build({
  entryPoints: [join(web, 'src', 'main.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outfile: join(out, 'assets', 'app.js'),
  tsconfig: join(web, 'tsconfig.json'),
  logLevel: 'warning',
});
cpSync(join(web, 'public', 'index.html'), join(out, 'index.html'));
cpSync(join(web, 'public', 'styles.css'), join(out, 'assets', 'styles.css'));
console.log(`dashboard built into ${out}`);
