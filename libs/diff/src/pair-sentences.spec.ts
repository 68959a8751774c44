import { pairSentences } from './pair-sentences';

const w = (s: string) => s.toLowerCase().split(/\W+/).filter(Boolean);

describe('pairSentences', () => {
  it('pairs a reworded sentence with its replacement, one to one, best first', () => {
    const removed = [w('you can turn off voice recording storage in settings'), w('we keep logs for a year')];
    const added = [
      w('we keep server logs for two years'),
      w('you can disable voice recording storage in the settings menu'),
    ];
    expect(pairSentences(removed, added).map((p) => [p.removed, p.added])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('leaves a sentence unpaired when nothing added is close enough', () => {
    expect(pairSentences([w('we sell data to brokers')], [w('the weather is nice today')])).toEqual([]);
  });

  it('gives an added sentence to one removed sentence only', () => {
    const pairs = pairSentences([w('a b c d'), w('a b c e')], [w('a b c d')]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.removed).toBe(0);
  });
});

/** The pairing as first written (sets of strings, postings of strings): the numbered one must agree with it exactly. */
function reference(removed: string[][], added: string[][], threshold = 0.5) {
  const postings = new Map<string, number[]>();
  const addedSets = added.map((words) => new Set(words));
  addedSets.forEach((set, i) => {
    for (const x of set) {
      let list = postings.get(x);
      if (!list) postings.set(x, (list = []));
      if (list.length <= 64) list.push(i);
    }
  });
  const candidates: { removed: number; added: number; similarity: number }[] = [];
  removed.forEach((words, ri) => {
    const set = new Set(words);
    if (set.size === 0) return;
    const counts = new Map<number, number>();
    const frequent: string[] = [];
    for (const x of set) {
      const list = postings.get(x);
      if (!list) continue;
      if (list.length > 64) frequent.push(x);
      else for (const ai of list) counts.set(ai, (counts.get(ai) ?? 0) + 1);
    }
    let best: { removed: number; added: number; similarity: number } | null = null;
    for (const [ai, rare] of counts) {
      const other = addedSets[ai] as Set<string>;
      const similarity = (2 * (rare + frequent.filter((x) => other.has(x)).length)) / (set.size + other.size);
      if (similarity >= threshold && (!best || similarity > best.similarity))
        best = { removed: ri, added: ai, similarity };
    }
    if (best) candidates.push(best);
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.removed - y.removed);
  const used = new Set<number>();
  return candidates
    .filter((c) => !used.has(c.added) && used.add(c.added))
    .sort((x, y) => x.removed - y.removed);
}

describe('pairSentences, numbered', () => {
  it('agrees with the pairing on sets of strings, ties and frequent words included', () => {
    let seed = 99;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (const vocabulary of [12, 40, 300]) {
      const sentence = () =>
        Array.from({ length: Math.floor(next() * 9) }, () => `w${Math.floor(next() * next() * vocabulary)}`);
      const removed = Array.from({ length: 150 }, sentence);
      const added = Array.from({ length: 220 }, sentence);
      const pairs = pairSentences(removed, added);
      expect(pairs.length).toBeGreaterThan(10);
      expect(pairs).toEqual(reference(removed, added));
      expect(pairSentences(removed, added, 0.3)).toEqual(reference(removed, added, 0.3));
    }
  });
});

describe('pairSentences, frequent words', () => {
  it.each([64, 65])('a word in %i added sentences finds candidates only while rare (64 or fewer)', (n) => {
    const added = Array.from({ length: n }, (_, i) => ['x', `a${i}`]);
    const pairs = pairSentences([['x']], added);
    expect(pairs).toEqual(reference([['x']], added));
    expect(pairs).toHaveLength(n <= 64 ? 1 : 0);
  });
});
