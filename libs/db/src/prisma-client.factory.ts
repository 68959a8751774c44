import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

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
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const adapter = new PrismaPg(
    { connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 },
    schema ? { schema } : undefined,
  );
  return new PrismaClient({ adapter });
}
