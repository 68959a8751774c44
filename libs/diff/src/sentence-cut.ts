import { DELETE, EQUAL, INSERT, myersDiffTokens } from './myers-diff';

/**
 * What a rewording did when all it did was take words out ("… with record labels, concert
 * promoters and the service providers …" → "… with the service providers …") or put words in:
 * the runs of words taken out (or put in), or null when the other side gained (or lost) words
 * beyond the list's own joints ("and", "or", "also"). Pure: token lists in, runs out.
 */
export function wordsOnlyCut(before: readonly string[], after: readonly string[]): WordRun[] | null {
  return onlyOneWay(before, after, DELETE);
}

/** The runs of words put into the sentence, when that is all the rewording did (see `wordsOnlyCut`). */
export function wordsOnlyAdded(before: readonly string[], after: readonly string[]): WordRun[] | null {
  return onlyOneWay(before, after, INSERT);
}

/** A run of words cut or added, and where it starts in its own sentence's words. */
export interface WordRun {
  start: number;
  words: string[];
}

/** Words that join a list's items: a list cut or grown moves them without changing what it says. */
const JOINTS = new Set(['and', 'or', 'also', 'as', 'well', 'plus', ',', ';']);

/** Longest sentences compared (in words); a longer rewording is not a list edited. */
const MAX_WORDS = 160;

function onlyOneWay(before: readonly string[], after: readonly string[], way: number): WordRun[] | null {
  if (before.length > MAX_WORDS || after.length > MAX_WORDS) return null;
  const script = myersDiffTokens(before, after, 40);
  if (!script) return null;
  const runs: WordRun[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < script.kinds.length; k++) {
    const kind = script.kinds[k] as number;
    const n = script.counts[k] as number;
    if (kind === EQUAL) {
      i += n;
      j += n;
      continue;
    }
    const start = kind === DELETE ? i : j;
    const words = kind === DELETE ? before.slice(i, i + n) : after.slice(j, j + n);
    if (kind === DELETE) i += n;
    else j += n;
    if (kind === way) runs.push({ start, words });
    else if (!words.every((w) => JOINTS.has(w))) return null;
  }
  return runs.length > 0 ? runs : null;
}
