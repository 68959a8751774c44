const ABBREVIATIONS =
  /(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|Inc|Ltd|Co|Corp|No|St|U\.S|U\.K|approx|incl)\.)$/i;

/** Markdown removed for reading: link targets, emphasis, list and heading markers. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/gm, '')
    .replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Sentences of a paragraph: split after . ! ? (and a closing quote or bracket) followed
 * by a space and an upper-case letter, a digit or a quote, except after common
 * abbreviations. Headings and list items are sentences of their own.
 */
export function splitSentences(paragraph: string): string[] {
  const text = plainText(paragraph);
  if (!text) return [];
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["'\u201D\u2019)\]]?\s+(?=["'\u201C\u2018(]?[\p{Lu}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].trimEnd().length;
    const candidate = text.slice(start, end);
    if (ABBREVIATIONS.test(candidate)) continue;
    out.push(candidate.trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
