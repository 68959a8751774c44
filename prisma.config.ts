// Prisma CLI configuration. Prisma 6.19 runs offline here with its WebAssembly schema
// engine and the `pg` driver adapter; three upstream problems need the small
// workarounds below (see docs/decisions/0003-prisma-offline.md). Runtime code needs none of this.
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';
import pg from 'pg';

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/test';
process.env['DATABASE_URL'] ??= DEFAULT_DATABASE_URL;
const connectionString = process.env['DATABASE_URL'];

// 1. adapter-pg 6.x cannot deserialise catalog column types that the schema engine
//    reads (prisma/orm#27403): report them as text / text[] on the adapter's pool
//    queries, in this CLI process only.
const TEXT = 25;
const TEXT_ARRAY = 1009;
const CATALOG_TEXT_TYPES = new Set([18, 19, 22, 24, 30, 194, 2205, 2206]);
const NAME_ARRAY = 1003;
type QueryResultLike = { fields?: { dataTypeID: number }[] };
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply below
const originalQuery = pg.Pool.prototype.query as (this: pg.Pool, ...args: unknown[]) => unknown;
pg.Pool.prototype.query = function patchedQuery(this: pg.Pool, ...args: unknown[]) {
  const patch = (result: unknown): unknown => {
    const fields = (result as QueryResultLike | undefined)?.fields;
    for (const field of fields ?? []) {
      if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT;
      else if (field.dataTypeID === NAME_ARRAY) field.dataTypeID = TEXT_ARRAY;
    }
    return result;
  };
  const out = originalQuery.apply(this, args);
  return out instanceof Promise ? out.then(patch) : out;
} as typeof pg.Pool.prototype.query;

// 3. The WebAssembly engine leaves long timers armed, so each command would linger.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...rest);
  if ((ms ?? 0) >= 10_000 && /wasm:\/\//.test(new Error().stack ?? '')) timer.unref();
  return timer;
}) as typeof setTimeout;

// 4. `?schema=` in DATABASE_URL names the PostgreSQL schema, as the apps read it (libs/db):
//    pg does not know the parameter, so it is taken off the URL and given to the adapter,
//    and the connection's search_path points at it; without this, `migrate deploy` applied
//    the migrations to `public` while the apps used the named schema.
const schema = new URL(connectionString).searchParams.get('schema') ?? undefined;

function poolConfig(database?: string): pg.PoolConfig {
  const url = new URL(connectionString);
  if (database) url.pathname = `/${database}`;
  url.searchParams.delete('schema');
  return {
    connectionString: url.toString(),
    allowExitOnIdle: true,
    ...(schema && !database ? { options: `-c search_path="${schema}"` } : {}),
  };
}

// 2. adapter-pg 6.x points its shadow pool at the main database and drops the shadow
//    database before closing the pool: create a uniquely named one and drop it FORCEd.
class ShadowSafePg extends PrismaPg {
  override async connectToShadowDb() {
    const admin = new pg.Client(poolConfig());
    await admin.connect();
    const name = `prisma_shadow_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const adapter = await new PrismaPg(poolConfig(name)).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(poolConfig());
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: () => Promise.resolve(new ShadowSafePg(poolConfig(), schema ? { schema } : undefined)),
});
