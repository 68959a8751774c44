import { edited, paragraph, seeded } from '../test/text-samples';
import { analyzeChange } from './analyze-change';
import { classifyChange } from './classify-change';
import { diffText } from './diff-text';
import { lineText } from './side-lines';
import { splitSentences, withSentenceMemo } from './split-sentences';

/** Two versions of a policy-like text, half its paragraphs edited sentence by sentence. */
function versions(seed: number): [string, string] {
  const next = seeded(seed);
  const before: string[][] = Array.from({ length: 30 }, () => paragraph(next));
  const after = before.map((p) => (next() < 0.5 ? edited(p, next) : p));
  if (next() < 0.5) after.splice(3, 0, paragraph(next));
  const text = (ps: string[][]) =>
    ps.map((p) => (next() < 0.2 ? `- ${p.join(' ')}` : p.join(' '))).join('\n\n');
  return [text(before), text(after)];
}

describe('analyzeChange', () => {
  it('gives the diff and the classification diffText and classifyChange give on their own', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const [before, after] = versions(seed);
      const { diff, classification } = analyzeChange(before, after);
      expect(diff).toEqual(diffText(before, after));
      expect(classification).toEqual(classifyChange(diffText(before, after), { afterText: after }));
    }
  });

  it("reads a changed line's paragraphs as its ops put them together, on each side", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const [before, after] = versions(seed);
      const diff = diffText(before, after);
      // (a copy has no noted paragraphs: its lines are put together from their ops)
      const copy = JSON.parse(JSON.stringify(diff)) as typeof diff;
      diff.hunks.forEach((h, i) =>
        h.lines.forEach((l, j) => {
          const c = copy.hunks[i]?.lines[j];
          if (!c) throw new Error('copy');
          for (const side of ['removed', 'added'] as const) {
            const other = side === 'removed' ? 'insert' : 'delete';
            const joined = l.ops
              .filter((o) => o.op !== other)
              .map((o) => o.text)
              .join('');
            expect(lineText(l, side)).toBe(joined);
            expect(lineText(c, side)).toBe(joined);
          }
        }),
      );
    }
  });

  it('splits a paragraph once while the memo is held, into the sentences it splits into without', () => {
    const [before] = versions(3);
    const paragraphs = before.split('\n\n');
    const plain = paragraphs.map(splitSentences);
    const memo = withSentenceMemo(() => {
      const first = paragraphs.map(splitSentences);
      const again = paragraphs.map(splitSentences);
      first.forEach((s, i) => expect(again[i]).toBe(s));
      return first;
    });
    expect(memo).toEqual(plain);
  });
});
