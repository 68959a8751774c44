/**
 * A necessary condition for a regular expression to match, checked before running it: the
 * literal pieces every match must contain (read from the pattern's source by
 * pattern-literals.ts), found for all gated patterns at once by one pass over the text (an
 * Aho–Corasick automaton over the text's characters and its word boundaries). A pattern whose
 * condition fails cannot match, so it is not run; when the condition holds the pattern itself
 * decides. The conditions are derived from the patterns when they are gated (the lexicons'
 * patterns at load), so a new or changed pattern is covered without anything else to update,
 * and a pattern of a shape the reader does not know simply runs every time. Patterns with the
 * `i` or `v` flag are not gated.
 */
import { Analysis, branchesOf, type Cond, isWordCode, Unreadable } from './pattern-literals';
import { buildSymbolTrie } from './symbol-trie';

/** Bits of a symbol: its class, and whether it is a word character. */
const CLASS = 0x7f;
const WORD = 0x80;

/**
 * Literals (with `\b` marks) and groups of them (a group is found when any of its literals is),
 * the automaton that finds them all in one pass, and which groups the last scanned text holds.
 */
class LiteralIndex {
  private readonly ids = new Map<string, number>();
  private readonly groupIds = new Map<string, number>();
  private readonly members: number[][] = [];
  /** Bumped by every new literal or group; the automaton holds those up to `builtVersion`. */
  version = 0;
  builtVersion = -1;
  /** Texts scanned since the automaton was last built. */
  private scans = 0;
  /** ASCII code → its symbol class (0 for any character no literal holds; 1 is `\b`), and WORD for a word character. */
  private symbolOf = new Uint8Array(128);
  private classes = 2;
  /** Transitions: `table[state * classes + class]` is the next state times two, plus one if it reports groups. */
  private table: Uint16Array | Int32Array = new Int32Array(0);
  /** The groups found on reaching a state: `found[from[s]]` to `found[from[s + 1] - 1]`. */
  private from = new Int32Array(1);
  private found = new Int32Array(0);
  /** Group → the stamp of the last scanned text that holds it. */
  seen = new Uint32Array(0);
  private stamp = 0;
  private lastText: string | null = null;
  /**
   * While a caller holds a memo (`withScanMemo`: one classification), the groups each text was
   * found to hold, so a text asked about again after others (its reading, then its rules, then
   * the pair rules) is restamped from its list instead of scanned again: `memo` maps a text to
   * where its list starts in `memoGroups` (a count, then the groups).
   */
  private memo: Map<string, number> | null = null;
  private memoGroups = new Int32Array(0);
  private memoEnd = 0;

  literal(lit: string): number {
    let id = this.ids.get(lit);
    if (id === undefined) {
      this.ids.set(lit, (id = this.ids.size));
      this.version++;
    }
    return id;
  }

  /** The group of these literals (found when any of them is). */
  group(literals: number[]): number {
    const sorted = [...new Set(literals)].sort((x, y) => x - y);
    const key = sorted.join(',');
    let id = this.groupIds.get(key);
    if (id === undefined) {
      this.groupIds.set(key, (id = this.members.length));
      this.members.push(sorted);
      this.version++;
    }
    return id;
  }

  /** Scans `text` (once for a run of gates on the same text) and returns the stamp its groups carry. */
  scan(text: string): number {
    if (text === this.lastText) return this.stamp;
    // the automaton is built at the first scan, and rebuilt for patterns gated since (inline
    // ones, met as the rules run) only now and then: until then those simply run
    if (this.version !== this.builtVersion && (this.builtVersion < 0 || this.scans >= REBUILD_AFTER))
      this.build();
    this.scans++;
    this.lastText = text;
    const stamp = ++this.stamp;
    if (stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 0;
      this.lastText = null;
      return this.scan(text);
    }
    const memo = this.memo;
    if (memo) {
      const at = memo.get(text);
      if (at !== undefined) {
        const { memoGroups, seen } = this;
        for (let j = at + 1, end = at + 1 + (memoGroups[at] as number); j < end; j++)
          seen[memoGroups[j] as number] = stamp;
        return stamp;
      }
    }
    // the groups found are listed after the memo's last list (kept there only with a memo)
    const at = this.memoEnd;
    if (this.memoGroups.length < at + 1 + this.members.length)
      this.memoGroups = grow(this.memoGroups, at + 1 + this.members.length);
    const end = this.read(text, stamp, this.memoGroups, at + 1);
    if (memo) {
      this.memoGroups[at] = end - at - 1;
      this.memoEnd = end;
      memo.set(text, at);
    }
    return stamp;
  }

