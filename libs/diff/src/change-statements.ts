import { BULK_SENTENCES } from './change-severity';
import { choiceSurvives, localOnly, namesIn, sameChoice } from './choice-survives';
import { LOCAL_ASPECT, type Meaning, rightKinds } from './clause-meaning';
import { type ClassifyContext } from './classify-context';
import { type Side } from './classify.types';
import { keeps } from './compare-readings';
import { type ChangeTag } from './diff.types';
import { key } from './practice-kinds';
import { familiesOf, mentionsFamily, settingWordsOf } from './read-clause';

const CHOICE_HINT =
  /opt[- ]?out|setting|preference|choose|choice|control|turn off|disable|unsubscribe|withdraw/iu;

/** Words without one of which a sentence states no right of the user (a cheap filter before reading). */
const RIGHT_HINT =
  /right|request|ask|object|restrict|delet|eras|access|cop(y|ies)|correct|port|withdraw|complain/iu;

/**
 * What the added side says anywhere, and what the removed side said, once each changed sentence's
 * meanings are settled: a statement moved or reworded into another sentence is neither removed
 * nor new. Also the choices and rights the whole new version still states, read only when a
 * removed one asks (each the first time).
 */
export class ChangeStatements {
  readonly addedSays: Set<string>;
  readonly removedSaid: Set<string>;
  readonly addedObjects: Set<string>;
  readonly addedRights: Set<string>;
  /** Every right an added sentence names, whatever its topic. */
  readonly addedRightKinds: Set<string>;
  readonly removedRights: Set<string>;
  readonly addedSettings: Set<string>;
  /** An added sentence announces a choice gone. */
  readonly announcedGone: boolean;
  private named: Set<string> | null = null;
  private readonly offeredAfterMemo = new Map<string, boolean>();
  // the added sentences and the new version's, each with its words as setting names are written
  // (their words are also joined, a line each, so a name is looked for in one search: the words
  // hold no line break, so a name found is found within one sentence, met in their order)
  private sentencesAfter: string[] | null = null;
  private wordsAfter = '';
  private startsAfter: number[] = [];
  /** The choices read so far in the new version's sentences, and how far the reading went. */
  private readonly choicesAfter = new Set<string>();
  private choiceCandidates: string[] | null = null;
  private choicesRead = 0;
  /** Candidates that passed the cheap tests but were not read, since only a local choice was asked for. */
  private readonly setAside: string[] = [];
  private setAsideRead = 0;
  private rightsStated: Set<string> | null = null;
  private saidBy: Map<string, Side[]> | null = null;

  constructor(
    private readonly ctx: ClassifyContext,
    private readonly removed: Side[],
    private readonly added: Side[],
  ) {
    this.addedSays = new Set(added.flatMap((a) => a.meanings.map(key)));
    this.removedSaid = new Set(removed.flatMap((r) => r.meanings.map(key)));
    this.addedObjects = new Set(added.flatMap((a) => a.meanings.map((m) => `${m.kind}|${m.object}`)));
    // (a right is the same right only with the same object: "you can object to processing or ask for
    // portability" removed is not cancelled by "you have the ability to access your account" added)
    this.addedRights = rightsOf(added);
    this.addedRightKinds = new Set([...this.addedRights].map((k) => k.slice(k.indexOf('|') + 1)));
    this.removedRights = rightsOf(removed);
    this.addedSettings = new Set(
      added.flatMap((a) => (a.meanings.some((m) => m.kind === 'opt-out-added') ? a.reading.settings : [])),
    );
    this.announcedGone = added.some((a) => a.meanings.some((m) => m.rule === 'choice-announced-gone'));
  }

  /** The same right stated in `rights` (those of the other side). */
  sameRightSaid(s: Side, m: Meaning, rights: Set<string>): boolean {
    return (
      rights.has(`${m.topic ?? ''}|right`) ||
      rightKinds(s.reading.norm).every((k) => rights.has(`${m.topic ?? ''}|${k}`))
    );
  }

