#!/usr/bin/env node
// `npm run demo`: the Alexa story on one machine, offline. A simulated vendor site, a
// local SMTP sink and webhook receiver, and Fineprint against them; the terminal
// narrates what happens, and everything stays up to explore until Ctrl-C.
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
const { onStopRequest, runInOwnGroup } = await import('./lib/own-group.mjs');
await runInOwnGroup(import.meta.url);
const { checkServices, startEmbeddedPostgres } = await import('./lib/services.mjs');

let embedded;
try {
  const env = { ...process.env };
  if (!process.env.DATABASE_URL) {
    console.log('› starting the embedded PostgreSQL (data in .data/postgres)');
    embedded = await startEmbeddedPostgres(root, { port: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
    env.DATABASE_URL = embedded.url;
  }
  env.REDIS_URL = process.env.REDIS_URL ?? '';
  if (!process.env.SECRET_KEY)
    console.log('› no SECRET_KEY: using the development default (refused with NODE_ENV=production)');
  await checkServices({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });
  execFileSync(process.execPath, [join(root, 'scripts', 'build-web.mjs')], { cwd: root, stdio: 'ignore' });
  const story = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(root, 'scripts', 'demo-story.ts')],
    { cwd: root, env, stdio: 'inherit' },
  );
  // the story stops Fineprint and drops its schema; the database stops after it
  onStopRequest(() => story.kill('SIGINT'));
  const code = await new Promise((resolve) => story.once('exit', resolve));
  await embedded?.stop();
  process.exit(code ?? 0);
} catch (error) {
  console.error(`✗ ${error.message}`);
  await embedded?.stop().catch(() => {});
  process.exit(1);
}
