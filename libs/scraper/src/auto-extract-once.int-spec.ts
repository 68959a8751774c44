import { type FixtureSite, startFixtureSite } from '@fineprint/testing';

import * as extraction from './extract-document';
import { Scraper } from './scraper';

// the real extraction, counted
jest.mock('./extract-document', () => {
  const actual = jest.requireActual<typeof import('./extract-document')>('./extract-document');
  return { ...actual, extractDocument: jest.fn(actual.extractDocument) };
});
const extractDocument = extraction.extractDocument as jest.MockedFunction<typeof extraction.extractDocument>;

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
    extractDocument.mockClear();
    const page = await scraper.fetch(declaration, { knownSha256: 'something-else' });
    const extracted = await scraper.extract(page, declaration);
    expect(extracted.markdown).toContain('New words here.');
    expect(extractDocument).toHaveBeenCalledTimes(1);
    // another declaration for the same page is extracted afresh
    await scraper.extract(page, { ...declaration, remove: ['h1'] });
    expect(extractDocument).toHaveBeenCalledTimes(2);
  });
});
