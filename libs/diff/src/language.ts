import { isLetterCodePoint } from './plain-words';

/**
 * Which language a change reads as: English (read by the clause rules), French (read by
 * read-french.ts), or another (said to be unread). Both tests count function words.
 */

/** English words that most English sentences have and other languages' sentences lack. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the and of to a in is are we you your our for with that this or be by on may not it as any can will from'.split(
    ' ',
  ),
);
/** The same in French, German, Spanish, Italian, Dutch and Portuguese (for short changes). */
const OTHER_FUNCTION_WORDS = new Set(
  'le la les des du et nous vous votre vos pour avec est sont une dans qui que der die das und wir sie ihre ist mit von zu el los las y nosotros usted sus para con del il lo gli di che per sono het een en wij uw voor met van os um uma não são'.split(
    ' ',
  ),
);
/**
 * Whether the changed sentences read as English: with 40 words or more, unless English function
 * words are under 12% of them (English prose has 35–50%; French, German or Spanish prose under 5%)
 * and other languages' function words 8% or more (so a JSON manifest or a menu of product names,
 * which has few of either, is still read); with 12 to 39 words, unless other languages' function
 * words are 15% of them and English ones under 5%.
 */
export function readsAsEnglish(sentences: string[]): boolean {
  const counts = { words: 0, first: 0, second: 0 };
  for (const s of sentences) {
    countWords(s, true, ENGLISH_FUNCTION_WORDS, OTHER_FUNCTION_WORDS, counts);
    if (counts.words >= 4000) break;
  }
  const { words, first: english, second: other } = counts;
  if (words >= 40) return english >= 0.12 * words || other < 0.08 * words;
  return words < 12 || !(other >= 0.15 * words && english < 0.05 * words);
}

/** French function words, for telling a French text from others. */
const FRENCH_WORDS = new Set(
  'le la les des du de et est sont une un pour par dans sur avec nous vous votre vos notre nos qui que ne pas au aux ce cette ces ses leur leurs il elle ils elles on en'.split(
    ' ',
  ),
);

/**
 * Whether a change reads as French: its changed sentences, and where they are short (under 40
 * words) the start of the new version too, have French function words for 15% or more of their
 * words and English ones for under 5%. Only the first 2,000 words are counted.
 */
export function readsAsFrench(sentences: string[], afterText?: string): boolean {
  const counts = { words: 0, first: 0, second: 0 };
  for (const s of sentences) {
    countWords(s, false, FRENCH_WORDS, ENGLISH_FUNCTION_WORDS, counts);
    if (counts.words >= 2000) break;
  }
  if (counts.words < 40 && afterText)
    countWords(afterText.slice(0, 4000), false, FRENCH_WORDS, ENGLISH_FUNCTION_WORDS, counts);
  const { words, first: fr, second: en } = counts;
  return words >= 4 && fr >= 0.15 * words && en < 0.05 * words;
}

/** The longest function word of the lists above: a longer word is none of them and is only counted. */
const LONGEST = Math.max(
  ...[...ENGLISH_FUNCTION_WORDS, ...OTHER_FUNCTION_WORDS, ...FRENCH_WORDS].map((w) => w.length),
);

/**
 * Adds the words of the text to `counts.words`, and those of `first` (else of `second`) to
 * `counts.first` (`counts.second`): the words are the non-empty parts of
 * `text.toLowerCase().split(/[^\p{L}']+/u)` (with `apostrophe`; else `/[^\p{L}]+/u`), read in one
 * pass, and only a word short enough to be a function word is copied out to be looked up.
 * (Exported for tests.)
 */
export function countWords(
  text: string,
  apostrophe: boolean,
  first: ReadonlySet<string>,
  second: ReadonlySet<string>,
  counts: { words: number; first: number; second: number },
): void {
  const lower = text.toLowerCase();
  const n = lower.length;
  let start = -1; // the open word's start (-1: none)
  for (let i = 0; i <= n;) {
    let inWord = false;
    let width = 1;
    if (i < n) {
      const cp = lower.codePointAt(i) as number;
      width = cp > 0xffff ? 2 : 1;
      inWord = (apostrophe && cp === 0x27) || isLetterCodePoint(cp);
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      counts.words++;
      if (i - start <= LONGEST) {
        const w = lower.slice(start, i);
        if (first.has(w)) counts.first++;
        else if (second.has(w)) counts.second++;
      }
      start = -1;
    }
    i += width;
  }
}
