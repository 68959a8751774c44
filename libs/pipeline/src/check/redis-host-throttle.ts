import { Redis, type RedisOptions } from 'ioredis';

import { HostHeldError, MAX_HOLD_WAIT_MS, type Throttle } from '@fineprint/scraper';

/**
 * One round trip: a host held by its Retry-After answers minus the hold's remaining ms;
 * else the spacing ticket is taken (0) or the ms until it lapses are returned.
 */
const TAKE_TURN = `
local held = redis.call('PTTL', KEYS[2])
if held > 0 then return -held end
if tonumber(ARGV[1]) <= 0 then return 0 end
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
return redis.call('PTTL', KEYS[1])`;

/** Sets a hold unless a longer one is already there. */
const HOLD = `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1])
end
return 1`;

type TurnRedis = Redis & {
  takeTurn(ticket: string, hold: string, spacingMs: number): Promise<number>;
  holdHost(hold: string, ms: number, until: number): Promise<number>;
};

/**
 * Spaces requests to one host across every worker process: a key per host set with
 * `NX PX spacing` is a ticket; whoever fails to set it waits for the key to expire. A
 * host that answered 429/503 with Retry-After is held by a second key until that time,
 * for every worker: a short hold is waited out, a long one fails the request at once.
 */
export class RedisHostThrottle implements Throttle {
  private readonly redis: TurnRedis;

  constructor(
    options: RedisOptions,
    private readonly prefix: string,
    private readonly spacingMs: number,
  ) {
    const redis = new Redis({ ...options, lazyConnect: false });
    redis.defineCommand('takeTurn', { numberOfKeys: 2, lua: TAKE_TURN });
    redis.defineCommand('holdHost', { numberOfKeys: 1, lua: HOLD });
    redis.on('error', () => undefined); // reconnects on its own; acquire() fails open below
    this.redis = redis as TurnRedis;
  }

  async acquire(host: string): Promise<void> {
    const ticket = `${this.prefix}:host-spacing:${host}`;
    const hold = `${this.prefix}:host-hold:${host}`;
    for (let attempt = 0; attempt < 1000; attempt++) {
      let answer: number;
      try {
        answer = await this.redis.takeTurn(ticket, hold, this.spacingMs);
      } catch {
        return; // Redis is away: fetching a little too fast beats not fetching
      }
      if (answer === 0) return;
      if (-answer > MAX_HOLD_WAIT_MS) throw new HostHeldError(host, new Date(Date.now() - answer));
      const waitMs = Math.abs(answer);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(5, waitMs) + Math.floor(Math.random() * 20)),
      );
    }
  }

  async holdUntil(host: string, until: number): Promise<void> {
    const ms = Math.round(until - Date.now());
    if (ms <= 0) return;
    await this.redis.holdHost(`${this.prefix}:host-hold:${host}`, ms, until);
  }

  close(): Promise<void> {
    this.redis.disconnect();
    return Promise.resolve();
  }
}
