#!/usr/bin/env node
// `npm start`: the main job. API + worker together, migrations applied, the catalog
// synced; a crashed API or worker is started again with backoff (scripts/lib/run-apps.mjs). With no DATABASE_URL it starts an embedded PostgreSQL; with no REDIS_URL
// BullMQ queues its jobs in PostgreSQL. See README.md.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
const { onStopRequest, runInOwnGroup } = await import('./lib/own-group.mjs');
await runInOwnGroup(import.meta.url);

const { checkServices, migrate, startEmbeddedPostgres } = await import('./lib/services.mjs');
const { runApps, waitForHealth } = await import('./lib/run-apps.mjs');

let embedded;
let apps;
try {
  const env = {};
  if (!process.env.DATABASE_URL) {
    console.log('› no DATABASE_URL: starting the embedded PostgreSQL (data in .data/postgres)');
    embedded = await startEmbeddedPostgres(root, { port: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
    env.DATABASE_URL = embedded.url;
  }
  if (!process.env.REDIS_URL) {
    console.log('› no REDIS_URL: queues run on PostgreSQL (set REDIS_URL for production and many workers)');
    env.REDIS_URL = '';
  }
  for (const key of ['ADMIN_TOKEN', 'SECRET_KEY'])
    if (!process.env[key])
      console.log(`› no ${key}: using the development default (refused with NODE_ENV=production)`);
  const databaseUrl = env.DATABASE_URL ?? process.env.DATABASE_URL;
  await checkServices({ databaseUrl, redisUrl: env.REDIS_URL ?? process.env.REDIS_URL });
  migrate(root, databaseUrl);
  execFileSync(process.execPath, [join(root, 'scripts', 'build-web.mjs')], { cwd: root, stdio: 'ignore' });
  const port = process.env.PORT ?? '3000';
  env.PUBLIC_URL = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
  env.CATALOG_DIR = process.env.CATALOG_DIR ?? join(root, 'catalog');
  apps = runApps(root, env);
  // once, whoever asks first: the apps first, so the worker drains its jobs while the
  // database is still there, then the database
  let stopping;
  const stopAll = (code) =>
    (stopping ??= (async () => {
      await apps.stop();
      await embedded?.stop();
      process.exit(code);
    })());
  onStopRequest(() => {
    console.log('› stopping the API and the worker, then the database');
    return stopAll(0);
  });
  // a crashed app is started again (run-apps.mjs); this fires only when that gives up
  apps.exited.then(({ name, crashes, failedToStart }) => {
    if (stopping) return;
    console.error(
      failedToStart
        ? `✗ the ${name} could not start (its output is above); stopping.`
        : `✗ the ${name} keeps crashing (${crashes} times within a minute); stopping.`,
    );
    return stopAll(1);
  });
  await waitForHealth(env.PUBLIC_URL);
  console.log(
    `\n✓ Fineprint is running at ${env.PUBLIC_URL}  (health: ${env.PUBLIC_URL}/health, API docs: ${env.PUBLIC_URL}/api/docs)\n  Ctrl-C to stop.\n`,
  );
} catch (error) {
  console.error(`✗ ${error.message}`);
  await apps?.stop().catch(() => {});
  await embedded?.stop().catch(() => {});
  process.exit(1);
}
