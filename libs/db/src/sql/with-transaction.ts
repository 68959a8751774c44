import { type Pool, type PoolClient } from 'pg';

/**
 * Runs `fn` in one transaction on a connection of `pool`: COMMIT when it resolves,
 * ROLLBACK when it throws (the error is rethrown). A connection that cannot even roll
 * back is closed, not handed to the next caller.
 */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken ? true : undefined);
  }
}
