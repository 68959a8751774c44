import { createServer } from 'node:net';

import { uniqueQueuePrefix } from '@fineprint/testing';
import { QueueBackend } from '@fineprint/queue';

import { RedisThrottlerStorage } from './redis-throttler.storage';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const redisOptions = (url: string) =>
  new QueueBackend({
    REDIS_URL: url,
    DATABASE_URL: 'postgresql://unused',
    QUEUE_PREFIX: 'unused',
  }).redisOptions();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('RedisThrottlerStorage', () => {
  const stores: RedisThrottlerStorage[] = [];
  const store = (url = REDIS_URL, prefix = uniqueQueuePrefix('rl'), timeoutMs?: number) => {
    const s = new RedisThrottlerStorage(redisOptions(url), prefix, timeoutMs);
    stores.push(s);
    return s;
  };
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.onApplicationShutdown()));
  });

  it('two instances on one prefix count one window: the sixth hit of a limit of 5 is blocked', async () => {
    const prefix = uniqueQueuePrefix('rl');
    // (a generous timeout: this test is about counting, and a loaded machine must not make it fail open)
    const [a, b] = [store(REDIS_URL, prefix, 5000), store(REDIS_URL, prefix, 5000)];
    const results = [];
    for (const s of [a, b, a, b, a, b]) results.push(await s.increment('client', 60_000, 5, 0, 'default'));
    expect(results.map((r) => r.totalHits)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, false, false, true]);
    expect(results[5]?.timeToBlockExpire).toBeGreaterThan(0);
    expect(results[5]?.timeToBlockExpire).toBeLessThanOrEqual(60);
    // another key, throttler or installation is counted apart
    expect((await a.increment('other', 60_000, 5, 0, 'default')).totalHits).toBe(1);
    expect((await a.increment('client', 60_000, 5, 0, 'hour')).totalHits).toBe(1);
    expect((await store().increment('client', 60_000, 5, 0, 'default')).totalHits).toBe(1);
  });

  it('blocks past the limit until the block ends, then counts a fresh window', async () => {
    const s = store();
    const hit = () => s.increment('k', 300, 3, 600, 'default');
    const results = [await hit(), await hit(), await hit(), await hit()];
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    await sleep(400); // the window has ended, the block has not
    expect(await hit()).toMatchObject({ isBlocked: true });
    await sleep(350);
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('a window expires by itself: hits under the limit are forgotten after the ttl', async () => {
    const s = store();
    await s.increment('w', 200, 5, 0, 'default');
    expect((await s.increment('w', 200, 5, 0, 'default')).totalHits).toBe(2);
    await sleep(300);
    expect((await s.increment('w', 200, 5, 0, 'default')).totalHits).toBe(1);
  });

  it('fails open, fast, when Redis is unreachable', async () => {
    const s = store(`redis://127.0.0.1:${await closedPort()}`);
    const started = Date.now();
    for (let i = 0; i < 10; i++)
      expect(await s.increment('down', 60_000, 1, 0, 'default')).toMatchObject({ isBlocked: false });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
