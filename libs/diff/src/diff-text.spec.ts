import { alignBlocks } from './align-blocks';
import { diffText } from './diff-text';
import { renderHtmlInline, renderHtmlSideBySide } from './render-html';
import { renderUnified } from './render-unified';
import { classifyChange } from './classify-change';
import { countWords } from './normalize-text';

const doc = (paragraphs: string[]) => paragraphs.join('\n\n');

describe('diffText', () => {
  it('identical texts give no change', () => {
    const r = diffText('# A\n\nSame.', '# A\n\nSame.');
    expect(r.identical).toBe(true);
    expect(r.hunks).toEqual([]);
    expect(r.stats.changedShare).toBe(0);
  });

  it('finds a rewritten paragraph, diffs it word by word and names its section', () => {
    const before = doc([
      '# Policy',
      '## Retention',
      'We keep data for 30 days.',
      '## Contact',
      'Write to us.',
    ]);
    const after = doc([
      '# Policy',
      '## Retention',
      'We keep data for 90 days.',
      '## Contact',
      'Write to us.',
    ]);
    const r = diffText(before, after);
    expect(r.hunks).toHaveLength(1);
    const hunk = r.hunks[0];
    expect(hunk?.section).toBe('Retention');
    const change = hunk?.lines.find((l) => l.kind === 'change');
    expect(change?.ops).toEqual([
      { op: 'equal', text: 'We keep data for ' },
      { op: 'delete', text: '30' },
      { op: 'insert', text: '90' },
      { op: 'equal', text: ' days.' },
    ]);
    expect(r.stats).toMatchObject({ paragraphsChanged: 1, wordsAdded: 1, wordsRemoved: 1, wordsChanged: 1 });
  });

  it('recognises a moved paragraph as a move, not a removal and an addition', () => {
    const p = [
      '# T',
      'Alpha paragraph about cookies and tracking.',
      'Beta paragraph about your rights.',
      'Gamma paragraph about contact.',
    ];
    const r = diffText(doc(p), doc([p[0] ?? '', p[2] ?? '', p[3] ?? '', p[1] ?? '']));
    expect(r.moves).toHaveLength(1);
    expect(r.stats).toMatchObject({ paragraphsMoved: 1, paragraphsAdded: 0, paragraphsRemoved: 0 });
    expect(r.sentences).toEqual({ removed: [], added: [] });
    expect(r.cosmetic).toBe(true);
  });

  it('keeps context around hunks and separates distant hunks', () => {
    const base = Array.from({ length: 20 }, (_, i) => `Paragraph number ${i} says something different.`);
    const changed = [...base];
    changed[2] = 'Paragraph number 2 now says a new thing entirely, quite unlike before.';
    changed[15] = 'A completely new paragraph fifteen.';
    const r = diffText(doc(base), doc(changed), { context: 1 });
    expect(r.hunks).toHaveLength(2);
    expect(r.hunks[0]?.lines[0]?.kind).toBe('equal');
    expect(r.hunks[0]?.lines[r.hunks[0].lines.length - 1]?.kind).toBe('equal');
  });

  it('stays bounded on two unrelated texts and says so', () => {
    const words = (seed: number, n: number) =>
      Array.from({ length: n }, (_, i) => `word${(i * seed) % 9973}x${seed}`).join(' ');
    const a = Array.from({ length: 400 }, (_, i) => words(i + 1, 30)).join('\n\n');
    const b = Array.from({ length: 400 }, (_, i) => words(i + 1000, 30)).join('\n\n');
    const r = diffText(a, b);
    expect(r.fallback).toMatch(/budget/);
    expect(r.stats.paragraphsRemoved + r.stats.paragraphsChanged).toBeGreaterThan(0);
  });

  it('is stable: the same input gives deep-equal output', () => {
    const before = doc(['# A', 'One two three.', 'Four five six.']);
    const after = doc(['# A', 'One two four.', 'Seven.', 'Four five six.']);
    expect(diffText(before, after)).toEqual(diffText(before, after));
  });

  it('renders escaped HTML: page text cannot inject markup', () => {
    const r = diffText(
      'This is our safe text about privacy.',
      'This is our safe text about privacy. <script>alert(1)</script> <img src=x onerror=alert(2)>',
    );
    const c = classifyChange(r);
    for (const html of [renderHtmlInline(r, c), renderHtmlSideBySide(r, c)]) {
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;');
    }
    expect(renderUnified(r)).toContain('{+');
  });

  it('marks cited sentences in the HTML for the dashboard to highlight', () => {
    const before = doc(['# S', 'Intro.', 'You can turn off voice recordings in settings. Other sentence.']);
    const after = doc(['# S', 'Intro.']);
    const r = diffText(before, after);
    const html = renderHtmlInline(r, classifyChange(r));
    expect(html).toContain(
      '<mark class="fp-cited" data-tag="opt-out-removed voice-recordings">You can turn off voice recordings in settings.</mark>',
    );
  });
});

