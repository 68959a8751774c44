import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { applyMigrationsToSchema } from '../apply-migrations';
import { parseDatabaseUrl } from '../prisma-client.factory';
import { SQL } from './hot-path.sql';

describe('the hot-path statements (real PostgreSQL, migrated schema)', () => {
  const url = new URL(process.env['DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/test');
  const schema = `t_sql_${randomBytes(4).toString('hex')}`;
  url.searchParams.set('schema', schema);
  const client = new Client({ connectionString: parseDatabaseUrl(url.toString()).connectionString });

  beforeAll(async () => {
    await applyMigrationsToSchema(url.toString());
    await client.connect();
    await client.query(`SET search_path TO "${schema}"`);
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    await client.end();
  });

  it.each(Object.entries(SQL))('%s prepares against the schema the migrations make', async (_key, sql) => {
    // PREPARE parses, resolves every table, column, type and cast, and plans: a renamed
    // column or a statement that no longer fits the schema fails here, not in a worker
    await client.query(`PREPARE "${sql.name}" AS ${sql.text}`);
    await client.query(`DEALLOCATE "${sql.name}"`);
  });

  it('has a distinct name for every statement', () => {
    const names = Object.values(SQL).map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
