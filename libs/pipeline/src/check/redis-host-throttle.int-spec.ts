import { randomUUID } from 'node:crypto';

import { HostHeldError, MAX_HOLD_WAIT_MS } from '@fineprint/scraper';

import { RedisHostThrottle } from './redis-host-throttle';

const url = new URL(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const options = { host: url.hostname, port: Number(url.port || 6379) };

describe('RedisHostThrottle', () => {
  it('spaces requests to one host across two "processes", and leaves other hosts alone', async () => {
    const prefix = `t-${randomUUID()}`;
    const a = new RedisHostThrottle(options, prefix, 100);
    const b = new RedisHostThrottle(options, prefix, 100);
    const times: number[] = [];
    const started = Date.now();
    await Promise.all(
      [a, b, a, b, a, b].map(async (t) => {
        await t.acquire('vendor.example');
        times.push(Date.now());
      }),
    );
    // Redis hands out one turn per 100 ms, so six turns take at least five spacings from the
    // start (without spacing they all come within a few ms). The client sees each turn through
    // its event loop: on a loaded machine a stall can deliver two turns in one tick, so the
    // gaps between observed times prove nothing, but a stall can only make the total longer.
    expect((times.at(-1) as number) - started).toBeGreaterThanOrEqual(450);

    // another host has its own ticket: taken at once while vendor.example's is still held
    await a.acquire('vendor.example');
    const other = await Promise.race([
      a.acquire('other.example').then(() => 'other'),
      new Promise((r) => setTimeout(() => r('timeout'), 80)),
    ]);
    expect(other).toBe('other');
    await Promise.all([a.close(), b.close()]);
  }, 20_000);

  it('holds a host for every "process" until its Retry-After, and fails a long hold at once', async () => {
    const prefix = `t-${randomUUID()}`;
    const a = new RedisHostThrottle(options, prefix, 0);
    const b = new RedisHostThrottle(options, prefix, 0);
    await a.holdUntil('busy.example', Date.now() + 300);
    const started = Date.now();
    await b.acquire('busy.example');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);

    const until = Date.now() + MAX_HOLD_WAIT_MS + 3_600_000;
    await a.holdUntil('busy.example', until);
    await b.holdUntil('busy.example', Date.now() + 1000); // never shortens a longer hold
    const error = await b.acquire('busy.example').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostHeldError);
    expect(Math.abs((error as HostHeldError).until.getTime() - until)).toBeLessThan(1000);
    await b.acquire('calm.example'); // other hosts are not held
    await Promise.all([a.close(), b.close()]);
  }, 20_000);
});
