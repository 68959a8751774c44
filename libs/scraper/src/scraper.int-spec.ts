import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';

import { type FixtureSite, startFixtureSite } from '@fineprint/testing';

import { HttpFetcher } from './http-fetcher';
import { Scraper } from './scraper';
import { FetchError } from './scraper.errors';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError');
}

describe('HttpFetcher against a local fixture site', () => {
  let site: FixtureSite;
  let http: HttpFetcher;
  beforeAll(async () => {
    site = await startFixtureSite();
    http = new HttpFetcher({ allowPrivateNetworks: true, maxBytes: 1024 * 1024, timeoutMs: 1500 });
  });
  afterAll(async () => {
    await http.close();
    await site.close();
  });

  it('follows a bounded chain of redirects to the final URL', async () => {
    const result = await http.fetch(`${site.url}/redirect-chain`);
    expect(result.status).toBe(200);
    expect(result.finalUrl).toBe(`${site.url}/policy`);
  });

  it('detects a redirect loop', async () => {
    expect(await failure(http.fetch(`${site.url}/loop-a`))).toMatchObject({
      kind: 'permanent',
      code: 'REDIRECT_LOOP',
    });
  });

  it('sends conditional requests and counts a 304 as not modified', async () => {
    const first = await http.fetch(`${site.url}/etag`);
    expect(first.headers.etag).toBe('"v1"');
    const second = await http.fetch(`${site.url}/etag`, { etag: first.headers.etag ?? '' });
    expect(second).toMatchObject({ notModified: true, status: 304 });
  });

  it('decompresses gzip, and refuses a gzip bomb at the size limit', async () => {
    const result = await http.fetch(`${site.url}/gzip`);
    expect(result.body.toString()).toContain('Privacy Policy');
    expect(await failure(http.fetch(`${site.url}/gzip-bomb`))).toMatchObject({
      kind: 'permanent',
      code: 'TOO_LARGE',
    });
  });

  it('cuts an endless response at the size limit and an oversized one too', async () => {
    expect(await failure(http.fetch(`${site.url}/endless`))).toMatchObject({ code: 'TOO_LARGE' });
    expect(await failure(http.fetch(`${site.url}/huge`))).toMatchObject({ code: 'TOO_LARGE' });
  });

  it('times out a response that stalls', async () => {
    expect(await failure(http.fetch(`${site.url}/slow`))).toMatchObject({
      kind: 'transient',
      code: 'TIMEOUT',
    });
  });

  it('classifies statuses: 403 blocked, 500 transient, 404 and 410 permanent, captcha blocked', async () => {
    expect(await failure(http.fetch(`${site.url}/forbidden`))).toMatchObject({
      kind: 'blocked',
      httpStatus: 403,
    });
    expect(await failure(http.fetch(`${site.url}/error`))).toMatchObject({
      kind: 'transient',
      httpStatus: 500,
    });
    expect(await failure(http.fetch(`${site.url}/nowhere`))).toMatchObject({
      kind: 'permanent',
      httpStatus: 404,
    });
    expect(await failure(http.fetch(`${site.url}/gone`))).toMatchObject({
      kind: 'permanent',
      httpStatus: 410,
    });
    expect(await failure(http.fetch(`${site.url}/captcha`))).toMatchObject({
      kind: 'blocked',
      code: 'CAPTCHA',
    });
  });

  it('hashes the body, and does not re-vet bytes already accepted (a known hash skips the wall heuristic)', async () => {
    const page = await http.fetch(`${site.url}/policy`);
    expect(page.sha256).toBe(createHash('sha256').update(page.body).digest('hex'));
    // the captcha page's bytes, accepted earlier by an operator: the same bytes pass
    const wall = Buffer.from(
      '<html><body><h1>Are you a robot?</h1><p>Please solve the captcha.</p></body></html>',
    );
    const known = createHash('sha256').update(wall).digest('hex');
    const again = await http.fetch(`${site.url}/captcha`, { knownSha256: known });
    expect(again.sha256).toBe(known);
    // any other known hash leaves the heuristic on
    expect(await failure(http.fetch(`${site.url}/captcha`, { knownSha256: page.sha256 }))).toMatchObject({
      code: 'CAPTCHA',
    });
  });

  it('refuses loopback when private networks are not allowed', async () => {
    const guarded = new HttpFetcher({ allowPrivateNetworks: false });
    expect(await failure(guarded.fetch(`${site.url}/policy`))).toMatchObject({
      kind: 'permanent',
      code: 'PRIVATE_ADDRESS',
    });
    await guarded.close();
  });

  it('rejects a URL that is not http(s)', async () => {
    expect(await failure(http.fetch('file:///etc/passwd'))).toMatchObject({
      kind: 'permanent',
      code: 'INVALID_URL',
    });
  });
});

