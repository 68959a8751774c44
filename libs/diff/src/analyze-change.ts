import { classifyChange } from './classify-change';
import { diffText } from './diff-text';
import { type Classification, type DiffOptions, type DiffResult } from './diff.types';
import { unwrapParagraphs } from './soft-wraps';
import { withSentenceMemo } from './split-sentences';
import { summarizeChange } from './summarize-change';

export interface ChangeAnalysis {
  diff: DiffResult;
  classification: Classification;
  summary: string;
  timing: { diffMs: number; classifyMs: number };
}

/** Diff, classify and summarise two versions of a document. */
export function analyzeChange(
  before: string,
  after: string,
  options: { title?: string } & DiffOptions = {},
): ChangeAnalysis {
  // (the diff and the classifier split the same changed paragraphs into sentences: once will do)
  return withSentenceMemo(() => analyze(before, after, options));
}

function analyze(before: string, after: string, options: { title?: string } & DiffOptions): ChangeAnalysis {
  const t0 = performance.now();
  const diff = diffText(before, after, options);
  const t1 = performance.now();
  // (paragraphs wrapped over lines are read as Markdown reads them, one paragraph, so a sentence
  // cut by a line break reaches the reader whole; the diff shown keeps the lines as they are)
  const wrappedBefore = unwrapParagraphs(before);
  const wrappedAfter = unwrapParagraphs(after);
  const unwrapped = wrappedBefore !== null || wrappedAfter !== null;
  const read = {
    before: wrappedBefore ?? before,
    after: wrappedAfter ?? after,
  };
  const classification = classifyChange(unwrapped ? diffText(read.before, read.after, options) : diff, {
    afterText: read.after,
    beforeText: read.before,
  });
  const t2 = performance.now();
  return {
    diff,
    classification,
    summary: summarizeChange(options.title ?? 'Document', diff, classification),
    timing: { diffMs: Math.round((t1 - t0) * 100) / 100, classifyMs: Math.round((t2 - t1) * 100) / 100 },
  };
}
