/**
 * The canonical form used to decide identity and cosmetic changes: Unicode NFC,
 * typographic quotes, dashes, ellipses and spaces folded to plain ones, zero-width
 * characters removed, whitespace collapsed inside lines, blank runs collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * What is left of a paragraph when everything cosmetic is removed: link targets,
 * Markdown emphasis and list markers, punctuation, case of whitespace. Two paragraphs
 * with the same loose key differ only cosmetically.
 */
export function looseKey(text: string): string {
  // punctuation, typography, zero-width and special spaces are not letters or digits, so one
  // replacement folds them all; only composed characters need NFC first
  const composed = /[^\x00-\x7f]/.test(text) ? text.normalize('NFC') : text;
  return composed
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:\/\/[^>]+>/g, '')
    .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/gm, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** 1 for ASCII letters and digits, 2 for the joiners ' and - */
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = 1;
for (let c = 65; c <= 90; c++) ASCII[c] = 1;
for (let c = 97; c <= 122; c++) ASCII[c] = 1;
ASCII[39] = 2;
ASCII[45] = 2;

/** 1 letter or digit, 2 joiner (apostrophe, hyphen), 0 anything else. */
function classOf(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII[code] as number;
  if (code === 0x2019) return 2;
  return LETTER_OR_DIGIT.test(text.charAt(i)) ? 1 : 0;
}

/**
 * Words of a text (runs of letters and digits; an apostrophe or hyphen inside a word
 * does not split it), counted in one pass without building strings.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const cls = classOf(text, i);
    if (cls === 1) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(cls === 2 && inWord && i + 1 < n && classOf(text, i + 1) === 1)) inWord = false;
  }
  return count;
}

const DATE_STAMP =
  /\b(last (updated|modified|revised|changed|reviewed)|effective( date| as of| from| on)?|updated on|revised on|version date)\b/i;
const DATE_WORDS =
  /\b(\d+(st|nd|rd|th)?|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/g;

/**
 * True when two paragraphs differ only in the date of a "Last updated" or "Effective"
 * line: a date bump alone is not something a reader needs to be told about.
 */
export function isDateStampChange(before: string, after: string): boolean {
  if (!DATE_STAMP.test(before) || !DATE_STAMP.test(after)) return false;
  const key = (s: string) => looseKey(s).replace(DATE_WORDS, '').replace(/\s+/g, ' ').trim();
  return key(before) === key(after);
}
