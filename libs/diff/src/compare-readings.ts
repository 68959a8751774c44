import { matches } from './pattern-gate';
import { type ClauseReading, MEANING_WORDS } from './read-clause';

/** Whether a sentence shares or sells data, not denying it. */
export function sharesLive(r: ClauseReading): boolean {
  return r.acts.some((x) => (x.family === 'share' || x.family === 'sell') && !x.negated);
}

/** Whether a sentence puts data to use (or trains on it), not denying it. */
export function usesLive(r: ClauseReading): boolean {
  return r.acts.some((x) => (x.family === 'use' || x.family === 'train') && !x.negated);
}

/** Did a pair's rewording add or drop a word any meaning rule keys on (or a number)? */
export function meaningWordChanged(before: ClauseReading, after: ClauseReading): boolean {
  const a = new Set(before.tokens);
  const b = new Set(after.tokens);
  // (the words of one side only are listed when a meaning word is among the other side's own:
  // most rewordings change none, and then nothing is listed)
  let onlyA: string[] | null = null;
  let onlyB: string[] | null = null;
  // (a misspelling corrected, "colect" → "collect", changes no meaning)
  const corrects = (w: string, others: string[]) => others.some((o) => isTypoOf(w, o));
  for (const w of a)
    if (!b.has(w) && (MEANING_WORDS.has(w) || /\d/u.test(w)) && !corrects(w, (onlyB ??= onlyIn(b, a))))
      return true;
  for (const w of b)
    if (!a.has(w) && (MEANING_WORDS.has(w) || /\d/u.test(w)) && !corrects(w, (onlyA ??= onlyIn(a, b))))
      return true;
  return false;
}

/** The words of `x` that `y` lacks, in `x`'s order. */
function onlyIn(x: Set<string>, y: Set<string>): string[] {
  const out: string[] = [];
  for (const w of x) if (!y.has(w)) out.push(w);
  return out;
}

/**
 * Two words of five letters or more one typing slip apart: a letter left out, doubled or added, or
 * two neighbours swapped ("colect"/"collect", "recieve"/"receive"). A changed letter is not a slip
 * ("sell"/"tell", "share"/"store").
 */
function isTypoOf(x: string, y: string): boolean {
  if (x.length < 5 || y.length < 5 || /\d/u.test(x) || /\d/u.test(y)) return false;
  if (Math.abs(x.length - y.length) === 1) {
    const [long, short] = x.length > y.length ? [x, y] : [y, x];
    // (a letter can be dropped to make the shorter word only if dropping the first one that
    // differs does: the letters between two places it would work at are all the same)
    let i = 0;
    while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
    return long.slice(i + 1) === short.slice(i);
  }
  if (x.length !== y.length) return false;
  for (let i = 0; i + 1 < x.length; i++)
    if (x[i] !== y[i]) return x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
  return false;
}

/** A practice limited to one case or purpose ("only", "solely", "exclusively"). */
export const ONLY_LIMIT = /\b(only|solely|exclusively)\b/u;
/** A practice's scope stated wider: precise, continuous, in the background, at all times. */
export const WIDER_SCOPE =
  /\b((?<!non-|non |im)precise|continuous(ly)?|in the background|at all times|even when|when the app is (closed|not in use)|in real time|around the clock)\b/u;

/** A denial narrowed to money or to a legal definition ("we do not sell … in exchange for money"). */
const NARROWED_TO_MONEY =
  /\b(in exchange for|for) (money|monetary (payment|consideration)|cash|payment)\b|\bfor (monetary|valuable) consideration\b|\bas (that|the|this|such) terms? (is|are) (defined|used)\b|\bas defined (by|in|under)\b|\bwithin the meaning of\b/u;
/** A denial hedged ("we do not generally sell", "as a rule, we don't share", "by default, your notes are not used"): it no longer holds every time. */
const HEDGED =
  /\b(do|does|will|would|did)( not|n't) (generally|typically|usually|ordinarily|normally|always|necessarily)\b|\b(generally|typically|usually|ordinarily|normally) (do|does|will|would)( not|n't)\b|\bin (most|many) cases\b|\bas a (general )?rule\b|\b(by default|out of the box|unless you (choose|opt|agree|turn|switch)\w*)\b/u;
/** An exception added to a promise ("we never sell your data" → "…, except …"), or a narrowing to money or a legal definition (`NARROWED_TO_MONEY`). */
const EXCEPTION = new RegExp(
  `\\b(except|excepting|unless|other than|apart from|save for|excluding|with the exception of|but (we )?(may|might|can|will))\\b|${NARROWED_TO_MONEY.source}`,
  'u',
);
/** Families whose negated act is a promise about the service's own practice. */
export const PROMISE_FAMILIES = new Set([
  'collect',
  'use',
  'share',
  'sell',
  'retain',
  'track',
  'advertise',
  'marketing',
  'train',
  'humanReview',
  'dataSubjects',
]);

/**
 * A promise weakened: the removed sentence denies a practice, and its replacement is the same
 * sentence (at least 80% of its words kept) with an exception added.
 */
