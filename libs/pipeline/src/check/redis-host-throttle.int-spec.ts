import { randomUUID } from 'node:crypto';

import { RedisHostThrottle } from './redis-host-throttle';

const url = new URL(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const options = { host: url.hostname, port: Number(url.port || 6379) };

describe('RedisHostThrottle', () => {
  it('spaces requests to one host across two "processes", and leaves other hosts alone', async () => {
    const prefix = `t-${randomUUID()}`;
    const a = new RedisHostThrottle(options, prefix, 100);
    const b = new RedisHostThrottle(options, prefix, 100);
    const times: number[] = [];
    await Promise.all(
      [a, b, a, b, a, b].map(async (t) => {
        await t.acquire('vendor.example');
        times.push(Date.now());
      }),
    );
    times.sort((x, y) => x - y);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    // Redis keeps the spacing; the client sees it through a loaded event loop, so allow
    // for scheduling jitter (without spacing the gaps are ~0 and the span ~0)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
    expect((times.at(-1) as number) - (times[0] as number)).toBeGreaterThanOrEqual(450);

    // another host has its own ticket: taken at once while vendor.example's is still held
    await a.acquire('vendor.example');
    const other = await Promise.race([
      a.acquire('other.example').then(() => 'other'),
      new Promise((r) => setTimeout(() => r('timeout'), 80)),
    ]);
    expect(other).toBe('other');
    await Promise.all([a.close(), b.close()]);
  }, 20_000);
});