describe('Scraper: fetch and extract', () => {
  let site: FixtureSite;
  let scraper: Scraper;
  beforeAll(async () => {
    site = await startFixtureSite();
    scraper = new Scraper({
      allowPrivateNetworks: true,
      timeoutMs: 10_000,
      chromiumPath: CHROMIUM,
      hostSpacingMs: 0,
    });
  });
  afterAll(async () => {
    await scraper.close();
    await site.close();
  });

  const run = async (
    path: string,
    decl: { select?: string[]; remove?: string[]; fetchMode?: 'http' | 'browser' | 'auto' } = {},
  ) => {
    const declaration = { url: `${site.url}${path}`, fetchMode: decl.fetchMode ?? 'http', ...decl } as const;
    const result = await scraper.fetch(declaration);
    return { result, doc: await scraper.extract(result, declaration) };
  };

  it('turns a server-rendered page into clean Markdown: select, absolute links without tracking, tables', async () => {
    const { doc } = await run('/policy', { select: ['#content'] });
    expect(doc.markdown).toBe(
      [
        '# Privacy Policy',
        '',
        'We collect the information you give us.',
        '',
        '## Your choices',
        '',
        '- You can opt out of marketing emails.',
        `- You can [delete your data](${site.url}/settings?id=7).`,
        '',
        '| Data | Retention |',
        '| --- | --- |',
        '| Voice recordings | 18 months |',
      ].join('\n'),
    );
    expect(doc.title).toBe('Example Privacy Policy');
    expect(doc.language).toBe('en');
  });

  it('gives the same text for the same page on every fetch (the footer timestamp is outside the selection)', async () => {
    const a = await run('/policy', { select: ['#content'] });
    const b = await run('/policy', { select: ['#content'] });
    expect(a.doc.markdown).toBe(b.doc.markdown);
    expect(a.result.body.equals(b.result.body)).toBe(false); // the raw page differs (timestamp)
  });

  it('applies remove selectors', async () => {
    const { doc } = await run('/policy', { remove: ['nav', '.cookie-banner', 'footer', 'table'] });
    expect(doc.markdown).not.toMatch(/cookies|Home|18 months/);
    expect(doc.markdown).toContain('We collect the information you give us.');
  });

  it('decodes latin-1 declared in the header and in a meta tag', async () => {
    expect((await run('/latin1-header')).doc.markdown).toBe(
      'Données personnelles traitées à Zürich « façade »',
    );
    expect((await run('/latin1-meta')).doc.markdown).toBe('Protección de datos: año, niño');
  });

  it('extracts the text of a PDF', async () => {
    const { doc } = await run('/policy.pdf');
    expect(doc.markdown).toContain('We keep voice recordings for 18 months.');
    expect(doc.markdown).toContain('You can opt out at any time.');
  });

  it('fails clearly when select matches nothing, and never returns empty text', async () => {
    await expect(run('/policy', { select: ['#does-not-exist'] })).rejects.toMatchObject({
      code: 'SELECTOR_NOT_FOUND',
    });
  });

  it('refuses content it cannot read', async () => {
    await expect(run('/image.png')).rejects.toMatchObject({
      kind: 'permanent',
      code: 'UNSUPPORTED_CONTENT_TYPE',
    });
  });

  const browserIt = existsSync(CHROMIUM) ? it : it.skip;

  browserIt(
    'renders a page whose content only exists after scripts run (browser mode, real Chromium)',
    async () => {
      const { result, doc } = await run('/scripted', { select: ['#terms'], fetchMode: 'browser' });
      expect(result.fetchedWith).toBe('browser');
      expect(doc.markdown).toBe('# Terms\n\nRendered by script: you can turn off personalised ads.');
    },
    30_000,
  );

  browserIt(
    'auto mode falls back to the browser when the selector is missing from the plain HTML',
    async () => {
      const { result, doc } = await run('/scripted', { select: ['#terms'], fetchMode: 'auto' });
      expect(result.fetchedWith).toBe('browser');
      expect(doc.markdown).toContain('Rendered by script');
    },
    30_000,
  );

  browserIt(
    'auto mode tries the browser when HTTP is blocked, then reports',
    async () => {
      await expect(scraper.fetch({ url: `${site.url}/forbidden`, fetchMode: 'auto' })).rejects.toMatchObject({
        kind: 'blocked',
        httpStatus: 403,
      });
    },
    30_000,
  );

  it('a browser-mode check without Chromium fails with an error that names the fix', async () => {
    const noBrowser = new Scraper({
      allowPrivateNetworks: true,
      chromiumPath: '/nonexistent/chromium',
      hostSpacingMs: 0,
    });
    const error = await failure(noBrowser.fetch({ url: `${site.url}/scripted`, fetchMode: 'browser' }));
    expect(error).toMatchObject({ kind: 'permanent', code: 'BROWSER_UNAVAILABLE' });
    expect(error.message).toMatch(/apt-get install -y chromium|CHROMIUM_PATH/);
    await noBrowser.close();
  });
});
