import { DELETE, INSERT, myersDiff } from './myers-diff';

export type AlignOp =
  { op: 'equal'; a: number; b: number } | { op: 'delete'; a: number } | { op: 'insert'; b: number };

export interface Alignment {
  ops: AlignOp[];
  /** Set when a gap was too different to align within budget and was taken as replaced whole. */
  fallback?: string;
}

/**
 * Aligns two sequences of paragraph keys in near-linear time on real documents:
 * common prefix and suffix, then patience anchoring (keys that occur once on each side,
 * kept in order by a longest increasing subsequence), recursing into the gaps; only a
 * gap with no anchors is handed to Myers' diff (jsdiff's, see myers-diff.ts), bounded by `maxEditLength`. A gap
 * over budget is taken as deleted and inserted whole, so no input can run away.
 *
 * Each distinct key is hashed once, into a small integer: from then on keys compare as
 * numbers and are counted in arrays, not maps.
 */
export function alignBlocks(a: string[], b: string[], maxEditLength = 200): Alignment {
  const ops: AlignOp[] = [];
  let fallbacks = 0;
  // the common head and tail compare as strings; only the paragraphs between get ids
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const ids = new Map<string, number>();
  const ia = new Int32Array(a.length);
  // where each id first occurs in a, to follow the diagonal b is on
  const firstAt: number[] = [];
  for (let i = head; i < a.length - tail; i++) {
    const key = a[i] as string;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size));
      firstAt.push(i);
    }
    ia[i] = id;
  }
  // Most of b is a with a few edits: a paragraph equal to the one of a on the diagonal
  // of the last match takes its id by one string comparison instead of a map lookup
  // (equal keys, equal ids either way).
  const ib = new Int32Array(b.length);
  let shift = 0;
  for (let j = head; j < b.length - tail; j++) {
    const key = b[j] as string;
    const k = j + shift;
    if (k >= head && k < a.length - tail && a[k] === key) {
      ib[j] = ia[k] as number;
      continue;
    }
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    else if (id < firstAt.length) shift = (firstAt[id] as number) - j;
    ib[j] = id;
  }
  const anchors = new AnchorFinder(ia, ib, ids.size);

  const emitGap = (aLo: number, aHi: number, bLo: number, bHi: number) => {
    for (let i = aLo; i < aHi; i++) ops.push({ op: 'delete', a: i });
    for (let j = bLo; j < bHi; j++) ops.push({ op: 'insert', b: j });
  };

  const myers = (aLo: number, aHi: number, bLo: number, bHi: number) => {
    // ids are equal exactly when keys are, so Myers finds the same script on them
    // (jsdiff's diffArrays script, see myers-diff.ts)
    const script = myersDiff(ia.subarray(aLo, aHi), ib.subarray(bLo, bHi), maxEditLength);
    if (!script) {
      fallbacks++;
      emitGap(aLo, aHi, bLo, bHi);
      return;
    }
    let i = aLo;
    let j = bLo;
    script.kinds.forEach((kind, r) => {
      const n = script.counts[r] as number;
      for (let k = 0; k < n; k++) {
        if (kind === INSERT) ops.push({ op: 'insert', b: j++ });
        else if (kind === DELETE) ops.push({ op: 'delete', a: i++ });
        else ops.push({ op: 'equal', a: i++, b: j++ });
      }
    });
  };

  const align = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    while (aLo < aHi && bLo < bHi && ia[aLo] === ib[bLo]) ops.push({ op: 'equal', a: aLo++, b: bLo++ });
    const end = aHi;
    while (aLo < aHi && bLo < bHi && ia[aHi - 1] === ib[bHi - 1]) {
      aHi--;
      bHi--;
    }
    const tail = end - aHi;
    if (aLo === aHi || bLo === bHi) emitGap(aLo, aHi, bLo, bHi);
    else if (aHi - aLo === 1 && bHi - bLo === 1 && maxEditLength >= 2) {
      // one paragraph replaced by another (they differ, or the prefix would have taken them):
      // what Myers finds, without building maps and arrays for it
      ops.push({ op: 'delete', a: aLo }, { op: 'insert', b: bLo });
    } else {
      const { pairs, shared } = anchors.find(aLo, aHi, bLo, bHi);
      if (!shared && aHi - aLo + (bHi - bLo) > maxEditLength) {
        // nothing in common: Myers would need every paragraph as an edit, over budget
        fallbacks++;
        emitGap(aLo, aHi, bLo, bHi);
      } else if (pairs.length === 0) myers(aLo, aHi, bLo, bHi);
      else {
        let i = aLo;
        let j = bLo;
        for (const [ai, bj] of pairs) {
          align(i, ai, j, bj);
          ops.push({ op: 'equal', a: ai, b: bj });
          i = ai + 1;
          j = bj + 1;
        }
        align(i, aHi, j, bHi);
      }
    }
    for (let k = 0; k < tail; k++) ops.push({ op: 'equal', a: aHi + k, b: bHi + k });
  };

  for (let i = 0; i < head; i++) ops.push({ op: 'equal', a: i, b: i });
  align(head, a.length - tail, head, b.length - tail);
  for (let k = tail; k > 0; k--) ops.push({ op: 'equal', a: a.length - k, b: b.length - k });
  return fallbacks > 0
    ? { ops, fallback: `${fallbacks} paragraph gap(s) exceeded the alignment budget and were compared whole` }
    : { ops };
}