  /**
   * Marks with `stamp` every group whose literal occurs in `text` (one automaton pass), listing
   * each group newly marked in `list` from `n` on; returns where the list ends.
   */
  private read(text: string, stamp: number, list: Int32Array, n: number): number {
    const { table, from, found, seen, symbolOf } = this;
    const k = this.classes;
    let s = 0;
    let prevWord = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      const symbol = c < 0x80 ? (symbolOf[c] as number) : 0;
      const word = symbol & WORD;
      if (word !== prevWord) {
        // a word boundary is a symbol of its own, before the character after it
        const e = table[s * k + 1] as number;
        s = e >> 1;
        if (e & 1)
          for (let j = from[s] as number, end = from[s + 1] as number; j < end; j++) {
            const g = found[j] as number;
            if (seen[g] !== stamp) {
              seen[g] = stamp;
              list[n++] = g;
            }
          }
        prevWord = word;
      }
      const e = table[s * k + (symbol & CLASS)] as number;
      s = e >> 1;
      if (e & 1)
        for (let j = from[s] as number, end = from[s + 1] as number; j < end; j++) {
          const g = found[j] as number;
          if (seen[g] !== stamp) {
            seen[g] = stamp;
            list[n++] = g;
          }
        }
    }
    if (prevWord) {
      const e = table[s * k + 1] as number;
      s = e >> 1;
      if (e & 1)
        for (let j = from[s] as number, end = from[s + 1] as number; j < end; j++) {
          const g = found[j] as number;
          if (seen[g] !== stamp) {
            seen[g] = stamp;
            list[n++] = g;
          }
        }
    }
    return n;
  }

  /** Whether a memo is held (a `withScanMemo` call is running). */
  get memoHeld(): boolean {
    return this.memo !== null;
  }

  /** Scans texts one after another and remembers their groups (only while a memo is held). */
  scanAll(texts: Iterable<string>): void {
    if (this.memo) for (const t of texts) this.scan(t);
  }

  /** Runs `work` with texts' groups remembered, and forgets them after (see `memo`). */
  withMemo<T>(work: () => T): T {
    if (this.memo) return work();
    this.memo = new Map();
    try {
      return work();
    } finally {
      this.memo = null;
      this.memoEnd = 0;
      for (const r of READERS) r.done();
    }
  }

  private build(): void {
    const lits = [...this.ids.keys()];
    // a class per character the literals hold (digits share one: a literal then asks for any
    // digit there, a weaker condition, and the automaton stays small)
    const classOf = new Uint8Array(128);
    let classes = 2;
    for (const l of lits)
      for (let i = 0; i < l.length; i++) {
        const c = l.charCodeAt(i);
        if (c === 1 || classOf[c] !== 0) continue;
        if (c >= 0x30 && c <= 0x39) classOf.fill(classes++, 0x30, 0x3a);
        else classOf[c] = classes++;
      }
    const sym = (c: number) => (c === 1 ? 1 : (classOf[c] as number));
    // the groups each literal belongs to
    const groupsOf: number[][] = lits.map(() => []);
    this.members.forEach((m, g) => {
      for (const l of m) groupsOf[l]?.push(g);
    });
    // the trie
    const { child, ending } = buildSymbolTrie(lits, sym);
    // states numbered breadth first, so the shallow ones a text keeps returning to sit together
    const n = child.length;
    const order = [0];
    for (let q = 0; q < order.length; q++)
      for (const t of (child[order[q] as number] as Map<number, number>).values()) order.push(t);
    const rank = new Int32Array(n);
    order.forEach((s, r) => (rank[s] = r));
    const next = n < 0xffff ? new Uint16Array(n * classes) : new Int32Array(n * classes);
    const fail = new Int32Array(n);
    // a state reports its own literal's groups and those of its failure state (a suffix)
    const reports: number[][] = [];
    for (let r = 0; r < n; r++) {
      const old = order[r] as number;
      const f = fail[r] as number;
      const own = (ending[old] as number[]).flatMap((id) => groupsOf[id] as number[]);
      reports.push(r === 0 ? [] : [...new Set([...own, ...(reports[f] as number[])])]);
      const kids = child[old] as Map<number, number>;
      for (let x = 0; x < classes; x++) {
        const t = kids.get(x);
        if (t !== undefined) {
          const tr = rank[t] as number;
          next[r * classes + x] = tr;
          fail[tr] = r === 0 ? 0 : (next[f * classes + x] as number);
        } else next[r * classes + x] = r === 0 ? 0 : (next[f * classes + x] as number);
      }
    }
    const from = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) from[r + 1] = (from[r] as number) + (reports[r] as number[]).length;
    this.found = Int32Array.from(reports.flat());
    this.from = from;
    // each transition carries whether its target reports groups, in its lowest bit
    const table = n < 0x7fff ? new Uint16Array(next.length) : new Int32Array(next.length);
    for (let e = 0; e < next.length; e++) {
      const t = next[e] as number;
      table[e] = (t << 1) | ((from[t + 1] as number) > (from[t] as number) ? 1 : 0);
    }
    this.symbolOf = Uint8Array.from(classOf, (x, c) => x | (isWordCode(c) ? WORD : 0));
    this.classes = classes;
    this.table = table;
    if (this.seen.length < this.members.length) {
      this.seen = new Uint32Array(Math.max(this.members.length, 2 * this.seen.length));
      this.stamp = 0;
    }
    this.lastText = null;
    // (a text remembered before holds no group of the patterns added now)
    this.memo?.clear();
    this.memoEnd = 0;
    this.builtVersion = this.version;
    this.scans = 0;
  }

  /** The automaton brought up to date with every gated pattern, and its size (for tests and measurement). */
  stats(): { literals: number; groups: number; states: number } {
    if (this.version !== this.builtVersion) this.build();
    return { literals: this.ids.size, groups: this.members.length, states: this.from.length - 1 };
  }
}

