import { alignBlocks } from './align-blocks';
import { changedSentences } from './changed-sentences';
import { WordDiffer } from './diff-words';
import {
  type Block,
  type DiffHunk,
  type DiffMove,
  type DiffOptions,
  type DiffResult,
  type DiffStats,
  type HunkLine,
  type LineKind,
  type WordOp,
} from './diff.types';
import { countWords, looseKey } from './normalize-text';
import { MoveFinder } from './find-moves';
import { Pairing, PAIR_SIMILARITY } from './pair-paragraphs';
import { ParagraphWords, type SideWords } from './paragraph-words';
import { noteParagraphs } from './side-lines';
import { splitBlocks } from './split-blocks';

/** How many inserted paragraphs ahead a deleted one looks for its rewritten self. */
const PAIR_WINDOW = 6;

type Item = { kind: 'equal'; a: number; b: number } | { kind: 'gap'; lines: HunkLine[] };

/**
 * Diffs two extracted versions (Markdown). Paragraphs are aligned first (see
 * align-blocks.ts), rewritten paragraphs are paired by word overlap and diffed word by
 * word, paragraphs that moved are recognised as moves, and the changes are grouped into
 * hunks with context and the heading of their section. Pure and bounded.
 */
export function diffText(before: string, after: string, options: DiffOptions = {}): DiffResult {
  const context = options.context ?? 1;
  const maxEditLength = options.maxEditLength ?? 2000;
  const deadline = Date.now() + (options.timeoutMs ?? 2000);
  const A = splitBlocks(before);
  // paragraphs are lines and words never span lines, so the whole text counts as its paragraphs do
  const wordsBefore = countWords(before);
  if (before === after) return emptyResult(wordsBefore, wordsBefore);
  const B = splitBlocks(after);

  // the loose keys of paragraphs, as the ids of their words (see paragraph-words.ts)
  const words = new ParagraphWords(A, B);
  const wordsA = memoCount(A.length, (i) => countWords((A[i] as Block).text));
  const wordsB = memoCount(B.length, (i) => countWords((B[i] as Block).text));
  const alignment = alignBlocks(
    A.map((b) => b.text),
    B.map((b) => b.text),
    options.maxBlockEditLength ?? 200,
  );
  const fallbacks: string[] = alignment.fallback ? [alignment.fallback] : [];

  // gaps of consecutive non-equal paragraphs, in document order
  const gaps: { dels: number[]; ins: number[] }[] = [];
  const sequence: ({ kind: 'equal'; a: number; b: number } | { kind: 'gap'; gap: number })[] = [];
  for (const op of alignment.ops) {
    if (op.op === 'equal') {
      sequence.push({ kind: 'equal', a: op.a, b: op.b });
      continue;
    }
    let last = sequence[sequence.length - 1];
    if (!last || last.kind !== 'gap') {
      gaps.push({ dels: [], ins: [] });
      last = { kind: 'gap', gap: gaps.length - 1 };
      sequence.push(last);
    }
    const gap = gaps[last.gap] as { dels: number[]; ins: number[] };
    if (op.op === 'delete') gap.dels.push(op.a);
    else gap.ins.push(op.b);
  }
  // equal paragraphs have the same text on both sides: the after text counts the difference
  let wordsAfter = wordsBefore;
  for (const g of gaps) {
    for (const a of g.dels) wordsAfter -= wordsA(a);
    for (const b of g.ins) wordsAfter += wordsB(b);
  }

  // moves: a deleted paragraph that reappears (up to cosmetic differences) as an inserted one elsewhere
  const moveTo = new Map<number, number>();
  const moveFrom = new Map<number, number>();
  const moveFinder = new MoveFinder(
    (a) => words.before.idKey(a),
    (b) => words.after.idKey(b),
    (a, b) => words.sameKey(a, b),
    (b) => words.after.count(b) === 0,
  );
  gaps.forEach((g, gi) => g.ins.forEach((b) => moveFinder.add(b, words.after.hash(b), gi)));
  gaps.forEach((g, gi) =>
    g.dels.forEach((a) => {
      const b = moveFinder.take(words.before.hash(a), a, gi);
      if (b === undefined) return;
      moveTo.set(a, b);
      moveFrom.set(b, a);
    }),
  );

  let timedOut = false;
  const differ = new WordDiffer();
  const wordOps = (a: string, b: string): WordOp[] => {
    if (!timedOut && Date.now() > deadline) {
      timedOut = true;
      fallbacks.push('time budget reached: remaining paragraphs compared whole');
    }
    return (
      (timedOut ? undefined : differ.diff(a, b, maxEditLength)) ?? [
        { op: 'delete', text: a },
        { op: 'insert', text: b },
      ]
    );
  };

  const pairing = new Pairing(A, B, words);
  const gapContext: GapContext = { A, B, words, moveTo, moveFrom, wordOps, pairing };
  const gapLines = gaps.map((g) => buildGapLines(g, gapContext));
  const items: Item[] = sequence.map((s) =>
    s.kind === 'equal' ? s : { kind: 'gap', lines: gapLines[s.gap] ?? [] },
  );

  const hunks = buildHunks(items, A, B, context);
  const moves: DiffMove[] = [...moveTo].map(([from, to]) => ({ text: (A[from] as Block).text, from, to }));
  const stats = computeStats(gapLines.flat(), wordsBefore, wordsAfter, moves.length, wordsA, wordsB);
  const sentences = changedSentences(gapLines.flat(), A, B);
  // a text reflowed (a paragraph split in two, table rows re-broken, a heading's underline turned
  // into a marker) changes no word: each changed region reads the same once joined, so the change
  // is cosmetic though no paragraph is equal to another
  const reflowed =
    moves.length === 0 &&
    gaps.every((g) => {
      // the keys of each side's paragraphs joined by spaces (empty ones left out) are the words
      // of all of them in order, a space between two: equal exactly when the words are
      if (sameWords(g.dels, words.before, g.ins, words.after)) return true;
      // (a paragraph's marker or a link split across paragraphs reads only once joined: tried
      // only where the keys are nearly the same length, so unrelated texts cost nothing more)
      if (Math.abs(joinedLength(g.dels, words.before) - joinedLength(g.ins, words.after)) > 32) return false;
      return (
        looseKey(g.dels.map((a) => (A[a] as Block).text).join('\n')) ===
        looseKey(g.ins.map((b) => (B[b] as Block).text).join('\n'))
      );
    });
  const result: DiffResult = {
    identical: false,
    cosmetic: hunks.every((h) => h.cosmetic) || reflowed,
    hunks,
    moves,
    stats,
    sentences,
  };
  if (fallbacks.length > 0) result.fallback = fallbacks.join('; ');
  return result;
}

