import { Module } from '@nestjs/common';
import { type ThrottlerStorage } from '@nestjs/throttler';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { QueueBackend } from '@fineprint/queue';

import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** The rate-limit counters' store, shared by ThrottlerModule. */
export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

/**
 * Counters in Redis when the installation runs on Redis (every API replica sees the same
 * counts), else in this process's memory (a single process on PostgreSQL queues).
 */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [APP_CONFIG, QueueBackend],
      useFactory: (config: Env, queues: QueueBackend): ThrottlerStorage =>
        queues.kind === 'redis'
          ? new RedisThrottlerStorage(queues.redisOptions(), config.QUEUE_PREFIX)
          : new FixedWindowThrottlerStorage(),
    },
  ],
  exports: [RATE_LIMIT_STORAGE],
})
export class RateLimitModule {}
