import { diffArrays, diffWordsWithSpace } from 'diff';

import { edited, paragraph, samples, seeded } from '../test/text-samples';
import { WordDiffer } from './diff-words';
import { DELETE, EQUAL, INSERT, myersDiff } from './myers-diff';

/** jsdiff's change objects as runs, the form myersDiff returns. */
function runsOf(parts: { added: boolean; removed: boolean; count: number }[]) {
  return {
    kinds: parts.map((p) => (p.added ? INSERT : p.removed ? DELETE : EQUAL)),
    counts: parts.map((p) => p.count),
  };
}

describe('myersDiff is jsdiff on integers', () => {
  it('finds the same script as diffArrays on random sequences, budget included', () => {
    const next = seeded(7);
    for (let t = 0; t < 3000; t++) {
      const alphabet = 1 + Math.floor(next() * 6);
      const a = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * alphabet));
      const b = next() < 0.3 ? [...a] : a.map((x) => (next() < 0.3 ? Math.floor(next() * alphabet) : x));
      if (next() < 0.3) b.splice(Math.floor(next() * b.length), Math.floor(next() * 4));
      if (next() < 0.3)
        b.push(...Array.from({ length: Math.floor(next() * 5) }, () => Math.floor(next() * alphabet)));
      const budget = next() < 0.4 ? 1 + Math.floor(next() * 12) : Infinity;
      const reference = budget === Infinity ? diffArrays(a, b) : diffArrays(a, b, { maxEditLength: budget });
      const mine = myersDiff(Int32Array.from(a), Int32Array.from(b), budget);
      expect([a, b, budget, mine]).toEqual([a, b, budget, reference && runsOf(reference)]);
    }
  });

  it('is empty for two empty sequences and one equal run for equal ones', () => {
    expect(myersDiff(new Int32Array(0), new Int32Array(0))).toEqual({ kinds: [], counts: [] });
    expect(myersDiff(Int32Array.of(1, 2), Int32Array.of(1, 2))).toEqual({ kinds: [EQUAL], counts: [2] });
  });
});

describe('WordDiffer gives what diffWordsWithSpace gives', () => {
  const asOps = (parts: { added: boolean; removed: boolean; value: string }[] | undefined) =>
    parts?.map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }));

  it('on policy-like paragraphs edited sentence by sentence, budget included', () => {
    const next = seeded(11);
    const words = new WordDiffer();
    for (let t = 0; t < 800; t++) {
      const before = paragraph(next);
      const a = before.join(' ');
      const b = edited(before, next).join(' ');
      const budget = next() < 0.3 ? 1 + Math.floor(next() * 40) : 2000;
      expect([a, b, budget, words.diff(a, b, budget)]).toEqual([
        a,
        b,
        budget,
        asOps(diffWordsWithSpace(a, b, { maxEditLength: budget })),
      ]);
    }
  });

  it('on strings of every kind of character: line breaks, non-ASCII, surrogates', () => {
    const inputs = samples(1000);
    const words = new WordDiffer();
    for (let i = 1; i < inputs.length; i++) {
      const a = inputs[i - 1] as string;
      const b = inputs[i] as string;
      expect([a, b, words.diff(a, b, 2000)]).toEqual([
        a,
        b,
        asOps(diffWordsWithSpace(a, b, { maxEditLength: 2000 })),
      ]);
    }
  });
});
