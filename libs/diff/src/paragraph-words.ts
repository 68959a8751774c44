import { type Block } from './diff.types';
import { INERT, LEADING_MARKER, looseKeySource, looseKeyWords } from './normalize-text';

/**
 * The words of the loose keys of one side's paragraphs (`looseKeyWords`), as ids of a table
 * both sides share, each paragraph read once and its ids kept in one pool. A loose key is its
 * words joined by single spaces, so two paragraphs have the same key exactly when they have
 * the same ids in the same order: keys compare, hash and test empty on ids, and the reflow
 * test measures them, without a key string being built; pairing takes its word pairs from the
 * same ids.
 */
export class SideWords {
  private pool = new Int32Array(4096);
  private used = 0;
  /** Where each paragraph's ids start in the pool (-1: not read yet), and end. */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly hashes: Int32Array;

  constructor(
    private readonly table: WordIds,
    private readonly blocks: Block[],
  ) {
    this.from = new Int32Array(blocks.length).fill(-1);
    this.to = new Int32Array(blocks.length);
    this.hashes = new Int32Array(blocks.length);
  }

  /** The ids of paragraph i's words, in order (a view of the pool). */
  ids(i: number): Int32Array {
    this.read(i);
    return this.pool.subarray(this.from[i], this.to[i]);
  }

  /** How many words paragraph i's loose key has. */
  count(i: number): number {
    this.read(i);
    return (this.to[i] as number) - (this.from[i] as number);
  }

  /** A hash of paragraph i's ids: equal keys, equal hashes. */
  hash(i: number): number {
    this.read(i);
    return this.hashes[i] as number;
  }

  /** Paragraph i's ids as a string: equal exactly when the loose keys are. */
  idKey(i: number): string {
    return this.ids(i).join(',');
  }

  /** The length of paragraph i's loose key (its words, a space between two). */
  keyLength(i: number): number {
    const ids = this.ids(i);
    let n = ids.length === 0 ? 0 : ids.length - 1;
    for (let k = 0; k < ids.length; k++) n += this.table.lengthOf(ids[k] as number);
    return n;
  }

  private read(i: number): void {
    if ((this.from[i] as number) >= 0) return;
    const n = this.table.read((this.blocks[i] as Block).text);
    this.reserve(n);
    const pool = this.pool;
    const out = this.table.out;
    let h = n;
    for (let k = 0; k < n; k++) {
      const id = out[k] as number;
      pool[this.used + k] = id;
      h = (Math.imul(h, 0x9e3779b1) + id) | 0;
    }
    this.from[i] = this.used;
    this.to[i] = this.used += n;
    this.hashes[i] = h;
  }

  private reserve(n: number): void {
    if (this.used + n <= this.pool.length) return;
    const grown = new Int32Array(2 ** Math.ceil(Math.log2(this.used + n)));
    grown.set(this.pool.subarray(0, this.used));
    this.pool = grown;
  }
}

/** The words of both sides' paragraphs, one table of ids for both. */
export class ParagraphWords {
  readonly before: SideWords;
  readonly after: SideWords;

  constructor(A: Block[], B: Block[]) {
    const table = new WordIds();
    this.before = new SideWords(table, A);
    this.after = new SideWords(table, B);
  }

  /** Whether paragraph a before and b after have the same loose key. */
  sameKey(a: number, b: number): boolean {
    const x = this.before;
    const y = this.after;
    if (x.hash(a) !== y.hash(b) || x.count(a) !== y.count(b)) return false;
    return sameIds(x.ids(a), y.ids(b));
  }
}

