import { wordsWithSpaceDiff } from 'diff';

import { type WordOp } from './diff.types';
import { DELETE, EQUAL, INSERT, myersDiff } from './myers-diff';

/**
 * Word-level diffs of paragraph pairs, the same as jsdiff's `diffWordsWithSpace` (its own
 * tokenizer: words, runs of spaces, each newline, each other character; the same
 * script, see myers-diff.ts), with tokens interned to integers: one id table serves all
 * the pairs of one document diff, so each distinct token is hashed once per call, and
 * the search compares numbers.
 */
export class WordDiffer {
  private readonly ids = new Map<string, number>();

  /** The word operations from `a` to `b`, or undefined past `maxEditLength` edits (as jsdiff). */
  diff(before: string, after: string, maxEditLength: number): WordOp[] | undefined {
    const oldTokens = tokenize(before);
    const newTokens = tokenize(after);
    // runs are cut from the texts themselves, which the tokens cover end to end (the
    // tokenizer has a one-character alternative for anything else); from their join otherwise
    const a = covered(oldTokens, before) ? before : oldTokens.join('');
    const b = covered(newTokens, after) ? after : newTokens.join('');
    const script = myersDiff(this.intern(oldTokens), this.intern(newTokens), maxEditLength);
    if (!script) return undefined;
    const ops: WordOp[] = [];
    let i = 0;
    let j = 0;
    let at = 0;
    let bt = 0;
    for (let r = 0; r < script.kinds.length; r++) {
      const kind = script.kinds[r] as number;
      const count = script.counts[r] as number;
      if (kind === DELETE) {
        const start = at;
        for (const end = i + count; i < end; i++) at += (oldTokens[i] as string).length;
        ops.push({ op: 'delete', text: a.slice(start, at) });
        continue;
      }
      const start = bt;
      for (const end = j + count; j < end; j++) bt += (newTokens[j] as string).length;
      ops.push({ op: kind === INSERT ? 'insert' : 'equal', text: b.slice(start, bt) });
      if (kind === EQUAL) for (const end = i + count; i < end; i++) at += (oldTokens[i] as string).length;
    }
    return ops;
  }

  private intern(tokens: string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    const { ids } = this;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      let id = ids.get(token);
      if (id === undefined) ids.set(token, (id = ids.size));
      out[i] = id;
    }
    return out;
  }
}

function covered(tokens: string[], text: string): boolean {
  let length = 0;
  for (const t of tokens) length += t.length;
  return length === text.length;
}

function tokenize(text: string): string[] {
  // jsdiff's own tokenizer, so token boundaries are exactly its; it yields no empty token
  return wordsWithSpaceDiff.tokenize(text);
}