function emptyResult(wordsBefore: number, wordsAfter: number): DiffResult {
  return {
    identical: true,
    cosmetic: false,
    hunks: [],
    moves: [],
    stats: {
      wordsBefore,
      wordsAfter,
      wordsAdded: 0,
      wordsRemoved: 0,
      wordsChanged: 0,
      paragraphsAdded: 0,
      paragraphsRemoved: 0,
      paragraphsChanged: 0,
      paragraphsMoved: 0,
      changedShare: 0,
    },
    sentences: { removed: [], added: [] },
  };
}

/** Whether the words of paragraphs `xs` of one side, in order, are those of `ys` of the other. */
function sameWords(xs: number[], x: SideWords, ys: number[], y: SideWords): boolean {
  let p = 0;
  let pi = 0;
  let q = 0;
  let qi = 0;
  let px: Int32Array = new Int32Array(0);
  let qy: Int32Array = new Int32Array(0);
  for (;;) {
    while (pi === px.length && p < xs.length) {
      px = x.ids(xs[p++] as number);
      pi = 0;
    }
    while (qi === qy.length && q < ys.length) {
      qy = y.ids(ys[q++] as number);
      qi = 0;
    }
    const xDone = pi === px.length;
    const yDone = qi === qy.length;
    if (xDone || yDone) return xDone && yDone;
    if (px[pi++] !== qy[qi++]) return false;
  }
}

/** The length of the loose keys of paragraphs `xs` joined by spaces, empty keys left out. */
function joinedLength(xs: number[], side: SideWords): number {
  let length = 0;
  let keys = 0;
  for (const i of xs) {
    if (side.count(i) === 0) continue;
    length += side.keyLength(i);
    keys++;
  }
  return keys === 0 ? 0 : length + keys - 1;
}

