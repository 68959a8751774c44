import { WordTable } from './word-table';

/** A removed sentence and the added sentence that most likely replaced it. */
export interface SentencePair {
  removed: number;
  added: number;
  /** Dice overlap of their content words, 0..1. */
  similarity: number;
}

/** Words shared by more added sentences than this are not used to find candidates (keeps pairing linear). */
const MAX_POSTING = 64;

/**
 * Pairs each removed sentence with its closest added sentence (Dice over content words, at least
 * `threshold`), one to one, best pairs first. Candidates come from an inverted index of the added
 * sentences' rarer words, so the cost grows with the number of sentences, not their product.
 * Words are numbered once and counted in typed arrays.
 */
export function pairSentences(removed: string[][], added: string[][], threshold = 0.5): SentencePair[] {
  // each distinct word of a sentence, as a number, in the order first met
  const ids = new WordTable();
  let lastSeen = new Int32Array(1024);
  let vocabulary = 0;
  let scratch = new Int32Array(64);
  const distinct = (words: string[], sentence: number): Int32Array => {
    if (scratch.length < words.length) scratch = new Int32Array(2 * words.length);
    let n = 0;
    for (const w of words) {
      const id = ids.add(w);
      if (id === vocabulary) {
        vocabulary++;
        if (id >= lastSeen.length) {
          const grown = new Int32Array(2 * lastSeen.length);
          grown.set(lastSeen);
          lastSeen = grown;
        }
        lastSeen[id] = -1;
      }
      if (lastSeen[id] !== sentence) {
        lastSeen[id] = sentence;
        scratch[n++] = id;
      }
    }
    return scratch.slice(0, n);
  };
  const addedIds = added.map((words, i) => distinct(words, i));
  const removedIds = removed.map((words, i) => distinct(words, added.length + i));
  // postings of the added sentences' words (ascending); a word in more than MAX_POSTING of them is frequent
  const df = new Int32Array(vocabulary);
  for (const set of addedIds) for (const w of set) df[w] = (df[w] as number) + 1;
  const start = new Int32Array(vocabulary + 1);
  for (let w = 0; w < vocabulary; w++)
    start[w + 1] = (start[w] as number) + ((df[w] as number) > MAX_POSTING ? 0 : (df[w] as number));
  const postings = new Int32Array(start[vocabulary] as number);
  const fill = start.slice(0, vocabulary);
  addedIds.forEach((set, ai) => {
    for (const w of set)
      if ((df[w] as number) <= MAX_POSTING) postings[(fill[w] = (fill[w] as number) + 1) - 1] = ai;
  });

  // each added sentence's frequent words (the only ones a candidate's count still needs)
  const addedFrequent = addedIds.map((set) => set.filter((w) => (df[w] as number) > MAX_POSTING));

  const candidates: SentencePair[] = [];
  // rare words shared with each added sentence, and the added sentences met, in the order first met
  const counts = new Int32Array(added.length);
  const touched: number[] = [];
  // the frequent words of the removed sentence at hand: marked with its number
  const frequentOf = new Int32Array(vocabulary).fill(-1);
  removedIds.forEach((set, ri) => {
    if (set.length === 0) return;
    for (const ai of touched) counts[ai] = 0;
    touched.length = 0;
    let frequent = 0;
    for (const w of set) {
      const n = df[w] as number;
      if (n === 0) continue; // in no added sentence
      if (n > MAX_POSTING) {
        frequentOf[w] = ri;
        frequent++;
        continue;
      }
      for (let k = start[w] as number, end = start[w + 1] as number; k < end; k++) {
        const ai = postings[k] as number;
        if ((counts[ai] = (counts[ai] as number) + 1) === 1) touched.push(ai);
      }
    }
    let best: SentencePair | null = null;
    for (const ai of touched) {
      const rare = counts[ai] as number;
      const other = addedIds[ai] as Int32Array;
      const size = set.length + other.length;
      // the shared words are the rare ones counted plus the frequent ones the other has: an
      // upper bound first, which the best pair so far (or the threshold) often rules out
      const bound = (2 * (rare + frequent)) / size;
      if (bound < threshold || (best && bound <= best.similarity)) continue;
      let common = rare;
      if (frequent > 0) for (const w of addedFrequent[ai] as Int32Array) if (frequentOf[w] === ri) common++;
      const similarity = (2 * common) / size;
      if (similarity >= threshold && (!best || similarity > best.similarity))
        best = { removed: ri, added: ai, similarity };
    }
    if (best) candidates.push(best);
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.removed - y.removed);
  const used = new Set<number>();
  const pairs: SentencePair[] = [];
  for (const c of candidates) {
    if (used.has(c.added)) continue;
    used.add(c.added);
    pairs.push(c);
  }
  return pairs.sort((x, y) => x.removed - y.removed);
}