  /** A removed choice still offered by the added sentences or the new version. */
  choiceSurvives(r: Side, m: Meaning): boolean {
    return choiceSurvives(
      r,
      m,
      this.addedSettings,
      this.addedObjects,
      (n) => this.stillNamed(n),
      (object) => this.choiceOfferedAfter(object),
    );
  }

  /**
   * Whether the added sentences or the new version still name a setting: every removed choice's
   * names are looked for at once, the first time one is asked about.
   */
  private stillNamed(n: string): boolean {
    return (
      (this.named ??= this.announcedGone
        ? new Set()
        : namesIn(
            [
              ...new Set(
                this.removed.flatMap((r) =>
                  r.meanings.some((m) => m.kind === 'opt-out-added') ? r.reading.settings : [],
                ),
              ),
            ],
            this.added,
            this.ctx.options.afterText,
          )).has(n) && this.offeredAfter(n)
    );
  }

  /**
   * ...and named in a sentence of the new version that still offers it as a choice ("Tailored deals
   * are part of the Club programme" names the feature, not the setting that turned it off).
   */
  private offeredAfter(n: string): boolean {
    let found = this.offeredAfterMemo.get(n);
    if (found === undefined) {
      if (!this.sentencesAfter) {
        this.sentencesAfter = [...this.added.map((a) => a.reading.text), ...this.ctx.afterSentences()].filter(
          (t) => t.length < 2000,
        );
        const words = this.sentencesAfter.map(settingWordsOf);
        this.startsAfter = [];
        let at = 0;
        for (const w of words) {
          this.startsAfter.push(at);
          at += w.length + 1;
        }
        this.wordsAfter = words.join('\n');
      }
      const { sentencesAfter, wordsAfter, startsAfter } = this;
      found = false;
      for (let at = wordsAfter.indexOf(n); at >= 0;) {
        const k = lastAtOrBefore(startsAfter, at);
        if (this.ctx.rulesOf(sentencesAfter[k] as string).some((m) => m.kind === 'opt-out-added')) {
          found = true;
          break;
        }
        if (k + 1 >= startsAfter.length) break;
        at = wordsAfter.indexOf(n, startsAfter[k + 1]);
      }
      this.offeredAfterMemo.set(n, found);
    }
    return found;
  }

  /**
   * Whether the whole new version still offers the same choice as `object` (unchanged paragraphs
   * included), read only when an unnamed choice was removed: the sentences that can hold a choice
   * are read as clauses one by one, each distinct one once, and only as far as needed — the
   * choices already read are looked through first. A choice that keeps its data local is the same
   * only as another such choice, whose object has that aspect only where its sentence matches
   * `LOCAL_ASPECT` (`choiceAspect`, `settingKey`; no label, setting name or topic holds a `:`): a
   * sentence that cannot is set aside unread for a later question about another choice.
   */
  private choiceOfferedAfter(object: string): boolean {
    const { ctx } = this;
    const test = (o: string) => sameChoice(object, o);
    for (const o of this.choicesAfter) if (test(o)) return true;
    if (this.announcedGone || !ctx.options.afterText) return false;
    const local = localOnly(object);
    if (!local) {
      // (the sentences set aside by a question about a local choice first)
      const { setAside } = this;
      while (this.setAsideRead < setAside.length)
        if (this.offersChoice(setAside[this.setAsideRead++] as string, test)) return true;
    }
    const candidates = (this.choiceCandidates ??= ctx.afterSentences());
    while (this.choicesRead < candidates.length) {
      const t = candidates[this.choicesRead++] as string;
      if (!CHOICE_HINT.test(t)) continue;
      // (the pattern run as it is: a gate's scan of a sentence read nowhere else costs more)
      if (local && !LOCAL_ASPECT.test(ctx.prepared(t).norm)) this.setAside.push(t);
      else if (this.offersChoice(t, test)) return true;
    }
    return false;
  }

