import { Redis, type RedisOptions } from 'ioredis';

import { type Throttle } from '@fineprint/scraper';

/**
 * Spaces requests to one host across every worker process: a key per host set with
 * `NX PX spacing` is a ticket; whoever fails to set it waits for the key to expire.
 */
export class RedisHostThrottle implements Throttle {
  private readonly redis: Redis;

  constructor(
    options: RedisOptions,
    private readonly prefix: string,
    private readonly spacingMs: number,
  ) {
    this.redis = new Redis({ ...options, lazyConnect: false });
    this.redis.on('error', () => undefined); // reconnects on its own; acquire() fails open below
  }

  async acquire(host: string): Promise<void> {
    if (this.spacingMs <= 0) return;
    const key = `${this.prefix}:host-spacing:${host}`;
    for (let attempt = 0; attempt < 1000; attempt++) {
      let waitMs: number;
      try {
        if ((await this.redis.set(key, '1', 'PX', this.spacingMs, 'NX')) === 'OK') return;
        waitMs = await this.redis.pttl(key);
      } catch {
        return; // Redis is away: fetching a little too fast beats not fetching
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(5, waitMs) + Math.floor(Math.random() * 20)),
      );
    }
  }

  close(): Promise<void> {
    this.redis.disconnect();
    return Promise.resolve();
  }
}