/** Texts scanned before patterns gated after the automaton was built are added to it. */
const REBUILD_AFTER = 512;

/** A copy of the array with room for at least `size` entries. */
function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(size, 2 * a.length, 4096));
  out.set(a);
  return out;
}

const INDEX = new LiteralIndex();
/** (for tests and measurement) */
export const LITERAL_INDEX = INDEX;

/**
 * Runs `work` (one classification) with each text's gate scan remembered until it returns: the
 * classifier asks about the same sentence in several passes. Nothing is kept across calls.
 */
export function withScanMemo<T>(work: () => T): T {
  return INDEX.withMemo(work);
}

/**
 * Scans these texts now, one after another, for the gates asked about them later in the same
 * `withScanMemo` call. A scan walks a table of about a megabyte: back to back, the states a text
 * visits are still in the processor's cache from the texts before; spread among the rules'
 * work, most of its steps miss the cache (about five times slower, measured on the bench's
 * sentences). The readers registered with `readAheadWith` read them then too. Outside
 * `withScanMemo` it does nothing.
 */
export function scanAhead(texts: Iterable<string>): void {
  if (!INDEX.memoHeld) return;
  const list = [...texts];
  INDEX.scanAll(list);
  for (const r of READERS) r.ahead(list);
}

/**
 * A reader of the texts scanned ahead (read-clause.ts): it reads them then, one after another,
 * for the same reason they are scanned together, and hands each reading over when the text is
 * asked for in the same `withScanMemo` call; `done` when the call returns, to keep nothing.
 */