/** Whether two runs of ids are the same. */
function sameIds(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/**
 * Small ids for the words of loose keys (`looseKeyWords`), in an open-addressing table
 * keyed by the word's characters: for a text whose key needs no more than folding (see
 * looseKeySource), a word is found by reading it in place, lower-casing ASCII on the fly,
 * against a copy of each distinct word's code units: only a new word becomes a string, once,
 * for its lower-cased code units to be copied.
 */
export class WordIds {
  private count = 0;
  /** Each word's code units (lower case), one after the other; where each starts, its length, its hash. */
  private chars = new Uint16Array(8192);
  private charsUsed = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  /** The ids `read` found, from 0 to the count it returned. */
  out = new Int32Array(1024);

  /** The ids of the words of the text's loose key, in order. */
  of(text: string): number[] {
    return Array.from(this.out.subarray(0, this.read(text)));
  }

  /** The length of the word of an id. */
  lengthOf(id: number): number {
    return this.lengths[id] as number;
  }

  /** Reads the ids of the words of the text's loose key into `out`; their count. */
  read(text: string): number {
    // read in place when the text is its own loose-key source (see looseKeySource)
    if (!LEADING_MARKER.test(text)) {
      const n = this.runs(text, false);
      if (n >= 0) return n;
    }
    // links replaced and marker removed, what is left is read as it is (a `[` left there is text)
    const source = looseKeySource(text);
    if (source !== null) return this.runs(source, true);
    const words = looseKeyWords(text);
    this.reserve(words.length);
    words.forEach((w, k) => (this.out[k] = this.idOf(w, 0, w.length, hashRange(w, 0, w.length))));
    return words.length;
  }

  private reserve(n: number): void {
    if (n > this.out.length) this.out = new Int32Array(2 ** Math.ceil(Math.log2(n)));
  }

  /**
   * Reads the ids of the runs of ASCII letters and digits of a text into `out`, and returns
   * their count, or -1 at a code unit looseKey would act on (one that is not typography, a
   * line break, `<`, and `[` unless `bracketIsText`).
   */
  private runs(text: string, bracketIsText: boolean): number {
    // a text of n code units has at most n / 2 + 1 words
    this.reserve((text.length >> 1) + 1);
    const out = this.out;
    let n = 0;
    let start = -1;
    let h = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      const kind = code < 128 ? (KEY_KIND[code] as number) : INERT[code] === 1 ? SEPARATOR : OTHER;
      if (kind === LETTER) {
        if (start < 0) {
          start = i;
          h = 0;
        }
        h = (Math.imul(h, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
        continue;
      }
      if (kind === OTHER && !(bracketIsText && code === 91)) return -1;
      if (start >= 0) {
        out[n++] = this.idOf(text, start, i, h);
        start = -1;
      }
    }
    return n;
  }

  /** The id of the lower-cased text[from, to), whose hash is `h`. */
  private idOf(text: string, from: number, to: number, h: number): number {
    const mask = this.slots.length - 1;
    const length = to - from;
    let slot = h & mask;
    for (;;) {
      const id = this.slots[slot] as number;
      if (id < 0) break;
      if (this.hashes[id] === h && this.lengths[id] === length && this.sameLower(id, text, from, to))
        return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if (id === this.starts.length) {
      const grown = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
      this.hashes = grown(this.hashes);
    }
    // the word as its key has it: lower-cased whole (a word from looseKeyWords is already)
    const word = text.slice(from, to).toLowerCase();
    if (this.charsUsed + word.length > this.chars.length) {
      const grown = new Uint16Array(2 ** Math.ceil(Math.log2(this.charsUsed + word.length)));
      grown.set(this.chars.subarray(0, this.charsUsed));
      this.chars = grown;
    }
    for (let k = 0; k < word.length; k++) this.chars[this.charsUsed + k] = word.charCodeAt(k);
    this.starts[id] = this.charsUsed;
    this.lengths[id] = word.length;
    this.charsUsed += word.length;
    this.hashes[id] = h;
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** Whether word `id` is text[from, to) with ASCII upper case folded (the lengths being equal). */
  private sameLower(id: number, text: string, from: number, to: number): boolean {
    const chars = this.chars;
    const at = (this.starts[id] as number) - from;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (chars[at + i] !== (code >= 65 && code <= 90 ? code + 32 : code)) return false;
    }
    return true;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

/** What an ASCII code unit is to WordIds: part of a word, between words, or something looseKey acts on (`[`, `<`, a line break). */
const LETTER = 1;
const SEPARATOR = 0;
const OTHER = 2;
const KEY_KIND = new Uint8Array(128).map((_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c))
    ? LETTER
    : c === 91 || c === 60 || c === 10 || c === 13
      ? OTHER
      : SEPARATOR,
);

/** Hash of text[from, to) with ASCII upper case folded, as WordIds computes it while reading. */
function hashRange(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    h = (Math.imul(h, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
  }
  return h;
}
