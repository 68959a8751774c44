/**
 * The literal pieces every match of a regular expression must contain, read from its source:
 * a condition (all of, any of) on literals such as "\bsell", "data", "\bthird-party". Only
 * ever weaker than the pattern: a part the reader does not know gives no condition, so for every
 * text, if the pattern matches then its condition holds. `\b` is read as JavaScript reads it
 * without the `i` flag (ASCII word characters); a literal marks it with U+0001. Used by
 * pattern-gate.ts.
 */

/** `\b` inside exact strings. */
export const B = '\u0001';
/** Most strings an exact set may hold before it is turned into a condition. */
const EXACT_LIMIT = 64;
/** Longest literal kept (a prefix of a required literal is required too). */
const MAX_LITERAL = 10;

export const isWordCode = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/** A condition on the literals a text holds: true, false, a literal's id, all of, any of. */
export type Cond = boolean | number | { and: Cond[] } | { or: Cond[] };

function and(parts: Cond[]): Cond {
  const out: Cond[] = [];
  for (const p of parts) {
    if (p === true) continue;
    if (p === false) return false;
    if (typeof p === 'object' && 'and' in p) out.push(...p.and);
    else out.push(p);
  }
  return out.length === 0 ? true : out.length === 1 ? (out[0] as Cond) : { and: out };
}

function or(parts: Cond[]): Cond {
  const out: Cond[] = [];
  for (const p of parts) {
    if (p === false) continue;
    if (p === true) return true;
    if (typeof p === 'object' && 'or' in p) out.push(...p.or);
    else out.push(p);
  }
  return out.length === 0 ? false : out.length === 1 ? (out[0] as Cond) : { or: out };
}

/**
 * Two exact strings one after the other. Exact strings are canonical: a `\b` mark only where it
 * asserts something (at either end), and between two known characters exactly where a word ends
 * or starts; null when the marks contradict the characters ("a\bb" never matches).
 */
function join(a: string, b: string): string | null {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const aMark = a.charCodeAt(a.length - 1) === 1;
  const bMark = b.charCodeAt(0) === 1;
  const aCore = aMark ? a.slice(0, -1) : a;
  const bCore = bMark ? b.slice(1) : b;
  const mark = aMark || bMark;
  if (aCore.length === 0) return (mark ? B : '') + bCore;
  if (bCore.length === 0) return aCore + (mark ? B : '');
  const change = isWordCode(aCore.charCodeAt(aCore.length - 1)) !== isWordCode(bCore.charCodeAt(0));
  if (mark && !change) return null;
  return change ? aCore + B + bCore : aCore + bCore;
}

/** What is known of a part of a pattern: its condition, and the exact strings it can match (or null). */
interface Info {
  exact: string[] | null;
  cond: Cond;
}

const ANY: Info = { exact: null, cond: true };
const EMPTY: Info = { exact: [''], cond: true };

export class Unreadable extends Error {}

/** Parses a pattern's source into the condition its matches need, registering literals as it goes. */
export class Analysis {
  private i = 0;

  constructor(
    private readonly src: string,
    /** Unicode mode: `\u{…}` is a code point (otherwise a "u" and a quantifier). */
    private readonly unicode: boolean,
    private readonly literal: (lit: string) => number,
  ) {}

  run(): Cond {
    const info = this.alternation();
    if (this.i !== this.src.length) throw new Unreadable('unbalanced');
    return this.full(info);
  }

  private full(info: Info): Cond {
    return and([info.cond, this.exactCond(info.exact)]);
  }

  private exactCond(exact: string[] | null): Cond {
    if (exact === null) return true;
    const parts: Cond[] = [];
    for (const s of exact) {
      let real = 0;
      let digits = 0;
      for (let k = 0; k < s.length; k++) {
        const c = s.charCodeAt(k);
        if (c !== 1) real++;
        if (c >= 0x30 && c <= 0x39) digits++;
      }
      // one character (other than a digit) says too little to be worth looking for
      if (real < 2 && !(real === 1 && digits === 1)) return true;
      parts.push(this.literal(s.slice(0, MAX_LITERAL)));
    }
    return or(parts);
  }

  private alternation(): Info {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as Info;
    if (branches.every((b) => b.exact !== null)) {
      const union = new Set(branches.flatMap((b) => b.exact as string[]));
      if (union.size <= EXACT_LIMIT) return { exact: [...union], cond: or(branches.map((b) => b.cond)) };
    }
    return { exact: null, cond: or(branches.map((b) => this.full(b))) };
  }

