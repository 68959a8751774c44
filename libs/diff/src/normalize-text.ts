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
  const source = looseKeySource(text);
  if (source !== null) return source.replace(NOT_ALNUM_ASCII, ' ').trim().toLowerCase();
  // punctuation, typography, zero-width and special spaces are not letters or digits, so one
  // replacement folds them all; only composed characters need NFC first. Each step is
  // skipped when it cannot match (no bracket, no angle bracket, a single line), and ASCII
  // text folds with an ASCII class: the same key, without scanning for what is not there.
  const ascii = !NON_ASCII.test(text);
  let s = ascii ? text : text.normalize('NFC');
  if (s.includes('[')) s = s.replace(LINK, '$1');
  if (s.includes('<')) s = s.replace(AUTOLINK, '');
  s = s.replace(LINE_BREAK.test(s) ? LIST_MARKERS : LEADING_MARKER, '');
  return s
    .replace(ascii ? NOT_ALNUM_ASCII : NOT_ALNUM, ' ')
    .trim()
    .toLowerCase();
}

/** A 32-bit hash of a string, the one `looseKeyHash` computes. */
export function hashKey(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

/**
 * What `looseKey` folds to spaces, trims and lower-cases, when that is all its other steps
 * leave to do: the text with its links replaced by their text and its leading list or
 * heading marker removed, which is exactly what those steps give for a text with no
 * autolink bracket, no line break and no non-ASCII character other than typographic
 * punctuation and spaces (quotes, dashes, ellipses, bullets, no-break and zero-width
 * spaces: none is a letter or digit, and Unicode normalisation leaves each as it is). Then
 * the key is the lower-cased runs of ASCII letters and digits of the result, one space
 * between them. Null for any other text: the caller takes the long way.
 */
export function looseKeySource(text: string): string | null {
  let link = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? (ASCII_KIND[code] as number) : INERT[code] === 1 ? PLAIN : OTHER;
    if (kind === OTHER) return null;
    if (kind === BRACKET) link = true;
  }
  const s = link ? replaceLinks(text) : text;
  return LEADING_MARKER.test(s) ? s.replace(LEADING_MARKER, '') : s;
}

/**
 * `text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')` without the regular expression: a link
 * is a `[` (with the `!` before it, if any), the first `]` after it, a `(` right after that,
 * and the first `)` after it; once no `]` or no `)` is left, no later link can match.
 */
