/** What a run of a script does: keep tokens, delete old ones, insert new ones. */
export const EQUAL = 0;
export const DELETE = 1;
export const INSERT = 2;

/** An edit script as runs: `kinds[i]` (EQUAL, DELETE or INSERT) for `counts[i]` tokens. */
export interface Script {
  kinds: number[];
  counts: number[];
}

const NONE = -2;
const ROOT = -1;

/**
 * Edit nodes of the current search: the node it extends, whether it deletes or inserts,
 * and the run of equal tokens that follows it. Module-level and grown on demand, so a
 * diff allocates nothing per node; a diff runs to completion before the next starts.
 */
let prevNode = new Int32Array(1024);
let nodeKind = new Uint8Array(1024);
let nodeSnake = new Int32Array(1024);
let diagPos = new Int32Array(64);
let diagNode = new Int32Array(64);

function growNodes(): void {
  const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const b = make(a.length * 2);
    b.set(a);
    return b;
  };
  prevNode = grow(prevNode, (n) => new Int32Array(n));
  nodeKind = grow(nodeKind, (n) => new Uint8Array(n));
  nodeSnake = grow(nodeSnake, (n) => new Int32Array(n));
}

/**
 * The shortest edit script between two lists of string tokens: each distinct token interned to a
 * number (in order of first appearance, the old list first), then `myersDiff`.
 */
export function myersDiffTokens(
  a: readonly string[],
  b: readonly string[],
  maxEditLength = Infinity,
): Script | undefined {
  const ids = new Map<string, number>();
  const intern = (tokens: readonly string[]) =>
    Int32Array.from(tokens, (t) => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      return id;
    });
  return myersDiff(intern(a), intern(b), maxEditLength);
}

/**
 * The shortest edit script from `a` to `b` (token ids), found by Myers' greedy forward
 * search exactly as jsdiff 8 runs it (`Diff.diffWithOptionsObj`): the same diagonals in
 * the same order, the same choice between an insertion and a deletion, the same pruning
 * at the edges of the edit graph, and runs merged the same way, so the script is
 * identical to jsdiff's on the same tokens. It compares integers in typed arrays instead
 * of strings through a callback, and records the path as numbers instead of objects.
 * Returns undefined when the script needs more than `maxEditLength` edits, as jsdiff does.
 */
export function myersDiff(a: Int32Array, b: Int32Array, maxEditLength = Infinity): Script | undefined {
  const oldLen = a.length;
  const newLen = b.length;
  let root = 0;
  while (root < oldLen && root < newLen && a[root] === b[root]) root++;
  if (root >= oldLen && root >= newLen) return fromPath(ROOT, root);
  const maxD = Math.min(oldLen + newLen, maxEditLength);
  const off = maxD + 1;
  if (diagPos.length < 2 * maxD + 3) {
    diagPos = new Int32Array(2 * maxD + 3);
    diagNode = new Int32Array(2 * maxD + 3);
  }
  const pos = diagPos;
  const node = diagNode;
  pos[off] = root - 1;
  node[off] = ROOT;
  node[off - 1] = NONE;
  node[off + 1] = NONE;
  let nodes = 0;
  // the node arrays in locals, read again only when they grow
  let prev = prevNode;
  let kinds = nodeKind;
  let snakes = nodeSnake;
  // (integer bounds, beyond any diagonal a search of maxD edits reaches, keep the loop in small integers)
  let minK = -maxD - 2;
  let maxK = maxD + 2;
  for (let d = 1; d <= maxD; d++) {
    // diagonals ±(d+1) are read for the first time in this round
    node[off - d - 1] = NONE;
    node[off + d + 1] = NONE;
    const hi = Math.min(maxK, d);
    for (let k = Math.max(minK, -d); k <= hi; k += 2) {
      const removeNode = node[off + k - 1] as number;
      const addNode = node[off + k + 1] as number;
      if (removeNode !== NONE) node[off + k - 1] = NONE;
      const removePos = pos[off + k - 1] as number;
      const addPos = pos[off + k + 1] as number;
      const canAdd = addNode !== NONE && addPos - k >= 0 && addPos - k < newLen;
      const canRemove = removeNode !== NONE && removePos + 1 < oldLen;
      if (!canAdd && !canRemove) {
        node[off + k] = NONE;
        continue;
      }
      let o: number;
      let parent: number;
      let kind: number;
      if (!canRemove || (canAdd && removePos < addPos)) {
        o = addPos;
        parent = addNode;
        kind = INSERT;
      } else {
        o = removePos + 1;
        parent = removeNode;
        kind = DELETE;
      }
      let n = o - k;
      const start = o;
      while (n + 1 < newLen && o + 1 < oldLen && a[o + 1] === b[n + 1]) {
        o++;
        n++;
      }
      if (nodes === prev.length) {
        growNodes();
        prev = prevNode;
        kinds = nodeKind;
        snakes = nodeSnake;
      }
      prev[nodes] = parent;
      kinds[nodes] = kind;
      snakes[nodes] = o - start;
      const id = nodes++;
      if (o + 1 >= oldLen && n + 1 >= newLen) return fromPath(id, root);
      node[off + k] = id;
      pos[off + k] = o;
      if (o + 1 >= oldLen) maxK = Math.min(maxK, k - 1);
      if (n + 1 >= newLen) minK = Math.max(minK, k + 1);
    }
  }
  return undefined;
}

/** The nodes of a path, last first, while `fromPath` reads it (grown on demand, like the node arrays). */
let pathScratch = new Int32Array(256);

/** The runs of the path ending at `last`: an equal run from the start, then each edit and the equal run after it. */
function fromPath(last: number, root: number): Script {
  let length = 0;
  for (let i = last; i !== ROOT; i = prevNode[i] as number) {
    if (length === pathScratch.length) {
      const grown = new Int32Array(pathScratch.length * 2);
      grown.set(pathScratch);
      pathScratch = grown;
    }
    pathScratch[length++] = i;
  }
  const path = pathScratch;
  const kinds: number[] = [];
  const counts: number[] = [];
  if (root > 0) {
    kinds.push(EQUAL);
    counts.push(root);
  }
  for (let p = length - 1; p >= 0; p--) {
    const i = path[p] as number;
    const kind = nodeKind[i] as number;
    const top = kinds.length - 1;
    // consecutive edits of one kind are one run, as in jsdiff's addToPath
    if (top >= 0 && kinds[top] === kind) counts[top] = (counts[top] as number) + 1;
    else {
      kinds.push(kind);
      counts.push(1);
    }
    const snake = nodeSnake[i] as number;
    if (snake > 0) {
      kinds.push(EQUAL);
      counts.push(snake);
    }
  }
  return { kinds, counts };
}
