import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { Client } from 'pg';

import { parseDatabaseUrl } from './prisma-client.factory';

export const MIGRATIONS_DIR = resolve(__dirname, '../../../prisma/migrations');

/**
 * Applies the committed Prisma migrations, in order, to the schema named in the URL
 * (creating it). Used by tests, which each work in a schema of their own; deployments
 * use `prisma migrate deploy`, which also records the migrations it applied.
 */
export async function applyMigrationsToSchema(databaseUrl: string): Promise<void> {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const target = schema ?? 'public';
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${target}"`);
    await client.query(`SET search_path TO "${target}"`);
    const entries = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const name of entries) {
      const sql = await readFile(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
      await client.query(sql);
    }
  } finally {
    await client.end();
  }
}
