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
  // each distinct word of a sentence, as a number, in the order first met: the added sentences'
  // then the removed ones', one after another in one array (sentence s from start[s] to start[s + 1])
  const ids = new WordTable();
  let lastSeen = new Int32Array(1024);
  let vocabulary = 0;
  const sentences = added.length + removed.length;
  const from = new Int32Array(sentences + 1);
  let total = 0;
  for (const words of added) total += words.length;
  for (const words of removed) total += words.length;
  const flat = new Int32Array(total);
  let n = 0;
  const distinct = (words: string[], sentence: number) => {
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
        flat[n++] = id;
      }
    }
    from[sentence + 1] = n;
  };
  added.forEach((words, i) => distinct(words, i));
  removed.forEach((words, i) => distinct(words, added.length + i));
  // postings of the added sentences' words (ascending); a word in more than MAX_POSTING of them is frequent
  const df = new Int32Array(vocabulary);
  const addedEnd = from[added.length] as number;
  for (let k = 0; k < addedEnd; k++) {
    const w = flat[k] as number;
    df[w] = (df[w] as number) + 1;
  }
  const start = new Int32Array(vocabulary + 1);
  for (let w = 0; w < vocabulary; w++)
    start[w + 1] = (start[w] as number) + ((df[w] as number) > MAX_POSTING ? 0 : (df[w] as number));
  const postings = new Int32Array(start[vocabulary] as number);
  const fill = start.slice(0, vocabulary);
  // each added sentence's frequent words (the only ones a candidate's count still needs), in order
  const frequentFrom = new Int32Array(added.length + 1);
  const frequentWords = new Int32Array(addedEnd);
  let f = 0;
  for (let ai = 0; ai < added.length; ai++) {
    for (let k = from[ai] as number, end = from[ai + 1] as number; k < end; k++) {
      const w = flat[k] as number;
      if ((df[w] as number) <= MAX_POSTING) postings[(fill[w] = (fill[w] as number) + 1) - 1] = ai;
      else frequentWords[f++] = w;
    }
    frequentFrom[ai + 1] = f;
  }

  const candidates: SentencePair[] = [];
  // rare words shared with each added sentence, and the added sentences met, in the order first met
  const counts = new Int32Array(added.length);
  const touched = new Int32Array(added.length);
  let met = 0;
  // the frequent words of the removed sentence at hand: marked with its number
  const frequentOf = new Int32Array(vocabulary).fill(-1);
  for (let ri = 0; ri < removed.length; ri++) {
    const setFrom = from[added.length + ri] as number;
    const setEnd = from[added.length + ri + 1] as number;
    if (setEnd === setFrom) continue;
    for (let t = 0; t < met; t++) counts[touched[t] as number] = 0;
    met = 0;
    let frequent = 0;
    for (let k = setFrom; k < setEnd; k++) {
      const w = flat[k] as number;
      const count = df[w] as number;
      if (count === 0) continue; // in no added sentence
      if (count > MAX_POSTING) {
        frequentOf[w] = ri;
        frequent++;
        continue;
      }
      for (let p = start[w] as number, end = start[w + 1] as number; p < end; p++) {
        const ai = postings[p] as number;
        if ((counts[ai] = (counts[ai] as number) + 1) === 1) touched[met++] = ai;
      }
    }
    let best: SentencePair | null = null;
    for (let t = 0; t < met; t++) {
      const ai = touched[t] as number;
      const rare = counts[ai] as number;
      const size = setEnd - setFrom + ((from[ai + 1] as number) - (from[ai] as number));
      // the shared words are the rare ones counted plus the frequent ones the other has: an
      // upper bound first, which the best pair so far (or the threshold) often rules out
      const bound = (2 * (rare + frequent)) / size;
      if (bound < threshold || (best && bound <= best.similarity)) continue;
      let common = rare;
      if (frequent > 0)
        for (let k = frequentFrom[ai] as number, end = frequentFrom[ai + 1] as number; k < end; k++)
          if (frequentOf[frequentWords[k] as number] === ri) common++;
      const similarity = (2 * common) / size;
      if (similarity >= threshold && (!best || similarity > best.similarity))
        best = { removed: ri, added: ai, similarity };
    }
    if (best) candidates.push(best);
  }
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
