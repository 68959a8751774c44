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
 */
export function pairSentences(removed: string[][], added: string[][], threshold = 0.5): SentencePair[] {
  const postings = new Map<string, number[]>();
  const addedSets = added.map((words) => new Set(words));
  addedSets.forEach((set, i) => {
    for (const w of set) {
      let list = postings.get(w);
      if (!list) postings.set(w, (list = []));
      if (list.length <= MAX_POSTING) list.push(i);
    }
  });
  const candidates: SentencePair[] = [];
  // rare words shared with each added sentence, and the added sentences met, in the order first met
  const counts = new Int32Array(added.length);
  const touched: number[] = [];
  const frequent: string[] = [];
  removed.forEach((words, ri) => {
    const set = new Set(words);
    if (set.size === 0) return;
    for (const ai of touched) counts[ai] = 0;
    touched.length = 0;
    frequent.length = 0;
    for (const w of set) {
      const list = postings.get(w);
      if (!list) continue; // in no added sentence
      if (list.length > MAX_POSTING) {
        frequent.push(w);
        continue;
      }
      for (const ai of list) if ((counts[ai] = (counts[ai] as number) + 1) === 1) touched.push(ai);
    }
    let best: SentencePair | null = null;
    for (const ai of touched) {
      const rare = counts[ai] as number;
      const other = addedSets[ai] as Set<string>;
      const size = set.size + other.size;
      // the shared words are the rare ones counted plus the frequent ones the other has: an
      // upper bound first, which the best pair so far (or the threshold) often rules out
      const bound = (2 * (rare + frequent.length)) / size;
      if (bound < threshold || (best && bound <= best.similarity)) continue;
      let common = rare;
      for (const w of frequent) if (other.has(w)) common++;
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
