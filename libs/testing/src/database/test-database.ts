import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { type Env, loadConfig } from '@fineprint/config';
import { applyMigrationsToSchema, parseDatabaseUrl } from '@fineprint/db';

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** DATABASE_URL pointing at a fresh schema with every migration applied. */
  url: string;
  schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * A schema of its own for one test file, on the real PostgreSQL, with the committed
 * migrations applied. Drop it in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = new URL(process.env['DATABASE_URL'] || DEFAULT_URL);
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  base.searchParams.set('schema', schema);
  const url = base.toString();
  await applyMigrationsToSchema(url);
  return {
    url,
    schema,
    async drop() {
      const client = new Client({ connectionString: parseDatabaseUrl(url).connectionString });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A unique queue prefix, so test files sharing one Redis never see each other's jobs. */
export function uniqueQueuePrefix(label = 't'): string {
  return `${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** A validated config for tests: private networks allowed, the given database and queue prefix. */
export function testConfig(overrides: Record<string, string> = {}): Env {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    ALLOW_PRIVATE_NETWORKS: 'true',
    HOST_SPACING_MS: '0',
    CONFIRM_DELAY_MS: '0',
    QUEUE_PREFIX: uniqueQueuePrefix(),
    ...overrides,
  });
}
