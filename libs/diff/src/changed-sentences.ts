import { type Block, type HunkLine } from './diff.types';
import { looseKey, looseKeyHash } from './normalize-text';
import { splitSentences } from './split-sentences';

/** Up to this many sentences, a paragraph's sentences are matched by a scan rather than a table. */
const SMALL = 16;

/**
 * The sentences that went away and the ones that arrived, for the classifier: from
 * deleted, inserted and rewritten paragraphs (not moves, not cosmetic edits), minus any
 * sentence that merely moved to another paragraph.
 */
export function changedSentences(
  lines: HunkLine[],
  A: Block[],
  B: Block[],
): { removed: string[]; added: string[] } {
  // Sentences are compared by loose key: equal texts have equal keys; otherwise by the
  // hash of the key, computed without building it, once something asks; and the key
  // itself is built only where two hashes meet.
  const removed: Sentence[] = [];
  const added: Sentence[] = [];
  const none: Sentence[] = [];
  for (const line of lines) {
    if (line.cosmetic) continue;
    const beforeSentences =
      line.before !== null && (line.kind === 'delete' || line.kind === 'change')
        ? sentencesOf(splitSentences((A[line.before] as Block).text))
        : none;
    const afterSentences =
      line.after !== null && (line.kind === 'insert' || line.kind === 'change')
        ? sentencesOf(splitSentences((B[line.after] as Block).text))
        : none;
    if (afterSentences.length === 0) removed.push(...beforeSentences);
    else if (beforeSentences.length === 0) added.push(...afterSentences);
    else if (beforeSentences.length <= SMALL && afterSentences.length <= SMALL) {
      // a rewritten paragraph: a few sentences on each side. One kept as it was (the same text
      // on both sides) is one object, so that its hash is computed once if either side asks.
      for (let j = 0; j < afterSentences.length; j++) {
        const text = (afterSentences[j] as Sentence).text;
        const twin = beforeSentences.find((s) => s.text === text);
        if (twin) afterSentences[j] = twin;
      }
      for (const s of beforeSentences) if (!scanHas(afterSentences, s)) removed.push(s);
      for (const s of afterSentences) if (!scanHas(beforeSentences, s)) added.push(s);
    } else {
      const afterKeys = new KeySet(afterSentences);
      const beforeKeys = new KeySet(beforeSentences);
      for (const s of beforeSentences) if (!afterKeys.has(s)) removed.push(s);
      for (const s of afterSentences) if (!beforeKeys.has(s)) added.push(s);
    }
  }
  // only a sentence whose hash is met on the other side can have its key there: the sets of
  // keys hold those sentences alone, and the others are kept without a lookup
  const removedHashes = new Set<number>();
  for (const s of removed) removedHashes.add(hashOf(s));
  const shared = new Set<number>();
  for (const s of added) if (removedHashes.has(hashOf(s))) shared.add(hashOf(s));
  const inShared = (s: Sentence) => shared.has(hashOf(s));
  const removedKeys = new KeySet(shared.size === 0 ? [] : removed.filter(inShared));
  const addedKeys = new KeySet(shared.size === 0 ? [] : added.filter(inShared));
  return {
    removed: dedupe(removed.filter((s) => !(inShared(s) && addedKeys.has(s)))),
    added: dedupe(added.filter((s) => !(inShared(s) && removedKeys.has(s)))),
  };
}

/** A sentence, with the hash of its loose key and the key once something needed them. */
interface Sentence {
  text: string;
  hash?: number;
  key?: string;
}

function sentencesOf(sentences: string[]): Sentence[] {
  return sentences.map((text) => ({ text }));
}

const hashOf = (s: Sentence) => (s.hash ??= looseKeyHash(s.text));
const keyOf = (s: Sentence) => (s.key ??= looseKey(s.text));

/** Whether some sentence of a short list has the same loose key as `s`: the same text, or the same hash and key. */
function scanHas(list: Sentence[], s: Sentence): boolean {
  for (const t of list) if (t === s || t.text === s.text) return true;
  for (const t of list) if (hashOf(t) === hashOf(s) && keyOf(t) === keyOf(s)) return true;
  return false;
}

/**
 * Sentences by loose key, looked up by hash first: a hash met by a few sentences is
 * scanned (keys are built only for equal hashes of different texts); a bucket of more
 * becomes a set of keys on first use, so a thousand copies of one sentence cost no
 * more than one.
 */
class KeySet {
  private readonly byHash = new Map<number, Sentence[] | Set<string>>();

  constructor(sentences: Sentence[]) {
    for (const s of sentences) {
      const bucket = this.byHash.get(hashOf(s));
      if (bucket) (bucket as Sentence[]).push(s);
      else this.byHash.set(hashOf(s), [s]);
    }
  }

  /** Whether some sentence of the set has the same loose key as `s`. */
  has(s: Sentence): boolean {
    let bucket = this.byHash.get(hashOf(s));
    if (!bucket) return false;
    if (Array.isArray(bucket)) {
      if (bucket.length <= 4) return scanHas(bucket, s);
      this.byHash.set(hashOf(s), (bucket = new Set(bucket.map(keyOf))));
    }
    return bucket.has(keyOf(s));
  }
}

/**
 * The texts of the sentences, each once, in order of first appearance (`[...new Set(texts)]`).
 * Equal texts have equal hashes, so a text is compared only with those kept under its hash.
 */
function dedupe(list: Sentence[]): string[] {
  const out: string[] = [];
  // the last text kept under each hash, and for each kept text the one kept before it under its hash
  const last = new Map<number, number>();
  const before: number[] = [];
  for (const s of list) {
    const h = hashOf(s);
    const top = last.get(h) ?? -1;
    let seen = false;
    for (let k = top; k >= 0 && !seen; k = before[k] as number) seen = out[k] === s.text;
    if (seen) continue;
    before.push(top);
    last.set(h, out.length);
    out.push(s.text);
  }
  return out;
}