describe('diffText stays bounded', () => {
  it('a thousand copies of one removed and re-added sentence cost little and cancel out', () => {
    const before = doc(Array.from({ length: 3000 }, (_, i) => `Learn more. Old clause number ${i}.`));
    const after = doc(Array.from({ length: 3000 }, (_, i) => `Learn more! New wording for item ${i}.`));
    const t = performance.now();
    const r = diffText(before, after);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(r.sentences.removed).not.toContain('Learn more.');
    expect(r.sentences.added).not.toContain('Learn more!');
    expect(r.sentences.removed).toHaveLength(3000);
  });

  it('a replaced paragraph between equal ones is a deletion and an insertion, unless the budget forbids it', () => {
    expect(alignBlocks(['a', 'x', 'c'], ['a', 'y', 'c']).ops).toEqual([
      { op: 'equal', a: 0, b: 0 },
      { op: 'delete', a: 1 },
      { op: 'insert', b: 1 },
      { op: 'equal', a: 2, b: 2 },
    ]);
    expect(alignBlocks(['a', 'x', 'c'], ['a', 'y', 'c'], 1).fallback).toMatch(/budget/);
  });

  it('a thousand copies of one paragraph that moved are a thousand moves, found in linear time', () => {
    const unique = Array.from({ length: 1000 }, (_, i) => `Unique clause ${i} about data.`);
    const copies = Array.from({ length: 1000 }, () => 'See our cookie notice.');
    const t = performance.now();
    const r = diffText(
      doc([...unique, ...copies]),
      doc([...copies.slice(0, 300), ...unique, ...copies.slice(300)]),
    );
    expect(performance.now() - t).toBeLessThan(2000);
    expect(r.stats).toMatchObject({ paragraphsAdded: 0, paragraphsRemoved: 0 });
    expect(r.stats.paragraphsMoved).toBeGreaterThan(0);
    for (const m of r.moves) expect(m.text).toBe('See our cookie notice.');
  });

  it('aligns paragraphs validly: equal ops pair equal keys, every index once and in order', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let round = 0; round < 200; round++) {
      const pick = () =>
        Array.from({ length: Math.floor(next() * 30) }, () => 'abcdefg'.charAt(Math.floor(next() * 7)));
      const a = pick();
      const b = next() < 0.5 ? pick() : [...a.slice(0, 5), ...pick(), ...a.slice(10)];
      const { ops } = alignBlocks(a, b);
      let i = 0;
      let j = 0;
      for (const op of ops) {
        if (op.op === 'equal') {
          expect([op.a, op.b, a[op.a]]).toEqual([i++, j++, b[op.b]]);
        } else if (op.op === 'delete') expect(op.a).toBe(i++);
        else expect(op.b).toBe(j++);
      }
      expect([i, j]).toEqual([a.length, b.length]);
    }
  });

  it('two lists with nothing in common over the budget fall back whole', () => {
    const a = Array.from({ length: 150 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 150 }, (_, i) => `b${i}`);
    const r = alignBlocks(a, b, 200);
    expect(r.fallback).toMatch(/budget/);
    expect(r.ops.filter((o) => o.op === 'delete')).toHaveLength(150);
    expect(alignBlocks(a.slice(0, 50), b.slice(0, 50), 200).fallback).toBeUndefined();
  });

  it('counts the words of the after text from the before text and the changed paragraphs', () => {
    const before = doc(['# T', 'One two three.', 'Four five.', "Six isn't seven-eight."]);
    const after = doc(['# T', 'One two three.', 'Nine ten eleven twelve.', "Six isn't seven-eight."]);
    const r = diffText(before, after);
    expect(r.stats.wordsBefore).toBe(countWords(before));
    expect(r.stats.wordsAfter).toBe(countWords(after));
  });
});

describe('countWords', () => {
  it('counts runs of letters and digits, keeping contractions and hyphenated words whole', () => {
    expect(countWords("We don't sell e-mail addresses — ever, in 2025.")).toBe(8);
    expect(countWords('Données personnelles: 3 catégories.')).toBe(4);
    expect(countWords('  ')).toBe(0);
  });
});
