/**
 * Inserted paragraphs by loose key, for deleted paragraphs to find where they moved: a
 * deleted paragraph takes the first inserted one with its key in another gap. Looked up
 * by a hash of the key, so keys are compared only for hashes that meet, and strings for
 * them (`keyA`, `keyB`: any strings equal exactly when the keys are) built only for a
 * hash met by more than one paragraph; each key's candidates are taken in near-constant
 * time however many copies of one paragraph there are.
 */
export class MoveFinder {
  private readonly byHash = new Map<number, { b: number; gap: number }[] | Map<string, MoveQueue>>();

  constructor(
    private readonly keyA: (a: number) => string,
    private readonly keyB: (b: number) => string,
    /** Whether deleted paragraph a has the loose key of inserted paragraph b. */
    private readonly sameKey: (a: number, b: number) => boolean,
    /** Whether inserted paragraph b has an empty loose key. */
    private readonly emptyB: (b: number) => boolean,
  ) {}

  add(b: number, hash: number, gap: number): void {
    const bucket = this.byHash.get(hash);
    if (bucket) (bucket as { b: number; gap: number }[]).push({ b, gap });
    else this.byHash.set(hash, [{ b, gap }]);
  }

  /** The inserted paragraph deleted paragraph a (whose key has this hash, in this gap) moved to, if any; taken. */
  take(hash: number, a: number, gap: number): number | undefined {
    let bucket = this.byHash.get(hash);
    if (!bucket) return undefined;
    if (Array.isArray(bucket) && bucket.length === 1) {
      // the usual case: one paragraph with this hash
      const only = bucket[0] as { b: number; gap: number };
      if (only.gap === gap || this.emptyB(only.b) || !this.sameKey(a, only.b)) return undefined;
      this.byHash.delete(hash);
      return only.b;
    }
    if (Array.isArray(bucket)) {
      const byKey = new Map<string, { b: number; gap: number }[]>();
      for (const c of bucket) {
        const k = this.keyB(c.b);
        if (!k) continue; // an empty key is no paragraph to follow
        const list = byKey.get(k);
        if (list) list.push(c);
        else byKey.set(k, [c]);
      }
      bucket = new Map([...byKey].map(([k, list]) => [k, new MoveQueue(list)]));
      this.byHash.set(hash, bucket);
    }
    return bucket.get(this.keyA(a))?.take(gap);
  }
}

/**
 * Candidates in document order (so those of one gap are contiguous), each taken once:
 * the first one left outside a given gap is the first left, or the first left after the
 * run of that gap. "First left from i" is a union-find walk with path compression.
 */
class MoveQueue {
  private readonly next: Int32Array;
  private readonly runEnd: Int32Array;

  constructor(private readonly items: { b: number; gap: number }[]) {
    const n = items.length;
    this.next = new Int32Array(n + 1).map((_, i) => i);
    this.runEnd = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--)
      this.runEnd[i] =
        i + 1 < n && items[i + 1]?.gap === items[i]?.gap ? (this.runEnd[i + 1] as number) : i + 1;
  }

  take(gap: number): number | undefined {
    let i = this.firstLeft(0);
    if (i < this.items.length && this.items[i]?.gap === gap) i = this.firstLeft(this.runEnd[i] as number);
    const item = this.items[i];
    if (!item) return undefined;
    this.next[i] = i + 1;
    return item.b;
  }

  private firstLeft(from: number): number {
    let i = from;
    while (this.next[i] !== i) i = this.next[i] as number;
    let j = from;
    while (j !== i) {
      const k = this.next[j] as number;
      this.next[j] = i;
      j = k;
    }
    return i;
  }
}
