import { wordsWithSpaceDiff } from 'diff';

import { type WordOp } from './diff.types';
import { DELETE, INSERT, myersDiff, myersDiffTokens } from './myers-diff';

/**
 * Word-level diffs of paragraph pairs, the same as jsdiff's `diffWordsWithSpace`: its
 * tokens (see `Tokens`) and its script (see myers-diff.ts). Tokens are read in place and
 * interned to integers in one pass, without a string per token: one table serves all the
 * pairs of one document diff, and the search compares numbers.
 */
export class WordDiffer {
  private readonly tokens = new Tokens();
  private oldIds = new Int32Array(256);
  private newIds = new Int32Array(256);
  private oldEnds = new Int32Array(256);
  private newEnds = new Int32Array(256);

  /** The word operations from `before` to `after`, or undefined past `maxEditLength` edits (as jsdiff). */
  diff(before: string, after: string, maxEditLength: number): WordOp[] | undefined {
    if (this.oldIds.length < before.length) [this.oldIds, this.oldEnds] = scratch(before.length);
    if (this.newIds.length < after.length) [this.newIds, this.newEnds] = scratch(after.length);
    const n = this.tokens.read(before, this.oldIds, this.oldEnds);
    const m = this.tokens.read(after, this.newIds, this.newEnds);
    if (n < 0 || m < 0) return this.diffSlow(before, after, maxEditLength);
    const script = myersDiff(this.oldIds.subarray(0, n), this.newIds.subarray(0, m), maxEditLength);
    if (!script) return undefined;
    // runs are cut from the texts themselves, at the tokens' end offsets
    const { oldEnds, newEnds } = this;
    const ops: WordOp[] = [];
    let i = 0;
    let j = 0;
    for (let r = 0; r < script.kinds.length; r++) {
      const kind = script.kinds[r] as number;
      const count = script.counts[r] as number;
      if (kind === DELETE) {
        ops.push({ op: 'delete', text: before.slice(i === 0 ? 0 : oldEnds[i - 1], oldEnds[i + count - 1]) });
        i += count;
        continue;
      }
      const text = after.slice(j === 0 ? 0 : newEnds[j - 1], newEnds[j + count - 1]);
      ops.push({ op: kind === INSERT ? 'insert' : 'equal', text });
      j += count;
      if (kind !== INSERT) i += count;
    }
    return ops;
  }

  /** For a text with a code unit jsdiff's tokenizer did not classify as expected: its own tokens, interned. */
  private diffSlow(before: string, after: string, maxEditLength: number): WordOp[] | undefined {
    const oldTokens = wordsWithSpaceDiff.tokenize(before);
    const newTokens = wordsWithSpaceDiff.tokenize(after);
    const script = myersDiffTokens(oldTokens, newTokens, maxEditLength);
    if (!script) return undefined;
    const ops: WordOp[] = [];
    let i = 0;
    let j = 0;
    for (let r = 0; r < script.kinds.length; r++) {
      const kind = script.kinds[r] as number;
      const count = script.counts[r] as number;
      if (kind === DELETE) {
        ops.push({ op: 'delete', text: oldTokens.slice(i, (i += count)).join('') });
        continue;
      }
      ops.push({ op: kind === INSERT ? 'insert' : 'equal', text: newTokens.slice(j, (j += count)).join('') });
      if (kind !== INSERT) i += count;
    }
    return ops;
  }
}

function scratch(length: number): [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  const size = 2 ** Math.ceil(Math.log2(Math.max(256, length)));
  return [new Int32Array(size), new Int32Array(size)];
}

/** How jsdiff's word-with-space tokenizer treats a code unit. */
const UNKNOWN = 0;
/** Part of a run of word characters (letters of Latin scripts, digits, `_`). */
const WORD = 1;
/** Part of a run of spaces (any white space but a line break). */
const SPACE = 2;
/** A token of its own. */
const SINGLE = 3;
/** Not what a probe expected: the text goes to jsdiff's own tokenizer. */
const ODD = 4;

