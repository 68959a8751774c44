/**
 * A necessary condition for a topic pattern to match, checked before running it: every
 * alternative of a topic's patterns starts with `\b` and a literal ("voice ", "third", one of
 * "alexa|siri|…"), so the pattern can match only where a word starts with one of those literals.
 * A topic whose patterns do not all have that shape gets no prefilter (its pattern always runs).
 */

const WORD_CHAR = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
const LITERAL = /^[a-z0-9 '-]$/u;

/** Where the group opened at `at` closes (escapes and classes skipped), or -1. */
function closing(src: string, at: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = at; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Top-level branches of a pattern. */
function branches(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/** The literals a match of `src` must start with, or null when the pattern has another shape. */
function startLiterals(src: string): string[] | null {
  if (src.startsWith('(')) {
    const end = closing(src, 0);
    if (end < 0 || src[1] === '?' || '?*{'.includes(src[end + 1] ?? '')) return null;
    const out: string[] = [];
    for (const b of branches(src.slice(1, end))) {
      const lits = startLiterals(b);
      if (!lits) return null;
      out.push(...lits);
    }
    return out;
  }
  let i = 0;
  while (i < src.length && LITERAL.test(src[i] as string)) i++;
  // a quantifier makes the last character optional
  if ('?*{'.includes(src[i] ?? '') && i < src.length) i--;
  const lit = src.slice(0, i);
  return lit.length > 0 ? [lit] : null;
}

/**
 * For each pattern list, the literals one of which must start a word of the text for it to match
 * (null: no prefilter). Each literal must start with a word character, since `\b` precedes it.
 */
export function prefilterOf(patterns: string[]): string[] | null {
  const out: string[] = [];
  for (const p of patterns.flatMap(branches)) {
    if (!p.startsWith('\\b')) return null;
    const lits = startLiterals(p.slice(2));
    if (!lits || lits.some((l) => !WORD_CHAR(l.charCodeAt(0)))) return null;
    out.push(...lits);
  }
  return out;
}

/** Literals by the first two characters (as a number) of the words they can start. */
export class WordStartIndex<T> {
  private readonly byHead = new Map<number, { lit: string; value: T }[]>();
  private readonly short: { lit: string; value: T }[] = [];

  add(lit: string, value: T): void {
    if (lit.length < 2) {
      this.short.push({ lit, value });
      return;
    }
    const k = lit.charCodeAt(0) * 65536 + lit.charCodeAt(1);
    const list = this.byHead.get(k);
    if (list) list.push({ lit, value });
    else this.byHead.set(k, [{ lit, value }]);
  }

  /** Values of the literals some word of `text` starts with (a word start as `\b` sees it). */
  found(text: string): Set<T> {
    const out = new Set<T>();
    let prevWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const word = WORD_CHAR(c);
      if (word && !prevWord) {
        for (const e of this.short) if (text.startsWith(e.lit, i)) out.add(e.value);
        const list = this.byHead.get(c * 65536 + text.charCodeAt(i + 1));
        if (list) for (const e of list) if (text.startsWith(e.lit, i)) out.add(e.value);
      }
      prevWord = word;
    }
    return out;
  }
}
