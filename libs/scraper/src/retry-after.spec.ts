import { HostHeldError, HostThrottle, MAX_HOLD_WAIT_MS } from './host-throttle';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after';

const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(NOW + 120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(NOW);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:30:00 GMT', NOW)).toBe(NOW + 30 * 60_000);
    expect(parseRetryAfter(['60', '90'], NOW)).toBe(NOW + 60_000);
  });

  it('caps at 6 hours, reads a past date as now, and ignores what it cannot read', () => {
    expect(parseRetryAfter('99999999', NOW)).toBe(NOW + MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(NOW + MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:00 GMT', NOW)).toBe(NOW);
    for (const bad of [undefined, '', 'soon', '-5', '1.5', '12 minutes'])
      expect(parseRetryAfter(bad, NOW)).toBeNull();
  });
});

describe('HostThrottle holds', () => {
  it('waits out a short hold, fails a long one at once, and leaves other hosts alone', async () => {
    const throttle = new HostThrottle(0);
    await throttle.holdUntil('a.example', Date.now() + 150);
    const started = Date.now();
    await throttle.acquire('a.example');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    const until = Date.now() + MAX_HOLD_WAIT_MS + 60_000;
    await throttle.holdUntil('a.example', until);
    await throttle.holdUntil('a.example', Date.now() + 1000); // a shorter hold does not shorten it
    await expect(throttle.acquire('a.example')).rejects.toBeInstanceOf(HostHeldError);
    await expect(throttle.acquire('a.example')).rejects.toMatchObject({ until: new Date(until) });
    await throttle.acquire('b.example');
  });
});