  /**
   * Reads a candidate sentence of the new version, if it has a key word of a choice: its choices
   * kept, and whether one passes `test`.
   */
  private offersChoice(t: string, test: (object: string) => boolean): boolean {
    const { ctx } = this;
    const p = ctx.prepared(t);
    const mayChoose = p.reading
      ? p.reading.tokens.some((w) => familiesOf(w)?.includes('choice'))
      : mentionsFamily(t, 'choice', p.norm);
    if (!mayChoose) return false;
    let found = false;
    for (const m of ctx.rulesOf(t, p))
      if (m.kind === 'opt-out-added') {
        this.choicesAfter.add(m.object);
        found ||= test(m.object);
      }
    return found;
  }

  /**
   * A right removed in a rewrite (to object, to restrict, to a copy…) that the new version names
   * nowhere is gone, and the rewrite's cap does not hide it ("your rights" alone, with no object,
   * proves nothing). The rights the whole new version states, by object, are read the first time
   * a right removed in a rewrite asks.
   */
  rightGoneFromRewrite(t: ChangeTag): boolean {
    const { ctx } = this;
    if (t.kind !== 'rights-reduced' || !ctx.options.afterText || this.added.length < BULK_SENTENCES)
      return false;
    if (!this.rightsStated) {
      // (only a right other than the bare 'right' is asked about below: a sentence that names
      // none adds nothing that is asked, so its rules are not read)
      const naming = ctx
        .afterSentences()
        .filter(
          (x) =>
            x.length < 2000 &&
            RIGHT_HINT.test(x) &&
            rightKinds(ctx.prepared(x).norm).some((k) => k !== 'right'),
        );
      this.rightsStated = new Set(
        naming
          // (a right to object or withdraw consent is often worded as a choice: "you may object at any time")
          .filter((x) => ctx.rulesOf(x).some((m) => m.kind === 'rights-added' || m.kind === 'opt-out-added'))
          .flatMap((x) => rightKinds(ctx.prepared(x).norm)),
      );
    }
    const stated = this.rightsStated;
    return t.citations.some(
      (c) =>
        c.side === 'removed' &&
        rightKinds(ctx.prepared(c.text).norm).some((k) => k !== 'right' && !stated.has(k)),
    );
  }

  /**
   * A cookie or ad choice removed with the tracking it controlled: the practice must be described
   * by another removed sentence than the choice itself.
   */
  trackingLeft(topic: string | null, choice: Side): boolean {
    return (
      (topic === 'cookies-tracking' || topic === 'advertising') &&
      !this.addedSays.has(`tracking-added|${topic}`) &&
      this.removed.some(
        (r) =>
          r !== choice &&
          r.meanings.every((x) => x.kind !== 'opt-out-added') &&
          r.reading.acts.some(
            (x) =>
              !x.negated && (x.family === 'track' || (topic === 'advertising' && x.family === 'advertise')),
          ),
      )
    );
  }

  /**
   * A statement of no named topic is cancelled only by a removed one it rewords: "we collect
   * message data" added is news though a reformatted table row says "we collect usage data". (The
   * removed sentences of each such key, listed once; past 64 of them a rewrite is too large to tell
   * one statement from another, and any of them cancels the new one, as before.)
   */
  reworded(a: Side, m: Meaning): boolean {
    if (!this.saidBy) {
      this.saidBy = new Map();
      for (const r of this.removed)
        for (const k of new Set(r.meanings.filter((x) => x.topic === null).map(key))) {
          const list = this.saidBy.get(k);
          if (list) list.push(r);
          else this.saidBy.set(k, [r]);
        }
    }
    const list = this.saidBy.get(key(m)) ?? [];
    return list.length > 64 || list.some((r) => keeps(a.reading, r.reading, 0.5));
  }
}

/** The rights a side's sentences state, each as `topic|kind of right`. */
function rightsOf(list: Side[]): Set<string> {
  return new Set(
    list.flatMap((x) =>
      x.meanings
        .filter((m) => m.kind === 'rights-added')
        .flatMap((m) => rightKinds(x.reading.norm).map((k) => `${m.topic ?? ''}|${k}`)),
    ),
  );
}

/** The index of the last of these ascending numbers that is at most `x` (the first is at most `x`). */
function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