export interface AheadReader {
  ahead(texts: readonly string[]): void;
  done(): void;
}
const READERS: AheadReader[] = [];

/** Adds a reader of the texts scanned ahead (see `AheadReader`). */
export function readAheadWith(reader: AheadReader): void {
  READERS.push(reader);
}

/**
 * A condition as a program over groups: a group's id (≥ 0), or `ALL`/`ANY`, the number of parts
 * and the length of the whole node, then the parts.
 */
const ALL = -1;
const SOME = -2;

function program(cond: Cond, out: number[]): void {
  if (cond === true || cond === false) throw new Error('program: constant');
  if (typeof cond === 'number') {
    out.push(INDEX.group([cond]));
    return;
  }
  const parts = 'and' in cond ? cond.and : cond.or;
  const at = out.length;
  const lits = 'or' in cond ? parts.filter((p): p is number => typeof p === 'number') : [];
  const rest = 'or' in cond ? parts.filter((p) => typeof p !== 'number') : parts;
  out.push('and' in cond ? ALL : SOME, rest.length + (lits.length ? 1 : 0), 0);
  if (lits.length) out.push(INDEX.group(lits)); // the literals of an OR are one group
  for (const p of rest) program(p, out);
  out[at + 2] = out.length - at;
}

function holds(p: Int32Array, i: number, seen: Uint32Array, stamp: number): boolean {
  const op = p[i] as number;
  if (op >= 0) return seen[op] === stamp;
  const n = p[i + 1] as number;
  let j = i + 3;
  for (let k = 0; k < n; k++) {
    // (a group is read in place: most parts are groups, and a call each costs more than the read)
    const q = p[j] as number;
    const r = q >= 0 ? seen[q] === stamp : holds(p, j, seen, stamp);
    if (op === ALL ? !r : r) return r;
    j += q >= 0 ? 1 : (p[j + 2] as number);
  }
  return op === ALL;
}

/** The condition a match of the pattern needs (true: none known). */
function condOf(re: RegExp): Cond {
  if (re.ignoreCase || re.flags.includes('v')) return true;
  try {
    return new Analysis(re.source, re.unicode, (lit) => INDEX.literal(lit)).run();
  } catch (e) {
    if (e instanceof Unreadable) return true;
    throw e;
  }
}

/** A regular expression with the literal condition its matches need, checked before it runs. */
export class GatedRegExp {
  /** -1: no condition; -2: never matches; ≥ 0: the one group needed; -3: the program. */
  private readonly single: number;
  private readonly program: Int32Array;
  /** The index version that holds this gate's literals and groups. */
  private readonly version: number;
  /**
   * The pattern's top-level branches (pattern-literals.ts, `branchesOf`), each gated on its own
   * and run without `g` or `y`, when one of them at least has a condition. A text matches when
   * one branch does, so only the branches whose literals it holds are run ("voice recordings" or
   * "audio of your requests", and not the twenty other ways the pattern has of naming voice
   * data). Null: the pattern runs whole.
   */
  private readonly branches: GatedRegExp[] | null = null;

  constructor(
    readonly re: RegExp,
    split = true,
  ) {
    const cond = condOf(re);
    const p: number[] = [];
    if (cond !== true && cond !== false) program(cond, p);
    this.program = Int32Array.from(p);
    this.single = cond === true ? -1 : cond === false ? -2 : p.length === 1 ? (p[0] as number) : -3;
    if (split && cond !== false && !re.sticky) {
      const sources = branchesOf(re.source);
      if (sources.length > 1) {
        const flags = re.flags.replace('g', '');
        const branches = sources.map((b) => new GatedRegExp(new RegExp(b, flags), false));
        if (branches.some((b) => b.single !== -1)) this.branches = branches;
      }
    }
    this.version = INDEX.version;
  }

