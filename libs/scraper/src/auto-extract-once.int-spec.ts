import { type FixtureSite, startFixtureSite } from '@fineprint/testing';

import * as extraction from './extract-document';
import { Scraper } from './scraper';

// the real extraction, counted
jest.mock('./extract-document', () => {
  const actual = jest.requireActual<typeof import('./extract-document')>('./extract-document');
  return { ...actual, extractPage: jest.fn(actual.extractPage) };
});
const extractPage = extraction.extractPage as jest.MockedFunction<typeof extraction.extractPage>;

describe('auto fetch mode (local site)', () => {
  let site: FixtureSite;
  let scraper: Scraper;
  beforeAll(async () => {
    site = await startFixtureSite();
    scraper = new Scraper({ allowPrivateNetworks: true, timeoutMs: 10_000, hostSpacingMs: 0 });
  });
  afterAll(async () => {
    await scraper.close();
    await site.close();
  });

  it('extracts a page whose bytes changed once, not once to vet it and again to read it', async () => {
    site.setPage(
      '/auto',
      '<html><body><main id="doc"><h1>Terms</h1><p>New words here.</p></main></body></html>',
    );
    const declaration = { url: `${site.url}/auto`, select: ['#doc'], remove: [], fetchMode: 'auto' as const };
    extractPage.mockClear();
    const page = await scraper.fetch(declaration, { knownSha256: 'something-else' });
    const extracted = await scraper.extract(page, declaration);
    expect(extracted.markdown).toContain('New words here.');
    expect(extractPage).toHaveBeenCalledTimes(1);
    // another declaration for the same page is extracted afresh
    await scraper.extract(page, { ...declaration, remove: ['h1'] });
    expect(extractPage).toHaveBeenCalledTimes(2);
  });
});
