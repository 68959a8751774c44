const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Apostrophes `normalizeClause` straightens (and `plainWords` then drops). */
const APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x02bc, 0x60, 0xb4]);

/**
 * Words only, one space between them: `'` dropped, every run of other characters than letters
 * and digits made one space. The same as
 * `text.replace(/'/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ')`, in one pass without the regexes'
 * cost per character; with `curly`, the apostrophes `normalizeClause` straightens are dropped
 * too (so `plainWords(normalizeClause(t))` is `plainWords(t.toLowerCase(), true)`, up to a
 * space at either end).
 */
export function plainWords(text: string, curly = false): string {
  let out = '';
  let from = 0; // start of the kept run not yet copied
  let gap = false; // a separator run is open
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (c < 0x80) {
      if (c === 0x27) {
        out += text.slice(from, i);
        from = i + 1;
        i++;
        continue;
      }
      word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
    } else {
      if (curly && APOSTROPHES.has(c)) {
        out += text.slice(from, i);
        from = i + 1;
        i++;
        continue;
      }
      const cp = text.codePointAt(i) as number;
      width = cp > 0xffff ? 2 : 1;
      word = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    }
    if (word) {
      if (gap) {
        out += ' ';
        from = i;
        gap = false;
      }
    } else if (!gap) {
      out += text.slice(from, i);
      gap = true;
    }
    i += width;
    if (gap) from = i;
  }
  if (gap) out += ' ';
  else out += text.slice(from, n);
  return out;
}

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
/** Non-ASCII code point → 1 letter, 2 digit or other number, 0 neither; looked up once each. */
const CLASS = new Map<number, number>();
function classOf(cp: number): number {
  if (cp < 0x80)
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? 1 : cp >= 0x30 && cp <= 0x39 ? 2 : 0;
  let c = CLASS.get(cp);
  if (c === undefined) {
    const s = String.fromCodePoint(cp);
    CLASS.set(cp, (c = LETTER.test(s) ? 1 : NUMBER.test(s) ? 2 : 0));
  }
  return c;
}

/**
 * The words of a text: what `text.match(/[\p{L}\p{N}]+(?:['-][\p{L}]+)*\/gu) ?? []` finds (runs
 * of letters and digits, with `'` or `-` joining letters that follow), in one pass.
 */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  const at = (k: number) => (k < n ? (text.codePointAt(k) as number) : -1);
  const width = (cp: number) => (cp > 0xffff ? 2 : 1);
  while (i < n) {
    let cp = at(i);
    if (classOf(cp) === 0) {
      i += width(cp);
      continue;
    }
    const start = i;
    while (i < n && classOf((cp = at(i))) !== 0) i += width(cp);
    // then ' or - followed by letters, as often as it comes
    for (;;) {
      const sep = i < n ? text.charCodeAt(i) : -1;
      if (sep !== 0x27 && sep !== 0x2d) break;
      if (i + 1 >= n || classOf(at(i + 1)) !== 1) break;
      i++;
      while (i < n && classOf((cp = at(i))) === 1) i += width(cp);
    }
    out.push(text.slice(start, i));
  }
  return out;
}
