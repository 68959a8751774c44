const ABBREVIATIONS =
  /(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|Inc|Ltd|Co|Corp|No|St|U\.S|U\.K|approx|incl)\.)$/i;
/** Longer than the longest abbreviation above with its dot ("approx."), so `\b` sees the character before it. */
const ABBREVIATION_TAIL = 8;

const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const MARKERS = /^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/gm;
const LEADING_MARKER = /^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/;
/** What ends a line for `^` in a multiline expression. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const EMPHASIS = /[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g;
const EMPHASIS_CHAR = /[*_`]/;
const SPACES = /\s+/g;
/**
 * Whitespace that `SPACES` would change: a run of two, or any whitespace but a plain space
 * (`/\s\s|[^\S ]/`: two in a row are two plain spaces or hold another). That other whitespace
 * is spelled out, `[^\S ]` as a positive class, which is faster to scan for (the spec checks
 * it is the same set).
 */
export const OTHER_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Markdown removed for reading: link targets, emphasis, list and heading markers. Each
 * replacement is skipped when it cannot match (no bracket, no emphasis character, a
 * single line, single plain spaces), which is the common case for a paragraph.
 */
export function plainText(markdown: string): string {
  let s = markdown.includes('[') ? markdown.replace(LINK, '$1') : markdown;
  s = s.replace(LINE_BREAK.test(s) ? MARKERS : LEADING_MARKER, '');
  if (EMPHASIS_CHAR.test(s)) s = s.replace(EMPHASIS, '$1');
  if (s.includes('  ') || OTHER_SPACE.test(s)) s = s.replace(SPACES, ' ');
  return s.trim();
}

/**
 * Sentences of a paragraph: split after . ! ? (and a closing quote or bracket) followed
 * by a space and an upper-case letter, a digit or a quote, except after common
 * abbreviations. Headings and list items are sentences of their own.
 */
export function splitSentences(paragraph: string): string[] {
  if (!memo) return split(paragraph);
  let sentences = memo.get(paragraph);
  if (!sentences) memo.set(paragraph, (sentences = split(paragraph)));
  return sentences;
}

/**
 * Paragraph → its sentences, while `withSentenceMemo` runs (one `analyzeChange`): the diff
 * splits the changed paragraphs for the classifier's sentences, and the classifier splits the
 * same paragraphs again to find the line each sentence stands in. Nothing is kept across calls.
 * (Callers read the arrays and never change them: they are shared.)
 */
let memo: Map<string, string[]> | null = null;

/** Runs `work` with each paragraph's sentences remembered until it returns. */
export function withSentenceMemo<T>(work: () => T): T {
  if (memo) return work();
  memo = new Map();
  try {
    return work();
  } finally {
    memo = null;
  }
}

function split(paragraph: string): string[] {
  const text = plainText(paragraph);
  if (!text) return [];
  const out: string[] = [];
  // a line break written as HTML (tables in Markdown have no other way to break a cell) ends a
  // sentence or a list item, as a line break does between paragraphs
  if (text.includes('<')) {
    const parts = text.split(HTML_BREAKS);
    if (parts.length > 1) {
      for (const part of parts) {
        const line = part.replace(LEADING_MARKER, '').trim();
        if (line) sentencesInto(line, out);
      }
      return out;
    }
  }
  sentencesInto(text, out);
  return out;
}

const HTML_BREAKS = /(?:\s*<br\s*\/?>\s*)+/iu;

function sentencesInto(text: string, out: string[]): void {
  let start = 0;
  const re = /[.!?]["'\u201D\u2019)\]]?\s+(?=["'\u201C\u2018(]?[\p{Lu}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].trimEnd().length;
    // the abbreviation test reads only the end of the candidate: it is anchored there
    if (ABBREVIATIONS.test(text.slice(Math.max(start, end - ABBREVIATION_TAIL), end))) continue;
    out.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
}
