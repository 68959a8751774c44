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
  removed.forEach((words, ri) => {
    const set = new Set(words);
    if (set.size === 0) return;
    const counts = new Map<number, number>();
    for (const w of set) {
      const list = postings.get(w);
      if (!list || list.length > MAX_POSTING) continue;
      for (const ai of list) counts.set(ai, (counts.get(ai) ?? 0) + 1);
    }
    let best: SentencePair | null = null;
    for (const [ai, rare] of counts) {
      const other = addedSets[ai] as Set<string>;
      if (rare === 0) continue;
      let common = 0;
      for (const w of set) if (other.has(w)) common++;
      const similarity = (2 * common) / (set.size + other.size);
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
