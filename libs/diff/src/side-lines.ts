import { type DiffResult, type HunkLine } from './diff.types';
import { plainText, splitSentences } from './split-sentences';

/** A list item or a table row. */
export const LIST_ITEM = /^\s*([-*+•]|\d+[.)]|\((?:[a-z]|[ivx]{1,5})\)|[a-z]\))\s+|^\s*\|/u;
/** A Markdown heading line. */
const HEADING = /^\s{0,3}#{1,6}\s/u;
/** A Markdown heading line, with its level's hashes. */
const HEADING_LEVEL = /^\s{0,3}(#{1,6})\s/u;

/**
 * The paragraph lines of one side of a diff (the hunks' lines as they read before, or after, the
 * change), and which line each changed sentence stands in: indexed once, the first time a
 * classifier rule asks, so that asking for many sentences costs one pass over the hunks.
 */
export class SideLines {
  private raw: string[] = [];
  /** Each line's plain text, made when first asked for. */
  private plain: (string | undefined)[] = [];
  private hunkOf: number[] = [];
  /** Each line's section: a number that changes at each new hunk and at each heading line. */
  private sectionOf: number[] = [];
  private lineOf: Map<string, number> | null = null;
  private textLines: Map<string, number> | null = null;
  private textRaw: string[] = [];
  private headings: HeadingLinks | null = null;
  /** For each hunk line, the nearest line above it in its hunk that is no list item (-1: none), made when first asked for. */
  private introAbove: Int32Array | null = null;
  /** The same for each line of the version's text, made when first asked for. */
  private textIntroAbove: Int32Array | null = null;

  /**
   * `versionText`: a whole version the context lookups read where the hunks stop — the new one on
   * the added side; on the removed side the old one (English) or the new one (French, which looks
   * for the items it still has).
   */
  constructor(
    private readonly diff: DiffResult,
    private readonly side: 'removed' | 'added',
    private readonly versionText?: string,
  ) {}

  private index(): Map<string, number> {
    if (this.lineOf) return this.lineOf;
    const lineOf = new Map<string, number>();
    const own = (l: HunkLine) => (this.side === 'removed' ? l.kind !== 'insert' : l.kind !== 'delete');
    this.diff.hunks.forEach((h, hi) => {
      for (const l of h.lines) {
        if (!own(l)) continue;
        const raw = lineText(l, this.side);
        const i = this.raw.length;
        this.raw.push(raw);
        const last = this.hunkOf.length - 1;
        this.sectionOf.push(
          last >= 0 && this.hunkOf[last] === hi && !HEADING.test(raw)
            ? (this.sectionOf[last] as number)
            : last + 1,
        );
        this.hunkOf.push(hi);
        // (changed sentences come from changed lines: a context line is read only when asked for)
        if (l.kind !== 'equal') for (const s of splitSentences(raw)) if (!lineOf.has(s)) lineOf.set(s, i);
      }
    });
    return (this.lineOf = lineOf);
  }

  /** The line a sentence stands in (-1: none), found by its text where splitting does not give it. */
  private line(sentence: string): number {
    const lineOf = this.index();
    let i = lineOf.get(sentence);
    if (i === undefined) {
      i = this.raw.findIndex((_, k) => this.plainOf(k).includes(sentence));
      lineOf.set(sentence, i);
    }
    return i;
  }

  private plainOf(k: number): string {
    return (this.plain[k] ??= plainText(this.raw[k] as string));
  }

  /** The plain text of the line (the paragraph) a sentence stands in (null: none). */
  paragraphOf(sentence: string): string | null {
    const i = this.line(sentence);
    return i < 0 ? null : this.plainOf(i);
  }

  /** Whether two sentences stand in one paragraph. */
  sameParagraph(a: string, b: string): boolean {
    const i = this.line(a);
    return i >= 0 && i === this.line(b);
  }

  /** Whether two sentences stand in one section: one hunk, no heading line from the first to the second. */
  sameSection(a: string, b: string): boolean {
    const i = this.section(a);
    return i >= 0 && i === this.section(b);
  }

  /**
   * The section a sentence stands in (-1: none): two sentences share one when they stand in one
   * hunk with no heading line after the first up to the second (see `sameSection`).
   */
  section(sentence: string): number {
    const i = this.line(sentence);
    return i < 0 ? -1 : (this.sectionOf[i] as number);
  }

  /** The sentence just before a sentence in its paragraph, changed or not (null: it comes first). */
  sentenceBefore(sentence: string): string | null {
    const i = this.line(sentence);
    if (i < 0) return null;
    const text = this.plainOf(i);
    const at = text.indexOf(sentence);
    if (at <= 0) return null;
    const head = splitSentences(text.slice(0, at));
    return head[head.length - 1] ?? null;
  }

  /**
   * The question a sentence answers: the sentence before it in its paragraph, or the line before
   * it in its hunk, when that ends with a question mark ("**Do you sell my data?**" / "No. …").
   */
  questionBefore(sentence: string): string | null {
    const before = this.sentenceBefore(sentence);
    if (before !== null) return /\?\W*$/u.test(before) ? before : null;
    const i = this.line(sentence);
    if (i <= 0 || this.hunkOf[i - 1] !== this.hunkOf[i]) return null;
    const line = this.plainOf(i - 1).trim();
    return /\?\W*$/u.test(line) ? line : null;
  }

  /** Whether a short line (a setting's label) is followed, in its hunk, by the line describing it. */
  labelOf(label: string, description: string): boolean {
    const i = this.line(label);
    const j = this.line(description);
    return i >= 0 && j === i + 1 && this.hunkOf[i] === this.hunkOf[j];
  }

  /**
   * The plain text of the lines around a sentence in its section, as far as its hunk shows them:
   * from the nearest heading above it (included) to the line before the next heading.
   */
  sectionLines(sentence: string): string[] {
    const i = this.line(sentence);
    if (i < 0) return [];
    let from = i;
    while (from > 0 && this.hunkOf[from - 1] === this.hunkOf[i] && !HEADING.test(this.raw[from] as string))
      from--;
    let to = i;
    while (
      to + 1 < this.raw.length &&
      this.hunkOf[to + 1] === this.hunkOf[i] &&
      !HEADING.test(this.raw[to + 1] as string)
    )
      to++;
    const out: string[] = [];
    for (let k = from; k <= to; k++) out.push(this.plainOf(k));
    return out;
  }

  /**
   * The line that introduces the list a changed list item stands in: the nearest line before it
   * that is no list item, in its hunk, else in the version's text.
   */
  listIntro(item: string): string | null {
    const i = this.line(item);
    if (i < 0 || !LIST_ITEM.test(this.raw[i] as string)) return null;
    // (each line's nearest non-item above it found in one pass, not by walking back from every
    // item of a long list)
    this.introAbove ??= introLines(this.raw, (k) => k > 0 && this.hunkOf[k - 1] === this.hunkOf[k]);
    const k = this.introAbove[i] as number;
    if (k >= 0) return this.plainOf(k);
    if (!this.versionText) return null;
    // (in the version's text: from the item itself, or, for an item that text lacks, from the
    // nearest item of its hunk that it has)
    const at = this.anchorInText(i);
    if (at < 0) return null;
    this.textIntroAbove ??= introLines(this.textRaw, (n) => n > 0);
    const n = this.textIntroAbove[at] as number;
    return n >= 0 ? plainText(this.textRaw[n] as string) : null;
  }

  /**
   * Where a line stands in the version's text: its own line there, else that of the nearest line
   * above it in its hunk the text has, else of the nearest one below it (-1: none).
   */
  private anchorInText(i: number): number {
    for (let k = i; k >= 0 && this.hunkOf[k] === this.hunkOf[i]; k--) {
      const at = this.textIndex().get(this.raw[k] as string);
      if (at !== undefined) return at;
    }
    for (let k = i + 1; k < this.raw.length && this.hunkOf[k] === this.hunkOf[i]; k++) {
      const at = this.textIndex().get(this.raw[k] as string);
      if (at !== undefined) return at;
    }
    return -1;
  }

  /**
   * The header cells of the Markdown table a changed row stands in (the row just above the table's
   * `|---|` line), read in the version's text: hunks seldom reach a table's first line.
   */
  tableHeader(row: string): string[] | null {
    const i = this.line(row);
    if (i < 0 || !TABLE_ROW.test(this.raw[i] as string) || !this.versionText) return null;
    const at = this.textIndex().get(this.raw[i] as string);
    if (at === undefined) return null;
    for (let k = at - 1; k >= 1; k--) {
      const line = this.textRaw[k] as string;
      if (!TABLE_ROW.test(line)) return null;
      if (TABLE_RULE.test(line)) return cellsOf(this.textRaw[k - 1] as string);
    }
    return null;
  }

  /**
   * The headings a changed line stands under in the version's text, nearest first, each of a
   * higher level than the one before ("## Health data", then "# What data the app collects"); for
   * a line that text lacks, those of the nearest line of its hunk that it has.
   */
  headingsAbove(sentence: string): string[] {
    const i = this.line(sentence);
    if (i < 0 || !this.versionText) return [];
    const at = this.anchorInText(i);
    if (at < 0) return [];
    // (the nearest heading above the line, then each one's nearest heading of a higher level)
    const { headingAbove, parentHeading } = this.headingIndex();
    const out: string[] = [];
    for (let n = at > 0 ? (headingAbove[at - 1] as number) : -1; n >= 0; n = parentHeading[n] as number)
      out.push(plainText(this.textRaw[n] as string));
    return out;
  }

  /** The version's headings, indexed the first time `headingsAbove` asks (see `headingLinks`). */
  private headingIndex(): HeadingLinks {
    return (this.headings ??= headingLinks(this.textRaw));
  }

  /** The version's non-blank lines, each line's text to its first index: made when first asked for. */
  private textIndex(): Map<string, number> {
    if (this.textLines) return this.textLines;
    this.textRaw = (this.versionText ?? '').split('\n').filter((l) => l.trim());
    const lines = new Map<string, number>();
    this.textRaw.forEach((l, n) => {
      if (!lines.has(l)) lines.set(l, n);
    });
    return (this.textLines = lines);
  }
}

/**
 * For each line, the nearest line above it that is no list item, within the run of lines
 * `continues` joins to the line before (-1: none).
 */
function introLines(lines: readonly string[], continues: (k: number) => boolean): Int32Array {
  const out = new Int32Array(lines.length).fill(-1);
  let last = -1;
  for (let k = 0; k < lines.length; k++) {
    if (!continues(k)) last = -1;
    out[k] = last;
    if (!LIST_ITEM.test(lines[k] as string)) last = k;
  }
  return out;
}

/** For each line, the nearest heading at or above it; for each heading, its parent (-1: none). */
export interface HeadingLinks {
  headingAbove: Int32Array;
  parentHeading: Int32Array;
}

/**
 * The headings of a version's lines, read in one pass: for each line the nearest heading at or
 * above it, and for each heading the nearest one above it of a higher level (fewer `#`). Walking
 * up from a line to the first level-1 heading, taking each heading of a higher level than the
 * last one taken, follows these links (`headingsAbove`) without reading the lines between.
 */
export function headingLinks(lines: readonly string[]): HeadingLinks {
  const headingAbove = new Int32Array(lines.length);
  const parentHeading = new Int32Array(lines.length).fill(-1);
  // (the last heading met of each level, 1 to 6)
  const lastOf = new Int32Array(7).fill(-1);
  let last = -1;
  for (let n = 0; n < lines.length; n++) {
    const m = HEADING_LEVEL.exec(lines[n] as string);
    if (m) {
      const level = (m[1] as string).length;
      let parent = -1;
      for (let l = 1; l < level; l++) parent = Math.max(parent, lastOf[l] as number);
      parentHeading[n] = parent;
      lastOf[level] = n;
      last = n;
    }
    headingAbove[n] = last;
  }
  return { headingAbove, parentHeading };
}

/**
 * A changed line's paragraph before and after, as the diff had them (diff-text.ts notes them): the
 * text its ops put together on each side, without putting it together again.
 */
const PARAGRAPHS = new WeakMap<HunkLine, [string, string]>();

/** Notes the two paragraphs a changed line's ops were made from (see `PARAGRAPHS`). */
export function noteParagraphs(line: HunkLine, before: string, after: string): void {
  PARAGRAPHS.set(line, [before, after]);
}

/** A line's text as it reads on one side of the change: its ops but those of the other side. */
export function lineText(line: HunkLine, side: 'removed' | 'added'): string {
  const noted = PARAGRAPHS.get(line);
  if (noted) return noted[side === 'removed' ? 0 : 1];
  const other = side === 'removed' ? 'insert' : 'delete';
  const ops = line.ops;
  if (ops.length === 1) return ops[0]?.op === other ? '' : (ops[0]?.text as string);
  let text = '';
  for (const o of ops) if (o.op !== other) text += o.text;
  return text;
}

const TABLE_ROW = /^\s*\|/u;
/** A Markdown table's rule line under its header ("|---|:---:|"). */
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/u;

/** The cells of a Markdown table row, trimmed, without the empty ends. */
export function cellsOf(row: string): string[] {
  const cells = row.split('|').map((c) => c.trim());
  if (cells[0] === '') cells.shift();
  if (cells.at(-1) === '') cells.pop();
  return cells;
}
