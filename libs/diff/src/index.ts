export { analyzeChange, type ChangeAnalysis } from './analyze-change';
export { classifyChange, type ClassifyOptions, SHIPPED_MODEL } from './classify-change';
export { diffText } from './diff-text';
export type {
  ChangeTag,
  Citation,
  Classification,
  DiffHunk,
  DiffMove,
  DiffOptions,
  DiffResult,
  DiffStats,
  HunkLine,
  Severity,
  WordOp,
} from './diff.types';
export { countWords, looseKey, normalizeText } from './normalize-text';
export { escapeHtml, renderHtmlInline, renderHtmlSideBySide } from './render-html';
export { renderUnified } from './render-unified';
export { plainText, splitSentences } from './split-sentences';
export { kindWords, summarizeChange, tagBasis } from './summarize-change';