/** A per-index cache of a non-negative number computed on demand. */
function memoCount(size: number, compute: (i: number) => number): (i: number) => number {
  const cache = new Float64Array(size).fill(-1);
  return (i) => {
    let v = cache[i] as number;
    if (v < 0) cache[i] = v = compute(i);
    return v;
  };
}

/** What building the lines of a gap reads: the paragraphs, their keys and moves, the word diff and pairing. */
interface GapContext {
  A: Block[];
  B: Block[];
  words: ParagraphWords;
  moveTo: Map<number, number>;
  moveFrom: Map<number, number>;
  wordOps: (a: string, b: string) => WordOp[];
  pairing: Pairing;
}

function buildGapLines(gap: { dels: number[]; ins: number[] }, ctx: GapContext): HunkLine[] {
  const { A, B, moveTo, moveFrom, pairing } = ctx;
  const dels = gap.dels.filter((a) => !moveTo.has(a));
  const ins = gap.ins.filter((b) => !moveFrom.has(b));
  // pair rewritten paragraphs in order, looking a few paragraphs ahead
  const pairOf = new Map<number, number>();
  let from = 0;
  let released = 0;
  for (const a of dels) {
    let best = -1;
    let bestScore = PAIR_SIMILARITY;
    for (let k = from; k < Math.min(ins.length, from + PAIR_WINDOW); k++) {
      const b = ins[k] as number;
      if ((A[a] as Block).heading !== (B[b] as Block).heading) continue;
      const score = pairing.dateStampChange(a, b) ? 1 : pairing.similarity(a, b);
      if (score >= bestScore) {
        bestScore = score;
        best = k;
      }
    }
    pairing.release('A', a);
    if (best >= 0) {
      pairOf.set(a, ins[best] as number);
      from = best + 1;
      for (; released < from; released++) pairing.release('B', ins[released] as number);
    }
  }
  for (; released < ins.length; released++) pairing.release('B', ins[released] as number);

  const pairedIns = new Set(pairOf.values());
  const lines: HunkLine[] = [];
  const pendingIns = ins.filter((b) => !pairedIns.has(b));
  let pending = 0;
  const flushInsertsBefore = (limit: number) => {
    for (; pending < pendingIns.length && (pendingIns[pending] as number) < limit; pending++) {
      const b = pendingIns[pending] as number;
      const text = (B[b] as Block).text;
      lines.push({
        kind: 'insert',
        before: null,
        after: b,
        ops: [{ op: 'insert', text }],
        cosmetic: ctx.words.after.count(b) === 0,
      });
    }
  };
  for (const a of gap.dels) {
    const textA = (A[a] as Block).text;
    const moved = moveTo.get(a);
    if (moved !== undefined) {
      lines.push({
        kind: 'move-from',
        before: a,
        after: moved,
        ops: [{ op: 'delete', text: textA }],
        cosmetic: true,
      });
      continue;
    }
    const b = pairOf.get(a);
    if (b === undefined) {
      lines.push({
        kind: 'delete',
        before: a,
        after: null,
        ops: [{ op: 'delete', text: textA }],
        cosmetic: ctx.words.before.count(a) === 0,
      });
      continue;
    }
    flushInsertsBefore(b);
    const textB = (B[b] as Block).text;
    const line: HunkLine = {
      kind: 'change',
      before: a,
      after: b,
      ops: ctx.wordOps(textA, textB),
      cosmetic: ctx.words.sameKey(a, b) || pairing.dateStampChange(a, b),
    };
    // (the classifier reads the line's two paragraphs: see side-lines.ts)
    noteParagraphs(line, textA, textB);
    lines.push(line);
  }
  flushInsertsBefore(Number.POSITIVE_INFINITY);
  for (const b of gap.ins) {
    const origin = moveFrom.get(b);
    if (origin !== undefined) {
      lines.push({
        kind: 'move-to',
        before: origin,
        after: b,
        ops: [{ op: 'insert', text: (B[b] as Block).text }],
        cosmetic: true,
      });
    }
  }
  return lines;
}

