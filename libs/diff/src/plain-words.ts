import { buildSymbolTrie } from './symbol-trie';
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
  // (a run of text is copied only where something in it changes: a separator that is one plain
  // space between two words stays where it is, so most of a sentence is one slice)
  let out = '';
  let from = 0; // start of the run not yet copied
  let gapStart = -1; // start of the open separator run (-1: none)
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (c < 0x80) {
      if (c === 0x27) {
        // dropped; inside a separator run it only lengthens the run
        if (gapStart < 0) {
          out += text.slice(from, i);
          from = i + 1;
        }
        i++;
        continue;
      }
      word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
    } else {
      if (curly && APOSTROPHES.has(c)) {
        if (gapStart < 0) {
          out += text.slice(from, i);
          from = i + 1;
        }
        i++;
        continue;
      }
      const cp = text.codePointAt(i) as number;
      width = cp > 0xffff ? 2 : 1;
      // (a letter or a number, looked up once per code point: no string and no regex per character)
      word = classOf(cp) !== 0;
    }
    if (word) {
      if (gapStart >= 0) {
        // a run other than one plain space becomes one
        if (i - gapStart !== 1 || text.charCodeAt(gapStart) !== 0x20) {
          out += `${text.slice(from, gapStart)} `;
          from = i;
        }
        gapStart = -1;
      }
    } else if (gapStart < 0) gapStart = i;
    i += width;
  }
  if (gapStart >= 0) out += `${text.slice(from, gapStart)} `;
  else out += text.slice(from, n);
  return out;
}

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
/** Non-ASCII code point → 1 letter, 2 digit or other number, 0 neither; looked up once each. */
const CLASS = new Map<number, number>();
/** ASCII code → 1 letter, 2 digit, 0 neither. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_CLASS[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? 1 : c >= 0x30 && c <= 0x39 ? 2 : 0;
function classOf(cp: number): number {
  if (cp < 0x80) return ASCII_CLASS[cp] as number;
  let c = CLASS.get(cp);
  if (c === undefined) {
    const s = String.fromCodePoint(cp);
    CLASS.set(cp, (c = LETTER.test(s) ? 1 : NUMBER.test(s) ? 2 : 0));
  }
  return c;
}

/** The class of the code point at `i` (1 letter, 2 number, 0 neither); its width is `cp > 0xffff ? 2 : 1`. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 0x80 ? (ASCII_CLASS[c] as number) : classOf(text.codePointAt(i) as number);
}
const widthAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length
    ? (text.codePointAt(i) as number) > 0xffff
      ? 2
      : 1
    : 1;
};

/**
 * The words of a text: what `text.match(/[\p{L}\p{N}]+(?:['-][\p{L}]+)*\/gu) ?? []` finds (runs
 * of letters and digits, with `'` or `-` joining letters that follow), in one pass.
 */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? ASCII_CLASS[c] === 0 : classAt(text, i) === 0) {
      i += c < 0xd800 ? 1 : widthAt(text, i);
      continue;
    }
    const start = i;
    // letters and digits
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 0x80) {
        if (ASCII_CLASS[d] === 0) break;
        i++;
      } else if (classAt(text, i) !== 0) i += widthAt(text, i);
      else break;
    }
    // then ' or - followed by letters, as often as it comes
    while (i + 1 < n) {
      const sep = text.charCodeAt(i);
      if ((sep !== 0x27 && sep !== 0x2d) || classAt(text, i + 1) !== 1) break;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 0x80) {
          if (ASCII_CLASS[d] !== 1) break;
          i++;
        } else if (classAt(text, i) === 1) i += widthAt(text, i);
        else break;
      }
    }
    out.push(text.slice(start, i));
  }
  return out;
}

/** Code point → its lower case (what `toLowerCase` gives it out of context), for code points above ASCII. */
const LOWER = new Map<number, string>();

/**
 * Finds which names occur in `plainWords` of a text, without building it: the text is read
 * character by character, in as many parts as the caller has (`feed`), through one automaton
 * for all the names (Aho–Corasick over UTF-16 units). A part may be lower-cased on the way (as
 * `toLowerCase` of the part would), so a large text need not be copied to be searched.
 */
export class PlainWordsSearch {
  /** UTF-16 unit → symbol (0: in no name). */
  private readonly classOf = new Map<number, number>();
  private readonly asciiClass = new Uint8Array(128);
  private readonly classes: number;
  private readonly next: Int32Array;
  /** Names ending at a state (through its suffixes): indexes into `names`. */
  private readonly ends: number[][];
  private readonly hasEnds: Uint8Array;
  private readonly hits: boolean[];
  private open: number;
  private state = 0;
  /** A separator run is open (its space not yet emitted). */
  private gap = false;
  /** The text's first character, if a space, is dropped. */
  private drop = false;

