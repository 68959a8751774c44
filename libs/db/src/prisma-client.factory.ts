import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

/**
 * Splits Fineprint's DATABASE_URL into a pg connection string and an optional
 * PostgreSQL schema (`?schema=name`, as Prisma URLs carry it).
 */
export function parseDatabaseUrl(databaseUrl: string): {
  connectionString: string;
  schema: string | undefined;
} {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

export interface PrismaClientOptions {
  /** Largest number of pooled connections (default 10). */
  poolSize?: number;
}

/** A Prisma client on the `pg` driver adapter (no native engine; see docs/decisions). */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl, options.poolSize ?? 10) });
}

/**
 * The pg driver adapter for a DATABASE_URL. With `?schema=`, Prisma's own queries name the
 * schema and the connections' search_path points at it too, so raw SQL sees the same tables.
 */
export function createPgAdapter(databaseUrl: string, poolSize = 10, pool?: Pool): PrismaPg {
  const { schema } = parseDatabaseUrl(databaseUrl);
  // a pool made here belongs to the client: `$disconnect` ends it (else its idle
  // connections keep the process alive for 10 s); a pool passed in belongs to the caller
  return new PrismaPg(pool ?? createPgPool(databaseUrl, poolSize), {
    ...(schema ? { schema } : {}),
    disposeExternalPool: !pool,
  });
}

/**
 * A pg pool for a DATABASE_URL, its connections' search_path on the URL's `?schema=`.
 * Prisma runs on it through the adapter, and the few hot-path queries that skip Prisma's
 * query compiler (see docs/decisions/0011-hot-path-sql.md) share the same connections.
 */
export function createPgPool(databaseUrl: string, poolSize = 10): Pool {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  return new Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '')}"` } : {}),
  });
}
