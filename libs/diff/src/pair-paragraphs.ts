import { type Block } from './diff.types';
import {
  hasDateStamp,
  INERT,
  isDateStampChange,
  LEADING_MARKER,
  looseKeySource,
  looseKeyWords,
} from './normalize-text';

/** Word-pair overlap (Dice) above which a deleted and an inserted paragraph are one changed paragraph. */
export const PAIR_SIMILARITY = 0.4;

/**
 * Word pairs are numbers: `first * ID_LIMIT + second` while both ids are below ID_LIMIT
 * (exact in a double), a number of its own from 2^52 up for a pair beyond (a document
 * with 67 million distinct words), and `-1 - id` for the single word of a one-word
 * paragraph. The ranges do not overlap, so two paragraphs share a number only for the
 * same word pair.
 */
const ID_LIMIT = 2 ** 26;
const RARE_PAIRS = 2 ** 52;

/**
 * What pairing needs to know of the paragraphs of a gap: their word pairs (bigrams: two
 * rewrites from one vocabulary share words, not word pairs) and whether they carry a
 * date stamp, each computed once. Words of the loose key get ids without building a
 * string for a word already seen (see WordIds); a paragraph's word pairs are a sorted
 * array of distinct numbers, so two paragraphs compare by one merge. They are kept only
 * while pairing can still ask for them (see `release`).
 */
export class Pairing {
  private readonly words = new WordIds();
  private readonly rare = new Map<string, number>();
  private readonly pairsA = new Map<number, Float64Array>();
  private readonly pairsB = new Map<number, Float64Array>();
  private readonly stampsA: (boolean | undefined)[] = [];
  private readonly stampsB: (boolean | undefined)[] = [];

  constructor(
    private readonly A: Block[],
    private readonly B: Block[],
  ) {}

  /** Word-pair overlap of paragraph `a` before and `b` after (see `similarity`). */
  similarity(a: number, b: number): number {
    let pa = this.pairsA.get(a);
    if (!pa) this.pairsA.set(a, (pa = this.wordPairs((this.A[a] as Block).text)));
    let pb = this.pairsB.get(b);
    if (!pb) this.pairsB.set(b, (pb = this.wordPairs((this.B[b] as Block).text)));
    return similarity(pa, pb);
  }

  /** Forgets the word pairs of a paragraph that pairing has moved past. */
  release(side: 'A' | 'B', i: number): void {
    (side === 'A' ? this.pairsA : this.pairsB).delete(i);
  }

  /** Whether the two paragraphs differ only in the date of a date stamp (see isDateStampChange). */
  dateStampChange(a: number, b: number): boolean {
    const textA = (this.A[a] as Block).text;
    const textB = (this.B[b] as Block).text;
    if (!(this.stampsA[a] ??= hasDateStamp(textA))) return false;
    if (!(this.stampsB[b] ??= hasDateStamp(textB))) return false;
    return isDateStampChange(textA, textB);
  }

  /** The distinct word pairs of a text's loose key, as sorted numbers. */
  wordPairs(text: string): Float64Array {
    const ids = this.words.of(text);
    if (ids.length < 2) return Float64Array.from(ids, (id) => -1 - id);
    const out = new Float64Array(ids.length - 1);
    for (let i = 1; i < ids.length; i++) {
      const first = ids[i - 1] as number;
      const second = ids[i] as number;
      out[i - 1] =
        first < ID_LIMIT && second < ID_LIMIT ? first * ID_LIMIT + second : this.rarePair(first, second);
    }
    out.sort();
    let n = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i] as number;
    return out.subarray(0, n);
  }

  private rarePair(first: number, second: number): number {
    const key = `${first} ${second}`;
    let code = this.rare.get(key);
    if (code === undefined) this.rare.set(key, (code = RARE_PAIRS + this.rare.size));
    return code;
  }
}

/**
 * Dice overlap of two sorted sets of word pairs; a paragraph that grew or shrank around
 * the same core (a sentence appended) scores at least PAIR_SIMILARITY.
 */
export function similarity(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const dice = (2 * common) / (a.length + b.length);
  const containment = Math.min(a.length, b.length) >= 4 ? common / Math.min(a.length, b.length) : 0;
  return containment >= 0.9 ? Math.max(dice, PAIR_SIMILARITY) : dice;
}

/**
 * Small ids for the words of loose keys (`looseKeyWords`), in an open-addressing table
 * keyed by the word's characters: for a text whose key needs no more than folding (see
 * looseKeySource), a word already seen is found by reading it in place, lower-casing
 * ASCII on the fly, and only a new word becomes a string.
 */
export class WordIds {
  private words: string[] = [];
  private hashes = new Int32Array(0);
  private slots = new Int32Array(1024).fill(-1);

  /** The ids of the words of the text's loose key, in order. */
  of(text: string): number[] {
    // read in place when the text is its own loose-key source (see looseKeySource)
    if (!LEADING_MARKER.test(text)) {
      const ids = this.runs(text, false);
      if (ids) return ids;
    }
    // links replaced and marker removed, what is left is read as it is (a `[` left there is text)
    const source = looseKeySource(text);
    if (source !== null) return this.runs(source, true) as number[];
    return looseKeyWords(text).map((w) => this.idOf(w, 0, w.length, hashRange(w, 0, w.length)));
  }

  /**
   * Ids of the runs of ASCII letters and digits of a text, or null at a code unit looseKey
   * would act on (one that is not typography, a line break, `<`, and `[` unless `bracketIsText`).
   */
  private runs(text: string, bracketIsText: boolean): number[] | null {
    const out: number[] = [];
    let start = -1;
    let h = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      const kind = code < 128 ? (KEY_KIND[code] as number) : INERT[code] === 1 ? SEPARATOR : OTHER;
      if (kind === LETTER) {
        if (start < 0) {
          start = i;
          h = 0;
        }
        h = (Math.imul(h, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
        continue;
      }
      if (kind === OTHER && !(bracketIsText && code === 91)) return null;
      if (start >= 0) {
        out.push(this.idOf(text, start, i, h));
        start = -1;
      }
    }
    return out;
  }

  /** The id of the lower-cased text[from, to), whose hash is `h`. */
  private idOf(text: string, from: number, to: number, h: number): number {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = this.slots[slot] as number;
      if (id < 0) break;
      if (this.hashes[id] === h && sameLower(this.words[id] as string, text, from, to)) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.words.length;
    this.words.push(text.slice(from, to).toLowerCase());
    if (id >= this.hashes.length) {
      const grown = new Int32Array(Math.max(1024, this.hashes.length * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    this.slots[slot] = id;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

/** What an ASCII code unit is to WordIds: part of a word, between words, or something looseKey acts on (`[`, `<`, a line break). */
const LETTER = 1;
const SEPARATOR = 0;
const OTHER = 2;
const KEY_KIND = new Uint8Array(128).map((_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c))
    ? LETTER
    : c === 91 || c === 60 || c === 10 || c === 13
      ? OTHER
      : SEPARATOR,
);

/** Hash of text[from, to) with ASCII upper case folded, as WordIds computes it while reading. */
function hashRange(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    h = (Math.imul(h, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
  }
  return h;
}

/** Whether `word` (lower case) is text[from, to) with ASCII upper case folded. */
function sameLower(word: string, text: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (word.charCodeAt(i - from) !== (code >= 65 && code <= 90 ? code + 32 : code)) return false;
  }
  return true;
}
