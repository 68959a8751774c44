import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type ThrottlerStorage } from '@nestjs/throttler';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * One fixed window per key, atomically: count the hit unless the key is blocked, start the
 * window's expiry on its first hit, block past the limit. Returns
 * [hits, window ms left, blocked (0|1), block ms left]. Both keys share a hash tag.
 */
const INCREMENT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return {hits, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockLeft}
end
local ttl = tonumber(ARGV[1])
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  left = ttl
end
if hits > tonumber(ARGV[2]) then
  local block = tonumber(ARGV[3])
  if block <= 0 then block = left end
  redis.call('SET', KEYS[2], '1', 'PX', block)
  return {hits, left, 1, block}
end
return {hits, left, 0, 0}
`;

/** How long a rate-limit check may wait for Redis before the request is let through. */
const DEFAULT_TIMEOUT_MS = 250;

/**
 * Rate-limit counters shared by every API replica: the same fixed windows as
 * FixedWindowThrottlerStorage, kept in Redis under the installation's queue prefix. A limit
 * is a guard against abuse, not a correctness gate, so when Redis is down or slow the check
 * fails open (the request is allowed) within a short timeout, and that is logged once per outage.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly client: Redis;
  private failing = false;
  /** Settles when the client is first ready (one listener, however many checks wait). */
  private readonly firstReady: Promise<void>;

  constructor(
    options: RedisOptions,
    private readonly prefix: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    this.client = new Redis({
      ...options,
      // commands fail at once while disconnected instead of queueing behind a reconnect
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: timeoutMs,
      connectTimeout: Math.max(timeoutMs, 1000),
    });
    this.client.on('error', (error: Error) => this.failedOpen(error));
    this.firstReady = new Promise((resolve) => this.client.once('ready', () => resolve()));
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    const base = `${this.prefix}:ratelimit:{${throttlerName}:${key}}`;
    try {
      const reply = await this.withTimeout(
        this.connected().then(() =>
          this.client.eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration),
        ),
      );
      const [hits, left, blocked, blockLeft] = (reply as number[]).map(Number) as [
        number,
        number,
        number,
        number,
      ];
      if (this.failing) {
        this.failing = false;
        this.logger.log('Redis reachable again: rate limits are shared across replicas');
      }
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(left / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: blocked === 1 ? Math.ceil(blockLeft / 1000) : 0,
      };
    } catch (error) {
      this.failedOpen(error);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status === 'ready') await this.client.quit().catch(() => undefined);
    this.client.disconnect();
  }

  /**
   * Resolves once the client is ready. While it first connects, a check waits for it (within
   * the timeout); during a known outage it fails at once.
   */
  private connected(): Promise<void> {
    if (this.client.status === 'ready') return Promise.resolve();
    if (this.failing || this.client.status === 'end') return Promise.reject(new Error('not connected'));
    return this.firstReady;
  }

  /** A backstop to ioredis's commandTimeout, e.g. while a connection attempt hangs. */
  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no reply within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private failedOpen(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(`Redis unavailable, rate limits are not enforced until it is back: ${message}`);
  }
}