  private sequence(): Info {
    const conds: Cond[] = [];
    let cur: string[] = [''];
    let exact = true;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const item = this.quantified();
      conds.push(item.cond);
      if (item.exact === null) {
        conds.push(this.exactCond(cur));
        cur = [''];
        exact = false;
        continue;
      }
      if (cur.length * item.exact.length > EXACT_LIMIT) {
        conds.push(this.exactCond(cur));
        cur = item.exact;
        exact = false;
        continue;
      }
      const next = new Set<string>();
      for (const a of cur)
        for (const b of item.exact) {
          const s = join(a, b);
          if (s !== null) next.add(s);
        }
      cur = [...next];
    }
    if (exact) return { exact: cur, cond: and(conds) };
    return { exact: null, cond: and([...conds, this.exactCond(cur)]) };
  }

  private quantified(): Info {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    const [min, max] = q;
    if (min === 0) {
      if (max === 1 && atom.exact && atom.exact.length < EXACT_LIMIT)
        return { exact: [...new Set([...atom.exact, ''])], cond: true };
      return ANY;
    }
    if (min === 1 && max === 1) return atom;
    return { exact: null, cond: this.full(atom) };
  }

  private quantifier(): [number, number] | null {
    const c = this.src[this.i];
    let q: [number, number] | null = null;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(this.src.slice(this.i));
      if (!m) return null; // a literal "{" (outside unicode mode)
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length - 1;
      q = [min, max];
    }
    if (!q) return null;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy
    return q;
  }

  private atom(): Info {
    const src = this.src;
    const c = src[this.i] as string;
    if (c === '(') {
      this.i++;
      let look = false;
      if (src.startsWith('?:', this.i)) this.i += 2;
      else if (src.startsWith('?=', this.i) || src.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (src.startsWith('?<=', this.i) || src.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (src.startsWith('?<', this.i)) {
        const end = src.indexOf('>', this.i);
        if (end < 0) throw new Unreadable('group name');
        this.i = end + 1;
      } else if (src[this.i] === '?') throw new Unreadable('group');
      const inner = this.alternation();
      if (src[this.i] !== ')') throw new Unreadable('unclosed group');
      this.i++;
      return look ? EMPTY : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.i++;
      return ANY;
    }
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (c === '\\') return this.escape();
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?') throw new Unreadable(c);
    this.i++;
    return this.char(c.charCodeAt(0));
  }

  private char(code: number): Info {
    return code > 1 && code < 0x80 ? { exact: [String.fromCharCode(code)], cond: true } : ANY;
  }

  /** An escape outside a class. */
  private escape(): Info {
    const src = this.src;
    const e = src[this.i + 1];
    if (e === undefined) throw new Unreadable('trailing backslash');
    const code = this.escapedCode();
    if (code !== null) return this.char(code);
    this.i += 2;
    if (e === 'b') return { exact: [B], cond: true };
    if (e === 'B') return EMPTY;
    if (e === 'd') return { exact: '0123456789'.split(''), cond: true };
    if (e === 'p' || e === 'P') {
      if (src[this.i] === '{') this.i = src.indexOf('}', this.i) + 1;
      return ANY;
    }
    if (e === 'k' && src[this.i] === '<') this.i = src.indexOf('>', this.i) + 1;
    if (e === 'c') this.i++; // \cX: a control character
    if (/\d/u.test(e)) while (/\d/u.test(src[this.i] ?? '')) this.i++;
    return ANY; // \w \s \W \S \D, back references, \c…
  }

  /** The code of a character escape at `i` (advancing past it), or null for a class or an assertion. */
  private escapedCode(): number | null {
    const src = this.src;
    const e = src[this.i + 1] as string;
    const hex = (from: number, len: number) => {
      const h = src.slice(from, from + len);
      return /^[0-9a-fA-F]+$/u.test(h) && h.length === len ? parseInt(h, 16) : null;
    };
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };
    if (e in simple) {
      this.i += 2;
      return simple[e] as number;
    }
    if (e === 'x') {
      const v = hex(this.i + 2, 2);
      if (v === null) throw new Unreadable('\\x');
      this.i += 4;
      return v;
    }
    if (e === 'u') {
      if (src[this.i + 2] === '{' && !this.unicode) {
        this.i += 2;
        return 0x75; // "u", the braces after it a quantifier
      }
      if (src[this.i + 2] === '{') {
        const end = src.indexOf('}', this.i);
        const v = parseInt(src.slice(this.i + 3, end), 16);
        if (end < 0 || Number.isNaN(v)) throw new Unreadable('\\u{');
        this.i = end + 1;
        return v;
      }
      const v = hex(this.i + 2, 4);
      if (v === null) throw new Unreadable('\\u');
      this.i += 6;
      return v;
    }
    if (/[A-Za-z0-9]/u.test(e)) return null;
    this.i += 2;
    return e.charCodeAt(0); // an escaped punctuation mark: itself
  }

  private charClass(): Info {
    const src = this.src;
    this.i++;
    let negated = false;
    if (src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const codes = new Set<number>();
    let open = false; // a class escape (\w, \p…) or a character outside ASCII: no exact set
    let prev: number | null = null;
    while (this.i < src.length && src[this.i] !== ']') {
      let code: number | null;
      let escaped = false;
      if (src[this.i] === '\\') {
        escaped = true;
        const e = src[this.i + 1] as string;
        if (e === 'b') {
          this.i += 2;
          code = 8;
        } else if (e === 'd') {
          this.i += 2;
          for (let d = 0x30; d <= 0x39; d++) codes.add(d);
          prev = null;
          continue;
        } else {
          code = this.escapedCode();
          if (code === null) {
            this.i += 2;
            if ((e === 'p' || e === 'P') && src[this.i] === '{') this.i = src.indexOf('}', this.i) + 1;
            open = true;
            prev = null;
            continue;
          }
        }
      } else {
        code = src.charCodeAt(this.i);
        this.i++;
      }
      if (code === 0x2d && !escaped && prev !== null && src[this.i] !== ']') {
        // a range: prev-next
        let to: number | null;
        if (src[this.i] === '\\') {
          to = this.escapedCode();
          if (to === null) throw new Unreadable('range');
        } else {
          to = src.charCodeAt(this.i);
          this.i++;
        }
        if (to - prev > 64) open = true;
        else for (let k = prev; k <= to; k++) codes.add(k);
        prev = null;
        continue;
      }
      codes.add(code);
      prev = code;
    }
    if (src[this.i] !== ']') throw new Unreadable('unclosed class');
    this.i++;
    if (negated || open || codes.size > 12 || [...codes].some((k) => k <= 1 || k >= 0x80)) return ANY;
    return { exact: [...codes].map((k) => String.fromCharCode(k)), cond: true };
  }
}

/**
 * The top-level branches of a pattern's source (`a|b(c|d)|(?:e|f)` → `a`, `b(c|d)`, `e`, `f`: a
 * branch that is one whole group, not a lookaround and not quantified, is read as its own
 * branches), or the source alone when it has one branch or may hold a back reference (a branch
 * taken out of its pattern numbers its groups differently). With the same flags, a text matches
 * the pattern exactly when it matches one of its branches: what `test` needs, not `exec`.
 */
export function branchesOf(src: string): string[] {
  if (/\\[1-9k]/u.test(src)) return [src];
  const out: string[] = [];
  const read = (s: string): boolean => {
    const parts = splitTop(s);
    if (parts === null) return false;
    for (const part of parts) {
      const inner = wholeGroup(part);
      if (inner === null || !read(inner)) out.push(part);
    }
    return true;
  };
  if (!read(src) || out.length < 2) return [src];
  return out;
}

/** Where the class opened at `i` ("[") closes: the first "]" not escaped (JavaScript's "[]" is an empty class); -1 if none. */
function classEnd(s: string, i: number): number {
  for (let k = i + 1; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === ']') return k;
  }
  return -1;
}

/** The source's branches at depth 0 (null if its brackets do not balance). */
function splitTop(s: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = classEnd(s, i);
      if (i < 0) return null;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (--depth < 0) return null;
    } else if (c === '|' && depth === 0) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0) return null;
  parts.push(s.slice(from));
  return parts;
}

/** The inside of a branch that is one group, `(…)`, `(?:…)` or `(?<name>…)`, with nothing after it; else null. */
function wholeGroup(part: string): string | null {
  if (!part.startsWith('(') || !part.endsWith(')')) return null;
  let open = 1;
  if (part.startsWith('(?:')) open = 3;
  else if (part.startsWith('(?<') && part[3] !== '=' && part[3] !== '!') open = part.indexOf('>') + 1;
  else if (part[1] === '?') return null;
  if (open === 0) return null;
  // the group opened first must be the one closed last
  let depth = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = classEnd(part, i);
      if (i < 0) return null;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0 && i !== part.length - 1) return null;
  }
  return depth === 0 ? part.slice(open, -1) : null;
}