  constructor(names: readonly string[]) {
    this.hits = names.map((n) => n.length === 0);
    this.open = this.hits.filter((h) => !h).length;
    let classes = 1;
    for (const n of names)
      for (let i = 0; i < n.length; i++) {
        const c = n.charCodeAt(i);
        if (c < 0x80 ? this.asciiClass[c] === 0 : !this.classOf.has(c)) {
          if (c < 0x80) this.asciiClass[c] = classes;
          else this.classOf.set(c, classes);
          classes++;
        }
      }
    const sym = (c: number) => (c < 0x80 ? (this.asciiClass[c] as number) : (this.classOf.get(c) ?? 0));
    // the trie, then its failure links breadth first
    const { child, ending } = buildSymbolTrie(names, sym, true);
    const count = child.length;
    const next = new Int32Array(count * classes);
    const fail = new Int32Array(count);
    const ends: number[][] = ending.map((e) => [...e]);
    const queue = [0];
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q] as number;
      const f = fail[s] as number;
      if (s !== 0) ends[s]?.push(...(ends[f] as number[]));
      for (let x = 0; x < classes; x++) {
        const t = child[s]?.get(x);
        if (t !== undefined) {
          next[s * classes + x] = t;
          fail[t] = s === 0 ? 0 : (next[f * classes + x] as number);
          queue.push(t);
        } else next[s * classes + x] = s === 0 ? 0 : (next[f * classes + x] as number);
      }
    }
    this.classes = classes;
    this.next = next;
    this.ends = ends;
    this.hasEnds = Uint8Array.from(ends, (e) => (e.length ? 1 : 0));
  }

  /** Whether the name of that index occurs in what was fed. */
  found(i: number): boolean {
    return this.hits[i] as boolean;
  }

  /** Starts a text (`plainWords` of the parts fed until `end` is appended). */
  begin(dropLeadingSpace = false): void {
    this.gap = false;
    this.drop = dropLeadingSpace;
  }

  /**
   * Feeds a part of the text: `plainWords(begun + text, curly)` is `plainWords(begun, curly)`
   * followed by this part's words (`curly`: the apostrophes `normalizeClause` straightens are
   * dropped too; `lower`: the part is read as `text.toLowerCase()`).
   */
  feed(text: string, curly = false, lower = false): void {
    if (this.open === 0) return;
    if (lower && text.includes(SIGMA)) {
      // (the lower case of a capital sigma depends on its neighbours)
      this.feed(text.toLowerCase(), curly, false);
      return;
    }
    const n = text.length;
    let i = 0;
    const { next, asciiClass, hasEnds } = this;
    const k = this.classes;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c < 0x80 && !this.gap && ASCII_CLASS[c] !== 0) {
        // (the common case in a tight loop: a run of ASCII letters and digits inside a word)
        this.drop = false;
        let s = this.state;
        do {
          if (lower && c >= 0x41 && c <= 0x5a) c += 0x20;
          s = next[s * k + (asciiClass[c] as number)] as number;
          if (hasEnds[s] === 1) {
            this.state = s;
            this.reached(s);
            if (this.open === 0) return;
          }
          i++;
        } while (i < n && (c = text.charCodeAt(i)) < 0x80 && ASCII_CLASS[c] !== 0);
        this.state = s;
        continue;
      }
      if (c < 0x80) {
        i++;
        this.codePoint(lower && c >= 0x41 && c <= 0x5a ? c + 0x20 : c, curly);
        continue;
      }
      const cp = text.codePointAt(i) as number;
      i += cp > 0xffff ? 2 : 1;
      if (!lower) {
        this.codePoint(cp, curly);
        continue;
      }
      let low = LOWER.get(cp);
      if (low === undefined) LOWER.set(cp, (low = String.fromCodePoint(cp).toLowerCase()));
      for (let k = 0; k < low.length;) {
        const lc = low.codePointAt(k) as number;
        k += lc > 0xffff ? 2 : 1;
        this.codePoint(lc, curly);
      }
      if (this.open === 0) return;
    }
  }

  /** Ends the text (its trailing space, if it ends with a separator). */
  end(): void {
    if (this.gap) this.space();
    this.gap = false;
  }

  /** One code point of the (lowered) text, as `plainWords` reads it. */
  private codePoint(cp: number, curly: boolean): void {
    let word: boolean;
    if (cp < 0x80) {
      if (cp === 0x27) return;
      word = ASCII_CLASS[cp] !== 0;
    } else {
      if (curly && APOSTROPHES.has(cp)) return;
      word = classOf(cp) !== 0;
    }
    if (!word) {
      this.gap = true;
      return;
    }
    if (this.gap) {
      this.gap = false;
      this.space();
    }
    this.drop = false;
    if (cp > 0xffff) {
      this.emit(0xd800 + ((cp - 0x10000) >> 10));
      this.emit(0xdc00 + ((cp - 0x10000) & 0x3ff));
    } else this.emit(cp);
  }

  private space(): void {
    if (this.drop) this.drop = false;
    else this.emit(0x20);
  }

  private emit(c: number): void {
    const x = c < 0x80 ? (this.asciiClass[c] as number) : (this.classOf.get(c) ?? 0);
    const s = (this.state = this.next[this.state * this.classes + x] as number);
    if (this.hasEnds[s] === 1) this.reached(s);
  }

  /** The names that end at a state, found. */
  private reached(s: number): void {
    for (const id of this.ends[s] as number[])
      if (!this.hits[id]) {
        this.hits[id] = true;
        this.open--;
      }
  }
}

const SIGMA = String.fromCharCode(0x3a3);

/** Whether the code point is a letter (`/\p{L}/u`; a lone surrogate is none). */
export function isLetterCodePoint(cp: number): boolean {
  return cp < 0x80 ? ASCII_CLASS[cp] === 1 : classOf(cp) === 1;
}

/** Whether one UTF-16 unit is a letter or a digit as `/[\p{L}\p{N}]/u` tests it alone (a lone surrogate is neither). */
export function isLetterOrDigitUnit(c: number): boolean {
  if (c < 0x80) return ASCII_CLASS[c] !== 0;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return classOf(c) !== 0;
}
