import { diffWordsWithSpace } from 'diff';

import { alignBlocks } from './align-blocks';
import {
  type Block,
  type DiffHunk,
  type DiffMove,
  type DiffOptions,
  type DiffResult,
  type DiffStats,
  type HunkLine,
  type WordOp,
} from './diff.types';
import { countWords, isDateStampChange, looseKey } from './normalize-text';
import { splitBlocks } from './split-blocks';
import { splitSentences } from './split-sentences';

/** How many inserted paragraphs ahead a deleted one looks for its rewritten self. */
const PAIR_WINDOW = 6;
/** Word-pair overlap (Dice) above which a deleted and an inserted paragraph are one changed paragraph. */
const PAIR_SIMILARITY = 0.4;

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
  const B = splitBlocks(after);
  const wordsBefore = A.reduce((n, b) => n + countWords(b.text), 0);
  const wordsAfter = B.reduce((n, b) => n + countWords(b.text), 0);
  if (before === after) return emptyResult(wordsBefore, wordsAfter);

  const keyA = memo((i) => looseKey((A[i] as Block).text));
  const keyB = memo((i) => looseKey((B[i] as Block).text));
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

  // moves: a deleted paragraph that reappears (up to cosmetic differences) as an inserted one elsewhere
  const moveTo = new Map<number, number>();
  const moveFrom = new Map<number, number>();
  const insertedByKey = new Map<string, number[]>();
  for (const g of gaps) {
    for (const b of g.ins) {
      const key = keyB(b);
      if (!key) continue;
      const list = insertedByKey.get(key) ?? [];
      list.push(b);
      insertedByKey.set(key, list);
    }
  }
  const gapOfInsert = new Map<number, number>();
  gaps.forEach((g, gi) => g.ins.forEach((b) => gapOfInsert.set(b, gi)));
  gaps.forEach((g, gi) =>
    g.dels.forEach((a) => {
      const key = keyA(a);
      const candidates = insertedByKey.get(key);
      if (!candidates) return;
      const idx = candidates.findIndex((b) => gapOfInsert.get(b) !== gi);
      if (idx < 0) return;
      const b = candidates.splice(idx, 1)[0] as number;
      moveTo.set(a, b);
      moveFrom.set(b, a);
    }),
  );

  let timedOut = false;
  const wordOps = (a: string, b: string): WordOp[] => {
    if (!timedOut && Date.now() > deadline) {
      timedOut = true;
      fallbacks.push('time budget reached: remaining paragraphs compared whole');
    }
    const parts = timedOut ? undefined : diffWordsWithSpace(a, b, { maxEditLength });
    if (!parts)
      return [
        { op: 'delete', text: a },
        { op: 'insert', text: b },
      ];
    return parts.map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }));
  };

  const gapLines = gaps.map((g) => buildGapLines(g, A, B, keyA, keyB, moveTo, moveFrom, wordOps));
  const items: Item[] = sequence.map((s) =>
    s.kind === 'equal' ? s : { kind: 'gap', lines: gapLines[s.gap] ?? [] },
  );

  const hunks = buildHunks(items, A, B, context);
  const moves: DiffMove[] = [...moveTo].map(([from, to]) => ({ text: (A[from] as Block).text, from, to }));
  const stats = computeStats(gapLines.flat(), wordsBefore, wordsAfter, moves.length);
  const sentences = changedSentences(gapLines.flat(), A, B);
  const result: DiffResult = {
    identical: false,
    cosmetic: hunks.every((h) => h.cosmetic),
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

/** Word pairs (bigrams) of a paragraph: two rewrites from one vocabulary share words, not word pairs. */
function wordSet(key: string): Set<string> {
  const words = key.split(' ').filter(Boolean);
  if (words.length < 2) return new Set(words);
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const dice = (2 * common) / (a.size + b.size);
  // a paragraph that grew or shrank around the same core (a sentence appended) is still the same paragraph
  const containment = Math.min(a.size, b.size) >= 4 ? common / Math.min(a.size, b.size) : 0;
  return containment >= 0.9 ? Math.max(dice, PAIR_SIMILARITY) : dice;
}

function memo(compute: (i: number) => string): (i: number) => string {
  const cache = new Map<number, string>();
  return (i) => {
    let v = cache.get(i);
    if (v === undefined) cache.set(i, (v = compute(i)));
    return v;
  };
}

function buildGapLines(
  gap: { dels: number[]; ins: number[] },
  A: Block[],
  B: Block[],
  keyA: (i: number) => string,
  keyB: (i: number) => string,
  moveTo: Map<number, number>,
  moveFrom: Map<number, number>,
  wordOps: (a: string, b: string) => WordOp[],
): HunkLine[] {
  const dels = gap.dels.filter((a) => !moveTo.has(a));
  const ins = gap.ins.filter((b) => !moveFrom.has(b));
  // pair rewritten paragraphs in order, looking a few paragraphs ahead
  const pairOf = new Map<number, number>();
  const insSets = new Map<number, Set<string>>();
  const setOf = (b: number) => {
    let s = insSets.get(b);
    if (!s) insSets.set(b, (s = wordSet(keyB(b))));
    return s;
  };
  let from = 0;
  for (const a of dels) {
    const textA = (A[a] as Block).text;
    const aSet = wordSet(keyA(a));
    let best = -1;
    let bestScore = PAIR_SIMILARITY;
    for (let k = from; k < Math.min(ins.length, from + PAIR_WINDOW); k++) {
      const b = ins[k] as number;
      if ((A[a] as Block).heading !== (B[b] as Block).heading) continue;
      const score = isDateStampChange(textA, (B[b] as Block).text) ? 1 : similarity(aSet, setOf(b));
      if (score >= bestScore) {
        bestScore = score;
        best = k;
      }
    }
    if (best >= 0) {
      pairOf.set(a, ins[best] as number);
      from = best + 1;
    }
  }
  const pairedIns = new Set(pairOf.values());
  const lines: HunkLine[] = [];
  const flushInsertsBefore = (limit: number, queue: number[]) => {
    while (queue.length > 0 && (queue[0] as number) < limit) {
      const b = queue.shift() as number;
      const text = (B[b] as Block).text;
      lines.push({
        kind: 'insert',
        before: null,
        after: b,
        ops: [{ op: 'insert', text }],
        cosmetic: keyB(b) === '',
      });
    }
  };
  const pendingIns = ins.filter((b) => !pairedIns.has(b));
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
        cosmetic: keyA(a) === '',
      });
      continue;
    }
    flushInsertsBefore(b, pendingIns);
    const textB = (B[b] as Block).text;
    lines.push({
      kind: 'change',
      before: a,
      after: b,
      ops: wordOps(textA, textB),
      cosmetic: keyA(a) === keyB(b) || isDateStampChange(textA, textB),
    });
  }
  flushInsertsBefore(Number.POSITIVE_INFINITY, pendingIns);
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
    const beforeIdx = lines
      .filter((l) => l.kind !== 'move-to' && l.before !== null)
      .map((l) => l.before as number);
    const afterIdx = lines
      .filter((l) => l.kind !== 'move-from' && l.after !== null)
      .map((l) => l.after as number);
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
      beforeRange: beforeIdx.length ? [Math.min(...beforeIdx), Math.max(...beforeIdx) + 1] : [0, 0],
      afterRange: afterIdx.length ? [Math.min(...afterIdx), Math.max(...afterIdx) + 1] : [0, 0],
      lines,
      ops,
      cosmetic: changedLines.every((l) => l.cosmetic),
    });
    i = end;
  }
  return hunks;
}