function replaceLinks(text: string): string {
  let out = '';
  let last = 0;
  let open = text.indexOf('[');
  while (open >= 0) {
    const close = text.indexOf(']', open + 1);
    if (close < 0) break;
    if (text.charCodeAt(close + 1) !== 40) {
      open = text.indexOf('[', open + 1);
      continue;
    }
    const end = text.indexOf(')', close + 2);
    if (end < 0) break;
    const start = open > last && text.charCodeAt(open - 1) === 33 ? open - 1 : open;
    out += text.slice(last, start) + text.slice(open + 1, close);
    last = end + 1;
    open = text.indexOf('[', last);
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Hash of the loose key of a `looseKeySource` result: its lower-cased runs of ASCII letters and digits, one space between. */
function hashRuns(s: string): number {
  let h = 0;
  let started = false;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 128 && ASCII_KIND[code] === ALNUM) {
      if (gap && started) h = (Math.imul(h, 31) + 32) | 0;
      h = (Math.imul(h, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
      started = true;
      gap = false;
    } else gap = true;
  }
  return h;
}

/**
 * `hashKey(looseKey(text))`, without building the key for what a paragraph or sentence
 * usually is (see looseKeySource): one pass hashes the lower-cased runs of letters and
 * digits with one space between them, which is that key, reading a link's text in place
 * and skipping its target. Equal keys have equal hashes, so a hash that matches nothing
 * on the other side spares computing the key at all.
 */
export function looseKeyHash(text: string): number {
  const marker = LEADING_MARKER.exec(text);
  // a marker with a line break or non-ASCII space in it: the long way reads it
  if (marker && !SIMPLE_MARKER.test(marker[0])) return sourceHash(text);
  const n = text.length;
  let h = 0;
  // 0 before the first word, 1 in a word, 2 between words
  let state = 0;
  let stateBeforeBang = 0;
  let linkClose = -1;
  let links = true;
  for (let i = marker ? marker[0].length : 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const k = HASH_CODE[code] as number;
    if (k !== GAP && k !== SPECIAL) {
      if (state === 2) h = (Math.imul(h, 31) + 32) | 0;
      h = (Math.imul(h, 31) + k) | 0;
      state = 1;
      continue;
    }
    if (k === SPECIAL) {
      if (code !== 91 || !links) {
        if (code !== 91) return hashKey(looseKey(text));
      } else {
        // a link: `[`, the first `]` after it, `(` right after, the first `)` after that
        if (linkClose <= i) linkClose = text.indexOf(']', i + 1);
        const end =
          linkClose < 0 ? -1 : text.charCodeAt(linkClose + 1) === 40 ? text.indexOf(')', linkClose + 2) : -2;
        if (end === -1) links = false; // no `]` or no `)` left: no later link either
        if (end >= 0) {
          const bang = i > 0 && text.charCodeAt(i - 1) === 33 && !(marker && i - 1 < marker[0].length);
          // a link inside what a leading marker could be read from changes what it is read from
          if (!PAST_MARKER_PREFIX.test(text.slice(0, bang ? i - 1 : i))) return sourceHash(text);
          if (bang) state = stateBeforeBang;
          for (let j = i + 1; j < linkClose; j++) {
            const c = text.charCodeAt(j);
            const kj = HASH_CODE[c] as number;
            if (kj === GAP || (kj === SPECIAL && c === 91)) {
              if (state === 1) state = 2;
            } else if (kj === SPECIAL) return hashKey(looseKey(text));
            else {
              if (state === 2) h = (Math.imul(h, 31) + 32) | 0;
              h = (Math.imul(h, 31) + kj) | 0;
              state = 1;
            }
          }
          i = end;
          continue;
        }
      }
    }
    if (code === 33) stateBeforeBang = state;
    if (state === 1) state = 2;
  }
  return h;
}

function sourceHash(text: string): number {
  const s = looseKeySource(text);
  return s === null ? hashKey(looseKey(text)) : hashRuns(s);
}

/** The words of a text's loose key (`looseKey(text).split(' ')`, no empty word), mostly without building the key. */
export function looseKeyWords(text: string): string[] {
  const s = looseKeySource(text);
  if (s !== null) return s.toLowerCase().match(ALNUM_RUN_LOWER) ?? [];
  const key = looseKey(text);
  return key ? key.split(' ') : [];
}

/** Whether a text's loose key is empty (nothing but punctuation, markup or space), mostly without building it. */
export function isLooseKeyEmpty(text: string): boolean {
  const s = looseKeySource(text);
  return s !== null ? !ALNUM_ASCII.test(s) : looseKey(text) === '';
}

/**
 * What a code unit adds to a loose-key hash: its lower-case code for an ASCII letter or
 * digit, GAP for typography and other ASCII, SPECIAL for `[`, `<`, a line break and any
 * other non-ASCII code unit.
 */
const GAP = 0;
const SPECIAL = 255;
const HASH_CODE = new Uint8Array(65536).fill(SPECIAL);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  HASH_CODE[c] = /[a-z0-9]/.test(ch)
    ? c
    : /[A-Z]/.test(ch)
      ? c + 32
      : c === 91 || c === 60 || c === 10 || c === 13
        ? SPECIAL
        : GAP;
}
const SIMPLE_MARKER = /^[ \t\v\f0-9#*+\-.)]*$/;
/** A text start in which a leading marker is decided: something no marker can contain. */
const PAST_MARKER_PREFIX = /[^\s\d#*+\-.)]/;

/** What a code unit is to looseKeySource: an ASCII letter or digit, other plain text, a `[`, or something only looseKey handles. */
const ALNUM = 1;
const PLAIN = 0;
const BRACKET = 2;
const OTHER = 3;
const ASCII_KIND = new Uint8Array(128).map((_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c))
    ? ALNUM
    : c === 91
      ? BRACKET
      : c === 60 || c === 10 || c === 13
        ? OTHER
        : PLAIN,
);
/**
 * Non-ASCII code units that are neither letters nor digits and that Unicode normalisation
 * leaves alone, next to anything: the typography of real policies (the tests check both
 * properties for each).
 */
export const INERT_CODES = [
  0xa0,
  0xa7,
  0xa9,
  0xab,
  0xad,
  0xae,
  0xb0,
  0xb6,
  0xb7,
  0xbb,
  // U+2002-U+2027 (U+2000 and U+2001 normalise to U+2002 and U+2003)
  ...Array.from({ length: 0x2027 - 0x2002 + 1 }, (_, i) => 0x2002 + i),
  0x202f,
  0x2030,
  0x2032,
  0x2033,
  0x2039,
  0x203a,
  0x2060,
  0x20ac,
  0x2122,
  0x2190,
  0x2192,
  0x2713,
  0xfeff,
];
export const INERT = new Uint8Array(65536);
for (const code of INERT_CODES) {
  INERT[code] = 1;
  HASH_CODE[code] = GAP;
}

const ALNUM_RUN_LOWER = /[a-z0-9]+/g;
const ALNUM_ASCII = /[A-Za-z0-9]/;
const NON_ASCII = /[^\x00-\x7f]/;
const LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const AUTOLINK = /<https?:\/\/[^>]+>/g;
/** List and heading markers at the start of every line, and the same for a text of one line. */
const LIST_MARKERS = /^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/gm;
export const LEADING_MARKER = /^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/;
/** What ends a line for `^` in a multiline expression. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const NOT_ALNUM_ASCII = /[^A-Za-z0-9]+/g;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UNKNOWN = 3;
/**
 * The class of each UTF-16 code unit: 1 letter or digit, 2 joiner (apostrophe, hyphen,
 * right single quote), 0 anything else; UNKNOWN until first seen (a lone surrogate is
 * not a letter). A pure cache: the class of a code unit never changes.
 */
const CLASS = new Uint8Array(65536).fill(UNKNOWN);

function learnClass(code: number): number {
  const cls =
    code === 39 || code === 45 || code === 0x2019
      ? 2
      : LETTER_OR_DIGIT.test(String.fromCharCode(code))
        ? 1
        : 0;
  CLASS[code] = cls;
  return cls;
}
for (let c = 0; c < 128; c++) learnClass(c);

/**
 * Whether a letter or digit starts a word, by the classes of the two code units before it
 * and its own, packed two bits each: it does unless the one before is a letter or digit,
 * or a joiner right after one (an apostrophe or hyphen inside a word does not split it).
 */
const STARTS_WORD = new Uint8Array(64);
for (let before2 = 0; before2 < 3; before2++)
  for (let before1 = 0; before1 < 3; before1++)
    STARTS_WORD[(before2 << 4) | (before1 << 2) | 1] =
      before1 === 1 || (before1 === 2 && before2 === 1) ? 0 : 1;

/**
 * Words of a text (runs of letters and digits; an apostrophe or hyphen inside a word
 * does not split it), counted in one pass without building strings or branching on
 * word boundaries: a table says which positions start a word.
 */
export function countWords(text: string): number {
  let count = 0;
  let window = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let cls = CLASS[code] as number;
    if (cls === UNKNOWN) cls = learnClass(code);
    window = ((window << 2) | cls) & 63;
    count += STARTS_WORD[window] as number;
  }
  return count;
}

const DATE_STAMP =
  /\b(last (updated|modified|revised|changed|reviewed)|effective( date| as of| from| on)?|updated on|revised on|version date)\b/i;
const DATE_WORDS =
  /\b(\d+(st|nd|rd|th)?|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/g;

/** True when a paragraph reads like a "Last updated" or "Effective" line. */
export function hasDateStamp(text: string): boolean {
  return DATE_STAMP.test(text);
}

/**
 * True when two paragraphs differ only in the date of a "Last updated" or "Effective"
 * line: a date bump alone is not something a reader needs to be told about.
 */
export function isDateStampChange(before: string, after: string): boolean {
  if (!hasDateStamp(before) || !hasDateStamp(after)) return false;
  const key = (s: string) => looseKey(s).replace(DATE_WORDS, '').replace(/\s+/g, ' ').trim();
  return key(before) === key(after);
}
