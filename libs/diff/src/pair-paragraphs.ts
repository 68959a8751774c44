import { type Block } from './diff.types';
import { hasDateStamp, isDateStampChange } from './normalize-text';
import { ParagraphWords } from './paragraph-words';

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
 * date stamp, each computed once. Words of the loose key are the ids of ParagraphWords;
 * a paragraph's word pairs are a sorted run of distinct numbers in its side's pool (see
 * PairPool), so two paragraphs compare by one merge. They are kept only while pairing can
 * still ask for them (see `release`).
 */
export class Pairing {
  private readonly rare = new Map<string, number>();
  private readonly pairsA: PairPool;
  private readonly pairsB: PairPool;
  private readonly stampsA: (boolean | undefined)[] = [];
  private readonly stampsB: (boolean | undefined)[] = [];

  constructor(
    private readonly A: Block[],
    private readonly B: Block[],
    private readonly words = new ParagraphWords(A, B),
  ) {
    this.pairsA = new PairPool(A.length);
    this.pairsB = new PairPool(B.length);
  }

  /** Word-pair overlap of paragraph `a` before and `b` after (see `similarity`). */
  similarity(a: number, b: number): number {
    const { pairsA, pairsB } = this;
    if (!pairsA.has(a)) this.wordPairs(this.words.before.ids(a), pairsA, a);
    if (!pairsB.has(b)) this.wordPairs(this.words.after.ids(b), pairsB, b);
    return similarity(pairsA.pool, pairsA.from(a), pairsA.to(a), pairsB.pool, pairsB.from(b), pairsB.to(b));
  }

  /** Forgets the word pairs of a paragraph that pairing has moved past. */
  release(side: 'A' | 'B', i: number): void {
    (side === 'A' ? this.pairsA : this.pairsB).release(i);
  }

  /** Whether the two paragraphs differ only in the date of a date stamp (see isDateStampChange). */
  dateStampChange(a: number, b: number): boolean {
    const textA = (this.A[a] as Block).text;
    const textB = (this.B[b] as Block).text;
    if (!(this.stampsA[a] ??= hasDateStamp(textA))) return false;
    if (!(this.stampsB[b] ??= hasDateStamp(textB))) return false;
    return isDateStampChange(textA, textB);
  }

  /** Keeps the distinct word pairs of paragraph i's loose key (the ids of its words), as sorted numbers, in the pool. */
  private wordPairs(ids: Int32Array, pairs: PairPool, i: number): void {
    const n = ids.length < 2 ? ids.length : ids.length - 1;
    const out = pairs.reserve(n);
    if (ids.length < 2) {
      for (let k = 0; k < ids.length; k++) out[k] = -1 - (ids[k] as number);
      pairs.keep(i, n);
      return;
    }
    for (let k = 1; k < ids.length; k++) {
      const first = ids[k - 1] as number;
      const second = ids[k] as number;
      out[k - 1] =
        first < ID_LIMIT && second < ID_LIMIT ? first * ID_LIMIT + second : this.rarePair(first, second);
    }
    out.sort();
    let m = 0;
    for (let k = 0; k < n; k++) if (k === 0 || out[k] !== out[m - 1]) out[m++] = out[k] as number;
    pairs.keep(i, m);
  }

  private rarePair(first: number, second: number): number {
    const key = `${first} ${second}`;
    let code = this.rare.get(key);
    if (code === undefined) this.rare.set(key, (code = RARE_PAIRS + this.rare.size));
    return code;
  }
}

/**
 * The word pairs of one side's paragraphs, one after the other in one array: no array of
 * its own per paragraph. Pairing asks for paragraphs in document order and releases them
 * in order too, so once all it holds are released the pool starts over.
 */
class PairPool {
  pool = new Float64Array(4096);
  private used = 0;
  private live = 0;
  /** Where each paragraph's pairs start (-1: none kept), and end. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(size: number) {
    this.starts = new Int32Array(size).fill(-1);
    this.ends = new Int32Array(size);
  }

  has(i: number): boolean {
    return (this.starts[i] as number) >= 0;
  }

  from(i: number): number {
    return this.starts[i] as number;
  }

  to(i: number): number {
    return this.ends[i] as number;
  }

  /** Room for n numbers after the last kept: a view to write them in. */
  reserve(n: number): Float64Array {
    if (this.used + n > this.pool.length) {
      const grown = new Float64Array(2 ** Math.ceil(Math.log2(this.used + n)));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    return this.pool.subarray(this.used, this.used + n);
  }

  /** Keeps the first n numbers written in the reserved room as paragraph i's pairs. */
  keep(i: number, n: number): void {
    this.starts[i] = this.used;
    this.ends[i] = this.used += n;
    this.live++;
  }

  release(i: number): void {
    if (!this.has(i)) return;
    this.starts[i] = -1;
    if (--this.live === 0) this.used = 0;
  }
}

/**
 * Dice overlap of two sorted sets of word pairs, a[aFrom, aTo) and b[bFrom, bTo); a paragraph
 * that grew or shrank around the same core (a sentence appended) scores at least
 * PAIR_SIMILARITY.
 */
function similarity(
  a: Float64Array,
  aFrom: number,
  aTo: number,
  b: Float64Array,
  bFrom: number,
  bTo: number,
): number {
  const aLength = aTo - aFrom;
  const bLength = bTo - bFrom;
  if (aLength === 0 || bLength === 0) return 0;
  let common = 0;
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const dice = (2 * common) / (aLength + bLength);
  const containment = Math.min(aLength, bLength) >= 4 ? common / Math.min(aLength, bLength) : 0;
  return containment >= 0.9 ? Math.max(dice, PAIR_SIMILARITY) : dice;
}
