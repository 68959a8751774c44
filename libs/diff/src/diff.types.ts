import { type Kind, type Severity, type Topic } from '@fineprint/contracts';

export { type Severity };

export interface DiffOptions {
  /** Unchanged paragraphs shown around each hunk (default 1). */
  context?: number;
  /** Budget for one word-level diff inside a paragraph pair (jsdiff maxEditLength, default 2000). */
  maxEditLength?: number;
  /** Budget for the paragraph alignment of one gap between anchors (default 200). */
  maxBlockEditLength?: number;
  /** Soft deadline for the whole diff; past it, remaining pairs are not word-diffed (default 2000 ms). */
  timeoutMs?: number;
}

export type WordOp = { op: 'equal' | 'insert' | 'delete'; text: string };

/** One paragraph (non-empty line) of a document. */
export interface Block {
  index: number;
  text: string;
  /** The nearest heading above it (or itself if it is a heading). */
  section: string | null;
  heading: boolean;
}

export type LineKind = 'equal' | 'delete' | 'insert' | 'change' | 'move-from' | 'move-to';

/** One paragraph line inside a hunk. */
export interface HunkLine {
  kind: LineKind;
  /** Paragraph index in the before text (delete, change, equal, move-from). */
  before: number | null;
  /** Paragraph index in the after text (insert, change, equal, move-to). */
  after: number | null;
  /** Word operations; for equal/delete/insert a single op with the whole paragraph. */
  ops: WordOp[];
  cosmetic: boolean;
}

export interface DiffHunk {
  kind: 'change' | 'move';
  section: string | null;
  /** Paragraph ranges, half-open, in each text. */
  beforeRange: [number, number];
  afterRange: [number, number];
  lines: HunkLine[];
  /** Word-level operations of the whole hunk (context included), for renderers. */
  ops: WordOp[];
  cosmetic: boolean;
}

export interface DiffMove {
  text: string;
  from: number;
  to: number;
}

export interface DiffStats {
  wordsBefore: number;
  wordsAfter: number;
  wordsAdded: number;
  wordsRemoved: number;
  wordsChanged: number;
  paragraphsAdded: number;
  paragraphsRemoved: number;
  paragraphsChanged: number;
  paragraphsMoved: number;
  /** Share of the document's words touched by the change, 0..1. */
  changedShare: number;
}

export interface DiffResult {
  identical: boolean;
  cosmetic: boolean;
  hunks: DiffHunk[];
  moves: DiffMove[];
  stats: DiffStats;
  /** Set when a guard tripped and a coarser result was returned for part of the input. */
  fallback?: string;
  /** Removed and added sentences (moves and cosmetic edits excluded): what the classifier reads. */
  sentences: { removed: string[]; added: string[] };
}

export interface Citation {
  side: 'removed' | 'added';
  text: string;
}

export interface ChangeTag {
  topic: Topic | null;
  kind: Kind | null;
  rule: string;
  citations: Citation[];
}

export interface Classification {
  severity: Severity;
  severityRule: string;
  cosmetic: boolean;
  tags: ChangeTag[];
  topics: Topic[];
  kinds: Kind[];
}
