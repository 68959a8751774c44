import { createHash } from 'node:crypto';

import { decodeSelector, encodeSelector } from '@fineprint/contracts';

import { applyBuiltinFilter } from './builtin-filters';
import { combinePages, isCombined, splitCombined } from './combined-page';
import { type FetchResult } from './fetch-result';
import { filterHookFor } from './filter-page';

const result = (body: string | Buffer, extra: Partial<FetchResult> = {}): FetchResult => {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return {
    body: bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType: 'text/html',
    charset: null,
    status: 200,
    headers: {},
    finalUrl: 'https://a.example/',
    fetchedWith: 'http',
    notModified: false,
    durationMs: 5,
    ...extra,
  };
};

describe('stored selectors', () => {
  it('keep CSS as is and a range as its JSON object, and read both back', () => {
    expect(encodeSelector('main > .content')).toBe('main > .content');
    const stored = encodeSelector({ endBefore: 'footer', startAfter: 'h1' });
    expect(stored).toBe('{"startAfter":"h1","endBefore":"footer"}');
    expect(decodeSelector(stored)).toEqual({ startAfter: 'h1', endBefore: 'footer' });
    expect(decodeSelector('main')).toBe('main');
    expect(() => decodeSelector('{not json')).toThrow(/not valid JSON/);
  });
});

describe('combined snapshots', () => {
  it('hold each page byte for byte, in order, and change when any page changes', () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0a]);
    const a = result('<p>first</p>');
    const b = result(pdf, { contentType: 'application/pdf', finalUrl: 'https://a.example/b.pdf' });
    const combined = combinePages([
      { url: 'https://a.example/', result: a },
      { url: 'https://a.example/b', result: b },
    ]);
    expect(isCombined(combined.contentType)).toBe(true);
    const parts = splitCombined(combined.body);
    expect(parts.map((p) => [p.part.url, p.part.finalUrl, p.part.contentType, p.part.sha256])).toEqual([
      ['https://a.example/', 'https://a.example/', 'text/html', a.sha256],
      ['https://a.example/b', 'https://a.example/b.pdf', 'application/pdf', b.sha256],
    ]);
    expect(parts[1]?.body.equals(pdf)).toBe(true);

    const again = combinePages([
      { url: 'https://a.example/', result: { ...a, fetchedWith: 'browser', durationMs: 99 } },
      { url: 'https://a.example/b', result: b },
    ]);
    expect(again.sha256).toBe(combined.sha256); // how it was fetched is not content
    const changed = combinePages([
      { url: 'https://a.example/', result: a },
      { url: 'https://a.example/b', result: result('<p>second, edited</p>') },
    ]);
    expect(changed.sha256).not.toBe(combined.sha256);
  });

  it('refuses a body that is not a combined snapshot', () => {
    expect(() => splitCombined(Buffer.from('<html>'))).toThrow(/Not a combined snapshot/);
  });
});

describe('filters', () => {
  it('removeQueryParams (built in) drops the named parameters from links and sources, keeping the rest', () => {
    const html =
      '<a href="https://a.example/p?utm_source=x&amp;id=2#top">a</a><a href="/rel?utm_medium=y">b</a><img src="/i.png?utm_source=z&amp;w=2"><a href="/plain">c</a>';
    const out = applyBuiltinFilter(html, { removeQueryParams: ['utm_source', 'utm_medium'] });
    expect(out).toContain('href="https://a.example/p?id=2#top"');
    expect(out).toContain('href="/rel"');
    expect(out).toContain('src="/i.png?w=2"');
    expect(out).toContain('href="/plain"');
  });

  it('without opted-in code, only built-in filters run; with none of those, there is no hook', async () => {
    const decl = { url: 'https://a.example/', fetchMode: 'http' as const };
    expect(filterHookFor({ ...decl, filters: ['removeAds'] })).toBeNull();
    const hook = filterHookFor({ ...decl, filters: ['removeAds', { removeQueryParams: ['sid'] }] });
    await expect(hook?.('<div class="ad">x</div><a href="/a?sid=1">a</a>')).resolves.toContain('href="/a"');
    await expect(hook?.('<div class="ad">x</div>')).resolves.toContain('class="ad"');
  });
});
