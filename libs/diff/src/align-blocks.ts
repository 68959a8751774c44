import { diffArrays } from 'diff';

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
 * gap with no anchors is handed to jsdiff's Myers diff, bounded by `maxEditLength`. A gap
 * over budget is taken as deleted and inserted whole, so no input can run away.
 */
export function alignBlocks(a: string[], b: string[], maxEditLength = 200): Alignment {
  const ops: AlignOp[] = [];
  let fallbacks = 0;

  const emitGap = (aLo: number, aHi: number, bLo: number, bHi: number) => {
    for (let i = aLo; i < aHi; i++) ops.push({ op: 'delete', a: i });
    for (let j = bLo; j < bHi; j++) ops.push({ op: 'insert', b: j });
  };

  const myers = (aLo: number, aHi: number, bLo: number, bHi: number) => {
    const parts = diffArrays(a.slice(aLo, aHi), b.slice(bLo, bHi), { maxEditLength });
    if (!parts) {
      fallbacks++;
      emitGap(aLo, aHi, bLo, bHi);
      return;
    }
    let i = aLo;
    let j = bLo;
    for (const part of parts) {
      const n = part.count ?? part.value.length;
      for (let k = 0; k < n; k++) {
        if (part.added) ops.push({ op: 'insert', b: j++ });
        else if (part.removed) ops.push({ op: 'delete', a: i++ });
        else ops.push({ op: 'equal', a: i++, b: j++ });
      }
    }
  };

  const align = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) ops.push({ op: 'equal', a: aLo++, b: bLo++ });
    const tail: AlignOp[] = [];
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1])
      tail.push({ op: 'equal', a: --aHi, b: --bHi });
    if (aLo === aHi || bLo === bHi) emitGap(aLo, aHi, bLo, bHi);
    else if (aHi - aLo === 1 && bHi - bLo === 1 && maxEditLength >= 2) {
      // one paragraph replaced by another (they differ, or the prefix would have taken them):
      // what Myers finds, without building maps and arrays for it
      ops.push({ op: 'delete', a: aLo }, { op: 'insert', b: bLo });
    } else {
      const { anchors, shared } = uniqueAnchors(a, b, aLo, aHi, bLo, bHi);
      if (!shared && aHi - aLo + (bHi - bLo) > maxEditLength) {
        // nothing in common: Myers would need every paragraph as an edit, over budget
        fallbacks++;
        emitGap(aLo, aHi, bLo, bHi);
      } else if (anchors.length === 0) myers(aLo, aHi, bLo, bHi);
      else {
        let i = aLo;
        let j = bLo;
        for (const [ai, bj] of anchors) {
          align(i, ai, j, bj);
          ops.push({ op: 'equal', a: ai, b: bj });
          i = ai + 1;
          j = bj + 1;
        }
        align(i, aHi, j, bHi);
      }
    }
    for (let k = tail.length - 1; k >= 0; k--) ops.push(tail[k] as AlignOp);
  };

  align(0, a.length, 0, b.length);
  return fallbacks > 0
    ? { ops, fallback: `${fallbacks} paragraph gap(s) exceeded the alignment budget and were compared whole` }
    : { ops };
}

/**
 * Keys unique on both sides of the ranges, as (a, b) pairs forming the longest increasing
 * run in b; and whether the ranges share any key at all.
 */
function uniqueAnchors(
  a: string[],
  b: string[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): { anchors: [number, number][]; shared: boolean } {
  const inA = new Map<string, number>();
  for (let i = aLo; i < aHi; i++) {
    const k = a[i] as string;
    inA.set(k, inA.has(k) ? -1 : i);
  }
  const inB = new Map<string, number>();
  for (let j = bLo; j < bHi; j++) {
    const k = b[j] as string;
    if (!inA.has(k)) continue;
    inB.set(k, inB.has(k) ? -1 : j);
  }
  const pairs: [number, number][] = [];
  for (const [k, j] of inB) {
    const i = inA.get(k);
    if (i !== undefined && i >= 0 && j >= 0) pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return { anchors: longestIncreasing(pairs), shared: inB.size > 0 };
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
