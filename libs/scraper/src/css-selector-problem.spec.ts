import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { cssSelectorProblem } from './css-selector-problem';
import { htmlToMarkdown } from './html-to-markdown';
import { FetchError } from './scraper.errors';

/** Open Terms Archive's main collection (EUPL 1.2, test data only). */
const OTA_MAIN = resolve(__dirname, '../../../../shared/ota-declarations/declarations');
const PAGE =
  '<html><body><header>Menu</header><main><h1>Terms</h1><p>Text.</p></main><footer>f</footer></body></html>';

/** What the extractor says of a CSS selector used as `select`, as a range bound, and as `remove`. */
function extractorRefuses(css: string): boolean {
  const uses = [{ select: [css] }, { select: [{ startBefore: css, endAfter: 'footer' }] }, { remove: [css] }];
  return uses.some((use) => {
    try {
      htmlToMarkdown(PAGE, { url: 'https://acme.example/', ...use });
      return false;
    } catch (error) {
      return error instanceof FetchError && error.code === 'INVALID_SELECTOR';
    }
  });
}

/** Every CSS string of a declaration: plain selectors and the bounds of ranges, in select and remove. */
function cssOf(entry: Record<string, unknown>): string[] {
  const parts = Array.isArray(entry['combine'])
    ? (entry['combine'] as Record<string, unknown>[]).map((p) => ({ ...entry, ...p }))
    : [entry];
  return parts.flatMap((part) =>
    ['select', 'remove'].flatMap((key) => {
      const value = part[key];
      const list: unknown[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
      return list.flatMap((s): string[] =>
        typeof s === 'string'
          ? [s]
          : Object.values(s as Record<string, unknown>).filter((v): v is string => typeof v === 'string'),
      );
    }),
  );
}

describe('cssSelectorProblem: the edge reads CSS as the extractor does', () => {
  it.each([
    'main',
    '#content > .policy p:first-of-type',
    'div:not(.ad)',
    'section:has(> h2)',
    'p:contains("Privacy")',
    'li:nth-child(2n+1)',
    'a[href^="https://"]',
    'p:first',
  ])('accepts %s, which the extractor takes', (css) => {
    expect(cssSelectorProblem(css)).toBeNull();
    expect(extractorRefuses(css)).toBe(false);
  });

  it.each([
    ['div[', /"div\[" is not valid CSS/],
    ['.x:hovered', /Unknown pseudo-class/],
    ['p::before', /not valid CSS/],
    ['main >> p', /not valid CSS/],
    ['p,', /not valid CSS/],
    ['svg|rect', /not valid CSS/],
    ['li:nth-child(x)', /not valid CSS/],
    [':not(', /not valid CSS/],
  ])('refuses %s, which fails the extractor as INVALID_SELECTOR', (css, message) => {
    expect(cssSelectorProblem(css)).toMatch(message);
    expect(extractorRefuses(css)).toBe(true);
  });

  it('is stricter only where a selector is not one: blank, or HTML markup', () => {
    expect(cssSelectorProblem('  ')).toMatch(/non-empty/);
    expect(cssSelectorProblem('<main>')).toMatch(/HTML markup/);
  });

  const withCollection = existsSync(OTA_MAIN) ? it : it.skip;
  withCollection('agrees with the extractor on every selector of the Open Terms Archive collection', () => {
    const selectors = new Set<string>();
    for (const name of readdirSync(OTA_MAIN).filter(
      (n) => n.endsWith('.json') && !n.endsWith('.history.json'),
    )) {
      const declaration = JSON.parse(readFileSync(join(OTA_MAIN, name), 'utf8')) as {
        terms?: Record<string, Record<string, unknown>>;
      };
      for (const entry of Object.values(declaration.terms ?? {}))
        for (const css of cssOf(entry)) selectors.add(css);
    }
    expect(selectors.size).toBeGreaterThan(600);
    const disagreements = [...selectors].filter(
      (css) => (cssSelectorProblem(css) === null) === extractorRefuses(css),
    );
    expect(disagreements).toEqual([]);
    // what the collection holds that the edge would refuse (each also fails a check)
    const refused = [...selectors].filter((css) => cssSelectorProblem(css) !== null);
    expect(refused).toEqual([]);
  });
});
