import { type FixtureSite, startFixtureSite } from '@fineprint/testing';

import { BrowserFetcher } from './browser-fetcher';
import { HostThrottle } from './host-throttle';
import { HttpFetcher } from './http-fetcher';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Browser-mode fetches obey the same host holds as plain HTTP ones (Retry-After, issue #14). */
describe('BrowserFetcher and host holds (real Chromium, local server)', () => {
  let site: FixtureSite;
  let browser: BrowserFetcher;
  let throttle: HostThrottle;
  beforeAll(async () => {
    site = await startFixtureSite();
  });
  beforeEach(() => {
    throttle = new HostThrottle(0);
    browser = new BrowserFetcher({
      allowPrivateNetworks: true,
      chromiumPath: CHROMIUM,
      timeoutMs: 20_000,
      throttle,
    });
  });
  afterEach(() => browser.close());
  afterAll(() => site.close());

  it('a host held by an HTTP Retry-After is not requested by the browser', async () => {
    site.setPage('/busy', 'slow down', { status: 429, headers: { 'retry-after': '300' } });
    site.setPage('/script-page', '<main><p>Rendered.</p></main>');
    const http = new HttpFetcher({ allowPrivateNetworks: true, throttle });
    await expect(http.fetch(`${site.url}/busy`)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await http.close();

    const hits = site.hits('/script-page');
    await expect(browser.fetch(`${site.url}/script-page`, ['main'])).rejects.toMatchObject({
      kind: 'transient',
      code: 'RATE_LIMITED',
    });
    expect(site.hits('/script-page')).toBe(hits);
  }, 60_000);

  it('a 503 with Retry-After seen by the browser holds the host for plain HTTP too', async () => {
    site.setPage('/maintenance', '<main>down</main>', { status: 503, headers: { 'retry-after': '120' } });
    site.setPage('/plain', '<p>fine</p>');
    const before = Date.now();
    const error = (await browser.fetch(`${site.url}/maintenance`).catch((e: unknown) => e)) as {
      code: string;
      retryAt: Date;
      httpStatus: number;
    };
    expect(error).toMatchObject({ code: 'RATE_LIMITED', httpStatus: 503 });
    expect(error.retryAt.getTime()).toBeGreaterThanOrEqual(before + 119_000);

    const http = new HttpFetcher({ allowPrivateNetworks: true, throttle });
    const hits = site.hits('/plain');
    await expect(http.fetch(`${site.url}/plain`)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(site.hits('/plain')).toBe(hits);
    await http.close();
  }, 60_000);
});