/**
 * Keys unique on both sides of two ranges, as (a, b) pairs forming the longest
 * increasing run in b, and whether the ranges share any key at all. Counts live in
 * arrays indexed by key id, cleared after each call, so a call costs the length of its
 * ranges.
 */
class AnchorFinder {
  private readonly countA: Int32Array;
  private readonly countB: Int32Array;
  private readonly posB: Int32Array;

  constructor(
    private readonly ia: Int32Array,
    private readonly ib: Int32Array,
    distinct: number,
  ) {
    this.countA = new Int32Array(distinct);
    this.countB = new Int32Array(distinct);
    this.posB = new Int32Array(distinct);
  }

  find(aLo: number, aHi: number, bLo: number, bHi: number): { pairs: [number, number][]; shared: boolean } {
    const { ia, ib, countA, countB, posB } = this;
    for (let i = aLo; i < aHi; i++) {
      const id = ia[i] as number;
      countA[id] = (countA[id] as number) + 1;
    }
    let shared = false;
    for (let j = bLo; j < bHi; j++) {
      const id = ib[j] as number;
      if (countA[id] === 0) continue;
      shared = true;
      countB[id] = (countB[id] as number) + 1;
      posB[id] = j;
    }
    // in order of a, which is the order the pairs are sorted in
    const pairs: [number, number][] = [];
    for (let i = aLo; i < aHi; i++) {
      const id = ia[i] as number;
      if (countA[id] === 1 && countB[id] === 1) pairs.push([i, posB[id] as number]);
    }
    for (let i = aLo; i < aHi; i++) countA[ia[i] as number] = 0;
    for (let j = bLo; j < bHi; j++) countB[ib[j] as number] = 0;
    return { pairs: longestIncreasing(pairs), shared };
  }
}

/** Patience sorting: the longest subsequence of pairs whose b indexes increase. O(n log n). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(pairs.length).fill(-1);
  const tailIdx: number[] = [];
  pairs.forEach(([, bj], idx) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < bj) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = bj;
    tailIdx[lo] = idx;
    prev[idx] = lo > 0 ? (tailIdx[lo - 1] as number) : -1;
  });
  const out: [number, number][] = [];
  let k = tailIdx[tails.length - 1] ?? -1;
  while (k >= 0) {
    out.push(pairs[k] as [number, number]);
    k = prev[k] as number;
  }
  return out.reverse();
}