function computeStats(lines: HunkLine[], wordsBefore: number, wordsAfter: number, moved: number): DiffStats {
  let wordsAdded = 0;
  let wordsRemoved = 0;
  let wordsChanged = 0;
  let paragraphsAdded = 0;
  let paragraphsRemoved = 0;
  let paragraphsChanged = 0;
  for (const line of lines) {
    if (line.kind === 'move-from' || line.kind === 'move-to' || line.kind === 'equal') continue;
    let added = 0;
    let removed = 0;
    for (const op of line.ops) {
      if (op.op === 'insert') added += countWords(op.text);
      if (op.op === 'delete') removed += countWords(op.text);
    }
    wordsAdded += added;
    wordsRemoved += removed;
    if (line.kind === 'insert') paragraphsAdded++;
    if (line.kind === 'delete') paragraphsRemoved++;
    if (line.kind === 'change') {
      paragraphsChanged++;
      wordsChanged += Math.min(added, removed);
    }
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

/**
 * The sentences that went away and the ones that arrived, for the classifier: from
 * deleted, inserted and rewritten paragraphs (not moves, not cosmetic edits), minus any
 * sentence that merely moved to another paragraph.
 */
function changedSentences(lines: HunkLine[], A: Block[], B: Block[]): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const line of lines) {
    if (line.cosmetic) continue;
    const beforeSentences =
      line.before !== null && (line.kind === 'delete' || line.kind === 'change')
        ? splitSentences((A[line.before] as Block).text)
        : [];
    const afterSentences =
      line.after !== null && (line.kind === 'insert' || line.kind === 'change')
        ? splitSentences((B[line.after] as Block).text)
        : [];
    const afterKeys = new Set(afterSentences.map(looseKey));
    const beforeKeys = new Set(beforeSentences.map(looseKey));
    for (const s of beforeSentences) if (!afterKeys.has(looseKey(s))) removed.push(s);
    for (const s of afterSentences) if (!beforeKeys.has(looseKey(s))) added.push(s);
  }
  const removedKeys = new Set(removed.map(looseKey));
  const addedKeys = new Set(added.map(looseKey));
  return {
    removed: dedupe(removed.filter((s) => !addedKeys.has(looseKey(s)))),
    added: dedupe(added.filter((s) => !removedKeys.has(looseKey(s)))),
  };
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