function buildHunks(items: Item[], A: Block[], B: Block[], context: number): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  const changed = items.map((it) => it.kind === 'gap');
  let i = 0;
  while (i < items.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    // extend over following gaps separated by at most 2*context equal paragraphs
    for (;;) {
      let next = end;
      while (next < items.length && !changed[next] && next - end < 2 * context) next++;
      if (next < items.length && changed[next] && next - end <= 2 * context) end = next + 1;
      else break;
    }
    start = Math.max(0, start - context);
    const stop = Math.min(items.length, end + context);
    const lines: HunkLine[] = [];
    for (let k = start; k < stop; k++) {
      const item = items[k] as Item;
      if (item.kind === 'equal') {
        lines.push({
          kind: 'equal',
          before: item.a,
          after: item.b,
          ops: [{ op: 'equal', text: (A[item.a] as Block).text }],
          cosmetic: true,
        });
      } else lines.push(...item.lines);
    }
    const beforeRange = rangeOf(lines, 'before', 'move-to');
    const afterRange = rangeOf(lines, 'after', 'move-from');
    const changedLines = lines.filter((l) => l.kind !== 'equal');
    const firstChanged = changedLines[0];
    const sectionBlock =
      firstChanged?.after !== null && firstChanged?.after !== undefined
        ? B[firstChanged.after]
        : firstChanged?.before !== null && firstChanged?.before !== undefined
          ? A[firstChanged.before]
          : undefined;
    const ops: WordOp[] = [];
    lines.forEach((l, n) => {
      if (n > 0) ops.push({ op: 'equal', text: '\n' });
      ops.push(...l.ops);
    });
    hunks.push({
      kind: changedLines.every((l) => l.kind === 'move-from' || l.kind === 'move-to') ? 'move' : 'change',
      section: sectionBlock?.section ?? null,
      beforeRange,
      afterRange,
      lines,
      ops,
      cosmetic: changedLines.every((l) => l.cosmetic),
    });
    i = end;
  }
  return hunks;
}

/** Half-open range of the paragraph indexes on one side of a hunk's lines, skipping one kind of move line. */
function rangeOf(lines: HunkLine[], side: 'before' | 'after', skip: LineKind): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const l of lines) {
    const i = l[side];
    if (l.kind === skip || i === null) continue;
    if (i < lo) lo = i;
    if (i > hi) hi = i;
  }
  return lo <= hi ? [lo, hi + 1] : [0, 0];
}

function computeStats(
  lines: HunkLine[],
  wordsBefore: number,
  wordsAfter: number,
  moved: number,
  wordsA: (i: number) => number,
  wordsB: (i: number) => number,
): DiffStats {
  let wordsAdded = 0;
  let wordsRemoved = 0;
  let wordsChanged = 0;
  let paragraphsAdded = 0;
  let paragraphsRemoved = 0;
  let paragraphsChanged = 0;
  for (const line of lines) {
    if (line.kind === 'move-from' || line.kind === 'move-to' || line.kind === 'equal') continue;
    if (line.kind === 'insert') {
      // the single op of an inserted or deleted paragraph is the whole paragraph, already counted
      wordsAdded += wordsB(line.after as number);
      paragraphsAdded++;
      continue;
    }
    if (line.kind === 'delete') {
      wordsRemoved += wordsA(line.before as number);
      paragraphsRemoved++;
      continue;
    }
    let added = 0;
    let removed = 0;
    for (const op of line.ops) {
      if (op.op === 'insert') added += countWords(op.text);
      if (op.op === 'delete') removed += countWords(op.text);
    }
    wordsAdded += added;
    wordsRemoved += removed;
    paragraphsChanged++;
    wordsChanged += Math.min(added, removed);
  }
  const total = wordsBefore + wordsAfter;
  return {
    wordsBefore,
    wordsAfter,
    wordsAdded,
    wordsRemoved,
    wordsChanged,
    paragraphsAdded,
    paragraphsRemoved,
    paragraphsChanged,
    paragraphsMoved: moved,
    changedShare: total === 0 ? 0 : Math.min(1, (wordsAdded + wordsRemoved) / total),
  };
}
