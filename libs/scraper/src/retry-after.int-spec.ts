import { type FixtureSite, startFixtureSite } from '@fineprint/testing';

import { HostThrottle } from './host-throttle';
import { HttpFetcher } from './http-fetcher';
import { MAX_RETRY_AFTER_MS } from './retry-after';

describe('HttpFetcher and Retry-After (local server)', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  afterAll(() => site.close());

  const fetcher = () => new HttpFetcher({ allowPrivateNetworks: true, throttle: new HostThrottle(0) });

  it('a 429 with Retry-After seconds is a transient RATE_LIMITED failure, and holds the host', async () => {
    site.setPage('/busy', 'slow down', { status: 429, headers: { 'retry-after': '120' } });
    site.setPage('/other', '<p>fine</p>');
    const http = fetcher();
    const before = Date.now();
    const error = await http.fetch(`${site.url}/busy`).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', code: 'RATE_LIMITED', httpStatus: 429 });
    const retryAt = (error as { retryAt: Date }).retryAt.getTime();
    expect(retryAt).toBeGreaterThanOrEqual(before + 119_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 120_000);
    expect((error as Error).message).toContain(new Date(retryAt).toISOString());

    // every further request to that host fails at once, without reaching it
    const hits = site.hits('/other');
    await expect(http.fetch(`${site.url}/other`)).rejects.toMatchObject({
      kind: 'transient',
      code: 'RATE_LIMITED',
      retryAt: new Date(retryAt),
    });
    expect(site.hits('/other')).toBe(hits);
    await http.close();
  });

  it('a 503 with an HTTP date is honoured until that date, capped at 6 hours', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
    site.setPage('/maintenance', 'down', { status: 503, headers: { 'retry-after': at.toUTCString() } });
    const http = fetcher();
    await expect(http.fetch(`${site.url}/maintenance`)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      httpStatus: 503,
      retryAt: at,
    });
    await http.close();

    site.setPage('/forever', 'no', { status: 429, headers: { 'retry-after': '31536000' } });
    const capped = fetcher();
    const error = (await capped.fetch(`${site.url}/forever`).catch((e: unknown) => e)) as { retryAt: Date };
    expect(error.retryAt.getTime()).toBeLessThanOrEqual(Date.now() + MAX_RETRY_AFTER_MS);
    expect(error.retryAt.getTime()).toBeGreaterThan(Date.now() + MAX_RETRY_AFTER_MS - 60_000);
    await capped.close();
  });

  it('a 429 or 503 without Retry-After keeps its old kinds', async () => {
    site.setPage('/plain429', 'no', { status: 429 });
    site.setPage('/plain503', 'no', { status: 503 });
    const http = fetcher();
    await expect(http.fetch(`${site.url}/plain429`)).rejects.toMatchObject({
      kind: 'blocked',
      code: 'HTTP_STATUS',
    });
    await expect(http.fetch(`${site.url}/plain503`)).rejects.toMatchObject({
      kind: 'transient',
      code: 'HTTP_STATUS',
    });
    await http.close();
  });
});
