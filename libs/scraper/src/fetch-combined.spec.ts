import { createHash } from 'node:crypto';

import { combinePages, splitCombined } from './combined-page';
import { fetchCombined } from './fetch-combined';
import { type ConditionalFetch, type DocumentDeclaration, type FetchResult } from './fetch-result';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A page as the HTTP fetcher returns it: 200 with its bytes, or 304 with none. */
function answer(url: string, body: string | null, etag?: string): FetchResult {
  const bytes = Buffer.from(body ?? '');
  return {
    body: bytes,
    sha256: sha(bytes),
    contentType: body === null ? null : 'text/html',
    charset: null,
    status: body === null ? 304 : 200,
    headers: etag ? { etag } : {},
    finalUrl: url,
    fetchedWith: 'http',
    notModified: body === null,
    durationMs: 1,
  };
}

const declaration: DocumentDeclaration = {
  url: 'https://acme.example/a',
  fetchMode: 'http',
  sources: ['a', 'b'].map((p) => ({ url: `https://acme.example/${p}`, fetchMode: 'http' as const })),
};
const stored = combinePages([
  { url: 'https://acme.example/a', result: answer('https://acme.example/a', '<p>A</p>') },
  { url: 'https://acme.example/b', result: answer('https://acme.example/b', '<p>B</p>') },
]);
const validators = [
  { url: 'https://acme.example/a', etag: '"a1"' },
  { url: 'https://acme.example/b', etag: '"b1"' },
];

/** A site where `changed` pages have new bytes and every other page answers 304 to its validator. */
function site(changed: Record<string, string>) {
  const calls: { url: string; conditional: ConditionalFetch }[] = [];
  const fetchPage = (page: DocumentDeclaration, conditional: ConditionalFetch) => {
    calls.push({ url: page.url, conditional });
    const name = page.url.slice(-1);
    if (changed[name] !== undefined) return Promise.resolve(answer(page.url, changed[name], `"${name}2"`));
    if (conditional.etag) return Promise.resolve(answer(page.url, null));
    return Promise.resolve(answer(page.url, `<p>${name.toUpperCase()}</p>`, `"${name}1"`));
  };
  return { calls, fetchPage };
}

describe('fetchCombined: conditional requests per page (decision 0026)', () => {
  it('every page 304: not modified, the stored validators kept for the next check', async () => {
    const { calls, fetchPage } = site({});
    const result = await fetchCombined(declaration, { sources: validators }, fetchPage);
    expect(result).toMatchObject({ notModified: true, status: 304, headers: { sources: validators } });
    expect(calls.map((c) => c.conditional)).toEqual([{ etag: '"a1"' }, { etag: '"b1"' }]);
  });

  it('one page changed: the other comes from the stored snapshot, byte for byte', async () => {
    const { calls, fetchPage } = site({ b: '<p>B, changed</p>' });
    const result = await fetchCombined(
      declaration,
      { sources: validators, previousBody: () => Promise.resolve(stored.body) },
      fetchPage,
    );
    expect(calls).toHaveLength(2);
    expect(splitCombined(result.body).map((p) => p.body.toString())).toEqual([
      '<p>A</p>',
      '<p>B, changed</p>',
    ]);
    expect(result.headers.sources).toEqual([validators[0], { url: 'https://acme.example/b', etag: '"b2"' }]);
    // the same container a full fetch of these bytes would make
    const full = combinePages([
      { url: 'https://acme.example/a', result: answer('https://acme.example/a', '<p>A</p>') },
      { url: 'https://acme.example/b', result: answer('https://acme.example/b', '<p>B, changed</p>') },
    ]);
    expect(result.sha256).toBe(full.sha256);
  });

  it.each([
    ['not at hand', undefined],
    ['unreadable', () => Promise.reject(new Error('database down'))],
    ['not a combined snapshot', () => Promise.resolve(Buffer.from('<html>'))],
    [
      'damaged (bytes not matching their hash)',
      () =>
        Promise.resolve(
          Buffer.from(stored.body.toString('latin1').replace('<p>A</p>', '<p>X</p>'), 'latin1'),
        ),
    ],
  ])('stored bytes %s: the unchanged page is fetched again, in full', async (_what, previousBody) => {
    const { calls, fetchPage } = site({ b: '<p>B, changed</p>' });
    const result = await fetchCombined(
      declaration,
      { sources: validators, ...(previousBody ? { previousBody } : {}) },
      fetchPage,
    );
    expect(calls.map((c) => [c.url.slice(-1), c.conditional])).toEqual([
      ['a', { etag: '"a1"' }],
      ['b', { etag: '"b1"' }],
      ['a', {}],
    ]);
    expect(splitCombined(result.body).map((p) => p.body.toString())).toEqual([
      '<p>A</p>',
      '<p>B, changed</p>',
    ]);
    expect(result.headers.sources?.[0]).toEqual({ url: 'https://acme.example/a', etag: '"a1"' });
  });

  it('validators stored for another page at that place are not sent (the declaration changed)', async () => {
    const { calls, fetchPage } = site({});
    await fetchCombined(
      declaration,
      {
        sources: [
          { url: 'https://acme.example/other', etag: '"o1"' },
          validators[1] as (typeof validators)[1],
        ],
        previousBody: () => Promise.resolve(stored.body),
      },
      fetchPage,
    );
    expect(calls.map((c) => c.conditional)).toEqual([{}, { etag: '"b1"' }]);
  });
});