export function weakenedPromise(r: ClauseReading, a: ClauseReading): boolean {
  if (!r.acts.some((x) => x.negated && PROMISE_FAMILIES.has(x.family))) return false;
  // (a hedge put in counts whatever exceptions the promise already had)
  const hedged = matches(a.norm, HEDGED) && !matches(r.norm, HEDGED);
  if (!hedged && (!matches(a.norm, EXCEPTION) || matches(r.norm, EXCEPTION))) return false;
  if (keeps(r, a, 0.8)) return true;
  // (or reworded around the same denial, narrowed to money or a legal definition: "we have never
  // sold your personal information, and we never will" → "we do not sell your personal
  // information in exchange for money")
  return (
    matches(a.norm, NARROWED_TO_MONEY) &&
    r.acts.some(
      (x) =>
        x.negated && PROMISE_FAMILIES.has(x.family) && a.acts.some((y) => y.negated && y.family === x.family),
    )
  );
}
/** How many times a string occurs in a text. */
export function count(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
  return n;
}

/** How many list separators a sentence has (", " and " and "): a longer list names more. */
export function listSeparators(norm: string): number {
  let n = 0;
  for (const _ of norm.matchAll(/, | and /gu)) n++;
  return n;
}

/** Words that make a statement hold for now only ("currently", "at this time"). */
const FOR_NOW =
  /\b(currently|at (this|the present) time|at present|presently|as of (now|today|the date of this (policy|notice))|for now|to date|as things stand|at the moment|right now)\b/u;

/**
 * A promise kept in the new sentence but hedged to the present ("we never will" → "we do not
 * currently"): the same promise family, still negated, with a for-now word the old one lacked.
 */
export function promiseForNowOnly(r: ClauseReading, a: ClauseReading): boolean {
  const families = r.acts.filter((x) => x.negated && PROMISE_FAMILIES.has(x.family)).map((x) => x.family);
  return (
    families.length > 0 &&
    a.acts.some((x) => x.negated && families.includes(x.family)) &&
    matches(a.norm, FOR_NOW) &&
    !matches(r.norm, FOR_NOW)
  );
}

/** Whether the second sentence keeps at least this share of the first one's words. */
export function keeps(r: ClauseReading, a: ClauseReading, share: number): boolean {
  let kept = WORD_SETS.get(a);
  if (!kept) WORD_SETS.set(a, (kept = new Set(a.words)));
  let n = 0;
  for (const w of r.words) if (kept.has(w)) n++;
  return r.words.length > 0 && n >= share * r.words.length;
}
const WORD_SETS = new WeakMap<ClauseReading, Set<string>>();

/**
 * Capitalised names in a sentence (runs of capitalised words, not the sentence's first word),
 * possessives dropped: "Google Translate, Bard and Cloud AI" → Google Translate, Bard, Cloud AI; "our
 * Privacy Help Center" is one name, so a link renamed is not a name added.
 */
function capitalisedNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\s(,;:“"‘'])[A-Z][\w-]*(?:['’]s)?(?: [A-Z][\w-]*(?:['’]s)?)*/gu))
    // ("Google's AI" is Google, then AI)
    for (const name of m[0].split(/['’]s(?: |$)/u)) if (name) out.add(name.replace(/['’]s$/u, ''));
  return out;
}
/**
 * The new sentence names everything the old one named, and a name the old one did not hold in any
 * case ("internet service provider" → "Internet Service Provider" names nothing new).
 */
export function namesGrew(before: string, after: string, cue?: RegExp): boolean {
  const now = capitalisedNames(after);
  const oldText = before.toLowerCase();
  // (with a cue, a new name counts only just after it: "… and our travel partner, Wanderly")
  const cued = (n: string) => {
    if (!cue) return true;
    const at = after.indexOf(n);
    return at >= 0 && cue.test(after.slice(Math.max(0, at - 40), at));
  };
  let grew = false;
  for (const n of now)
    if (!oldText.includes(n.toLowerCase()) && cued(n)) {
      grew = true;
      break;
    }
  if (!grew) return false;
  // (the old names are read only when a new one was found)
  const newText = after.toLowerCase();
  for (const n of capitalisedNames(before)) if (!newText.includes(n.toLowerCase())) return false;
  return true;
}

/** Nouns that name a kind of recipient ("partners", "insurers", "research organisations"). */
export const RECIPIENT_NOUN =
  /^(partners?|compan(y|ies)|advertisers?|insurers?|brokers?|researchers?|sponsors?|manufacturers?|firms?|organi[sz]ations?|businesses|retailers?|merchants?|lenders?|agencies|networks?|affiliates?|employers?|landlords?|governments?|authorities|police)$/u;

/** The tracking technologies a sentence names. */
export function trackingTech(norm: string): string[] {
  return [...norm.matchAll(TRACKING_TECH)].map((m) => (m[1] as string).replace(/s$/u, ''));
}
const TRACKING_TECH =
  /\b(session[- ]recording|session replay|fingerprint|pixel|web beacon|beacon|sdk|advertising cookie|third[- ]party cookie|cross[- ]site|keystroke|mouse movement|local storage|device graph|hashed (?:identifier|e-?mail(?: address)?|contact information|phone number)|advertising id(?:entifier)?)s?\b/gu;