/**
 * The classes of code units, learnt from jsdiff's tokenizer itself on first sight (a
 * probe of "a" and the character twice: one token for a word character, a word and a
 * run for a space, three tokens otherwise), so they are its classes by construction.
 * Line breaks and surrogates are handled by position: `\r\n` and `\n` are tokens, a
 * surrogate pair is one character.
 */
const CLASS = new Uint8Array(65536);

function learn(code: number): number {
  const c = String.fromCharCode(code);
  const tokens = wordsWithSpaceDiff.tokenize(`a${c}${c}`);
  const cls =
    tokens.length === 1 && tokens[0] === `a${c}${c}`
      ? WORD
      : tokens.length === 2 && tokens[1] === `${c}${c}`
        ? SPACE
        : tokens.length === 3 && tokens[1] === c && tokens[2] === c
          ? SINGLE
          : ODD;
  CLASS[code] = cls;
  return cls;
}

/**
 * jsdiff's tokens of a text as ids: `\r\n` or `\n`, a run of word characters, a run of
 * spaces, or any other single character (a surrogate pair as one). Equal tokens get equal
 * ids, through an open-addressing table over a copy of each distinct token's code units, so
 * a token already seen costs no string.
 */
class Tokens {
  private count = 0;
  /** Each distinct token's code units, one after the other (`starts`: where each token begins). */
  private chars = new Uint16Array(4096);
  private charsUsed = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048).fill(-1);
  private readonly single = new Int32Array(256).fill(-1);

  /** Fills `ids` and `ends` (each token's end offset) for the text; the token count, or -1 for an odd text. */
  read(text: string, ids: Int32Array, ends: Int32Array): number {
    const n = text.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      const start = i;
      const code = text.charCodeAt(i);
      let h = code;
      i++;
      if (code === 13 && i < n && text.charCodeAt(i) === 10) {
        h = Math.imul(h, 31) + 10;
        i++;
      } else if (code >= 0xd800 && code <= 0xdbff && i < n) {
        const low = text.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          h = Math.imul(h, 31) + low;
          i++;
        }
      } else if (code !== 10 && code !== 13 && (code < 0xd800 || code > 0xdfff)) {
        let cls = CLASS[code] as number;
        if (cls === UNKNOWN) cls = learn(code);
        if (cls === ODD) return -1;
        if (cls !== SINGLE) {
          for (; i < n; i++) {
            const next = text.charCodeAt(i);
            let c = CLASS[next] as number;
            if (c === UNKNOWN && next !== 10 && next !== 13 && (next < 0xd800 || next > 0xdfff))
              c = learn(next);
            if (c !== cls) break;
            h = (Math.imul(h, 31) + next) | 0;
          }
        }
      }
      // a one-character Latin-1 token (a space, a comma: half of all tokens) is looked up directly
      let id: number;
      if (i - start === 1 && code < 256) {
        id = this.single[code] as number;
        if (id < 0) this.single[code] = id = this.idOf(text, start, 1, h | 0);
      } else id = this.idOf(text, start, i - start, h | 0);
      ids[count] = id;
      ends[count++] = i;
    }
    return count;
  }

  private idOf(text: string, start: number, length: number, h: number): number {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = this.slots[slot] as number;
      if (id < 0) break;
      if (this.hashes[id] === h && this.lengths[id] === length && this.same(id, text, start, length))
        return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if (id === this.starts.length) this.grow();
    if (this.charsUsed + length > this.chars.length) {
      const grown = new Uint16Array(2 ** Math.ceil(Math.log2(this.charsUsed + length)));
      grown.set(this.chars.subarray(0, this.charsUsed));
      this.chars = grown;
    }
    const chars = this.chars;
    const at = this.charsUsed;
    for (let k = 0; k < length; k++) chars[at + k] = text.charCodeAt(start + k);
    this.charsUsed += length;
    this.starts[id] = at;
    this.lengths[id] = length;
    this.hashes[id] = h;
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private same(id: number, text: string, start: number, length: number): boolean {
    const chars = this.chars;
    const from = this.starts[id] as number;
    for (let k = 0; k < length; k++) if (chars[from + k] !== text.charCodeAt(start + k)) return false;
    return true;
  }

  private grow(): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grown(this.starts);
    this.lengths = grown(this.lengths);
    this.hashes = grown(this.hashes);
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
