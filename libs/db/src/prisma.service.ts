import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { type Pool } from 'pg';

import { APP_CONFIG, type Env } from '@fineprint/config';

import { createPgAdapter, createPgPool } from './prisma-client.factory';

/**
 * The application's Prisma client, and the pg pool under it (for the hot-path queries that
 * repositories write in plain SQL). Repositories are its only users.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: Env) {
    const pool = createPgPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
    super({ adapter: createPgAdapter(config.DATABASE_URL, undefined, pool) });
    this.pool = pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    if (!this.pool.ended) await this.pool.end();
  }

  /**
   * Runs `fn` while holding a transaction-scoped advisory lock: replicas calling this with
   * the same key take turns (the worker's boot sync).
   */
  async withAdvisoryLock<T>(key: number, fn: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
    return this.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key}::bigint)`;
        return fn();
      },
      { timeout: timeoutMs, maxWait: timeoutMs },
    );
  }

  /** Cheap reachability probe for health checks. */
  async ping(): Promise<void> {
    await this.$queryRawUnsafe('SELECT 1');
  }
}
