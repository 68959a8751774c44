import { join } from 'node:path';

import { loadRealPages, runCase, runSequence } from './real-pages';
import { markdownWords, wordSimilarity } from './word-similarity';

// A golden subset of ../shared/real-pages (Open Terms Archive contributors, ODC-By 1.0):
// regressions in extraction or in version recording fail here, in seconds.
const { cases, sequences } = loadRealPages(join(__dirname, 'golden'));

describe('real pages (golden subset): extraction matches Open Terms Archive word for word', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await runCase(c);
    expect(result.error).toBeNull();
    expect(result.similarity).toBeGreaterThanOrEqual(0.99);
    expect(result.markdown).not.toMatch(/<table|class="|style="/);
  });

  it('covers a range selector and tables whose cells hold lists', async () => {
    expect(cases.some((c) => JSON.stringify(c.declaration.select).includes('startBefore'))).toBe(true);
    const tables = cases.find((c) => c.name === 'match--privacy-policy');
    expect(tables).toBeDefined();
    const markdown = (await runCase(tables!)).markdown;
    expect(markdown).toMatch(/^\|.*• .*<br>• /m);
    expect(markdown.match(/<(?!br>)[a-z][^>]*>/g)).toBeNull();
  });
});

describe('real pages (golden subset): flaps OTA recorded are not new versions', () => {
  it.each(sequences.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const result = await runSequence(s);
    expect(result.failedAt).toEqual([]);
    expect(result.flapsAt).toContain(2);
    expect(result.recordedAt).toEqual([1]);
    expect(result.ok).toBe(true);
  });

  it('finya: two documents served in turn at one address are one transient and then variants (decision 0023)', async () => {
    const finya = sequences.find((s) => s.name === 'finya--privacy-policy');
    expect(finya).toBeDefined();
    const result = await runSequence(finya!);
    // A B A B, A, B, B fourteen days after A was last seen, A
    expect(result.keptAt).toEqual({ 2: 'transient', 4: 'variant', 12: 'variant', 25: 'variant' });
  });
});

describe('word similarity', () => {
  it('ignores Markdown syntax and link targets, and counts words in order', () => {
    expect(markdownWords('## Title\n\n- [**Bold** link](https://x.example/a?b=c) \\- ![alt](i.png)')).toEqual(
      ['Title', 'Bold', 'link', 'alt'],
    );
    expect(wordSimilarity(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'])).toBe(1);
    expect(wordSimilarity(['a', 'b', 'c', 'd'], ['a', 'c', 'd'])).toBeCloseTo(6 / 7);
  });
});