  /** False when the text lacks the literals every match needs (so `re` cannot match it). */
  mayMatch(text: string): boolean {
    const single = this.single;
    if (single === -1) return true;
    if (single === -2) return false;
    const stamp = INDEX.scan(text);
    if (this.version > INDEX.builtVersion) return true; // (not in the automaton yet)
    return single >= 0 ? INDEX.seen[single] === stamp : holds(this.program, 0, INDEX.seen, stamp);
  }

  /** `re.test(text)`, skipped when it cannot match (lastIndex then reset, as a failed test does). */
  test(text: string): boolean {
    if (this.mayMatch(text))
      return this.branches && !this.re.global ? this.someBranch(text) : this.re.test(text);
    if (this.re.global || this.re.sticky) this.re.lastIndex = 0;
    return false;
  }

  /**
   * The first match in the text, read from its start, for a caller that reads only where it
   * starts and what it matched (`m.index`, `m[0]`: those of `re.exec(text)` with `lastIndex` 0;
   * its groups may be one branch's). When the text holds the literals of one branch only, only
   * that branch runs: the first match of the pattern is that branch's first match, since no
   * other branch can match anywhere. (`lastIndex` is left as it was, or where `re.exec` leaves it.)
   */
  firstMatch(text: string): RegExpExecArray | null {
    if (!this.mayMatch(text)) return null;
    const branches = this.branches;
    if (branches) {
      let only: GatedRegExp | null = null;
      let several = false;
      for (const b of branches)
        if (b.mayMatch(text)) {
          if (only) {
            several = true;
            break;
          }
          only = b;
        }
      if (!only) return null;
      if (!several) return only.re.exec(text);
    }
    this.re.lastIndex = 0;
    return this.re.exec(text);
  }

  /** Whether a branch matches, each run only when the text holds its literals. */
  private someBranch(text: string): boolean {
    for (const b of this.branches as GatedRegExp[]) if (b.mayMatch(text) && b.re.test(text)) return true;
    return false;
  }

  /** `re.test(text)` for a pattern of the same source and flags (see `matches`), skipped as `test` is. */
  testLike(re: RegExp, text: string): boolean {
    if (this.mayMatch(text))
      return this.branches && this.sameBranches(re) ? this.someBranch(text) : re.test(text);
    if (re.global || re.sticky) re.lastIndex = 0;
    return false;
  }

  /** `re.exec(text)`, skipped when it cannot match (lastIndex then reset, as a failed exec does). */
  exec(text: string): RegExpExecArray | null {
    if (this.mayMatch(text)) return this.re.exec(text);
    if (this.re.global || this.re.sticky) this.re.lastIndex = 0;
    return null;
  }

  /** Whether a pattern of this one's source reads as its branches do (its flags the same, none global or sticky). */
  private sameBranches(re: RegExp): boolean {
    const own = this.re;
    return (
      !re.global &&
      !re.sticky &&
      re.multiline === own.multiline &&
      re.dotAll === own.dotAll &&
      re.unicode === own.unicode &&
      re.ignoreCase === own.ignoreCase
    );
  }

  /** Whether the analysis found a condition at all (for tests). */
  get gated(): boolean {
    return this.single !== -1;
  }
}

/** The pattern, gated. */
export function gated(re: RegExp): GatedRegExp {
  return new GatedRegExp(re);
}

const INLINE = new Map<string, GatedRegExp[]>();

/**
 * `re.test(text)` for a pattern written inline (a new RegExp object at each call): its gate is
 * kept by source and the flags its reading depends on; the pattern passed is the one run (or,
 * for `test`, its branches: see `GatedRegExp`).
 */
export function matches(text: string, re: RegExp): boolean {
  let list = INLINE.get(re.source);
  if (!list) INLINE.set(re.source, (list = []));
  let g: GatedRegExp | undefined;
  for (const x of list)
    if (
      x.re.unicode === re.unicode &&
      x.re.ignoreCase === re.ignoreCase &&
      (re.unicode || x.re.flags.includes('v') === re.flags.includes('v'))
    ) {
      g = x;
      break;
    }
  if (!g) list.push((g = new GatedRegExp(new RegExp(re.source, re.flags))));
  return g.testLike(re, text);
}
