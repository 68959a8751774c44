import { distantNegation } from './distant-negation';
import clauseData from './lexicon/clause.json';
import { durationsOf, type Duration, topicsOf } from './lexicon';
import { gated, type GatedRegExp, readAheadWith } from './pattern-gate';
import { isLetterOrDigitUnit, wordTokens } from './plain-words';
import { WORDS } from './word-table';

/** Who does what a clause says. */
export type Actor = 'we' | 'you' | 'third-parties' | 'partners' | 'authorities' | null;
export type Modality = 'may' | 'will' | 'must' | 'can' | null;

export type Family = keyof typeof clauseData.families;

/** One action family found in a clause, with its polarity. */
export interface Act {
  family: Family;
  /** A negator ("not", "never", "don't", "won’t", "shall not"…) governs it. */
  negated: boolean;
  /** Where the match starts in the normalised text. */
  at: number;
}

/** What a clause says, read once: the inputs of every meaning rule (clause-meaning.ts). */
export interface ClauseReading {
  text: string;
  /** Lower case, curly apostrophes straightened, whitespace joined. */
  norm: string;
  actor: Actor;
  modality: Modality;
  acts: Act[];
  /** "only", "except", "unless", "without your consent", "aggregated"…: the clause limits itself. */
  restricted: boolean;
  /** A consent condition ("with/without your consent", "if you agree"). */
  consent: boolean;
  recipients: string[];
  topics: string[];
  durations: Duration[];
  /** Named settings the clause mentions ("Do Not Send Voice Recordings"), normalised. */
  settings: string[];
  /** Content words, for pairing and for telling a reworded clause from a new one. */
  words: string[];
  /** All words of the normalised text, in order. */
  tokens: string[];
  /**
   * What `noOwnPractice` (clause-context.ts) found, once asked: the classifier asks about a
   * sentence more than once, and the answer stays with its reading.
   */
  noOwnPracticeFound?: string | null;
}

interface CompiledFamily {
  keys: Set<string>;
  /** Words that are a match on their own, without running the patterns. */
  words: Set<string>;
  patterns: GatedRegExp[];
}

/**
 * A key word and the forms a verb takes ("turn": turns, turned, turning; "stop": stopped,
 * stopping; "disable": disabled, disabling). A family opens on any of them, so a pattern written
 * for "turning on" or "switched off" is run when the sentence says it that way (the patterns
 * decide; a form that is no word never occurs). Short function words are left as they are.
 */
function withInflections(key: string): string[] {
  if (!/^[a-z]{4,}$/u.test(key)) return [key];
  const stem = key.endsWith('e') ? key.slice(0, -1) : key;
  const last = key.at(-1) as string;
  const doubled = /[^aeiou][aeiou][bdgklmnprt]$/u.test(key) ? key + last : key;
  return [key, `${key}s`, `${key}es`, `${stem}ed`, `${stem}ing`, `${doubled}ed`, `${doubled}ing`];
}

const FAMILIES = Object.fromEntries(
  Object.entries(clauseData.families).map(([name, f]) => [
    name,
    {
      keys: new Set([...f.keys.flatMap(withInflections), ...('words' in f ? f.words : [])]),
      words: new Set('words' in f ? f.words : []),
      patterns: f.patterns.map((p) => gated(new RegExp(p, 'g'))),
    },
  ]),
) as Record<Family, CompiledFamily>;

/**
 * Words a meaning rule keys on: every family's key words, negators, modals and limits. A pair of
 * sentences that differ in none of them is a rewording (clause-level meaning unchanged).
 */
export const MEANING_WORDS = new Set([
  ...Object.values(clauseData.families).flatMap((f) => f.keys),
  ...'not no never none nor neither cannot may might can could will would shall must should only solely except unless without with consent permission all any some every each more less longer shorter stop stops stopped cease ceases ceased'.split(
    ' ',
  ),
]);

const NEGATOR = new RegExp(clauseData.negators);
/** Substrings one of which every negator of clause.json contains (null if the list changed: no shortcut). */
const NEGATOR_HINTS =
  clauseData.negators ===
  "\\b(not|never|no|cannot|neither|nor|none|nothing|\\w+n't|(we|we've|we have|has|have) (stopped|ceased)|stops|ceases|(we|we'll|we will|it|it will|it'll|they|they will) (stop|cease))\\b"
    ? ['no', 'ne', "n't", 'stop', 'ceas']
    : null;
const BREAK = new RegExp(clauseData.clauseBreaks, 'g');
const STOP = new Set(
  'a an the and or of to in on for with by at from as is are be been was were it its this that these those we our us you your they their them can may will would shall should must not no do does if when which who what how than then so such any all some each other into about over under more most also'.split(
    ' ',
  ),
);

/** Lower case, straight apostrophes, one space. */
export function normalizeClause(text: string): string {
  // (each replacement runs only when it has something to replace)
  let t = text.toLowerCase();
  if (CURLY.test(t)) t = t.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'");
  if (t.includes('do-not-track')) t = t.replace(/\bdo-not-track\b/g, 'do not track');
  if (t.includes('law-enforcement')) t = t.replace(/\blaw-enforcement\b/g, 'law enforcement');
  if (ODD_SPACE.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim();
}
const CURLY = /[\u2018\u2019\u02bc\u0060\u00b4]/;
/** Whitespace that `\s+ → ' '` would change: any but a single space. */
const ODD_SPACE = /[^\S ]| {2}/;

/** Where a whole word (or phrase) starts in the text (-1 if only inside longer words). */
export function wordAt(text: string, word: string, from = 0): number {
  for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, i + 1)) {
    // (a letter or digit on either side, as `/[\p{L}\p{N}]/u` sees one UTF-16 unit)
    if (i > 0 && isLetterOrDigitUnit(text.charCodeAt(i - 1))) continue;
    const after = i + word.length;
    if (after < text.length && isLetterOrDigitUnit(text.charCodeAt(after))) continue;
    return i;
  }
  return -1;
}

/** A sentence that opens with a condition ("Unless you have consented …, we will not …"). */
const LEADING_CONDITION = /^(\W|\d+(\.\d+)*\s)*(unless|if|where|when|except)\b/u;

/** A right's own words denying it. */
const RIGHT_DENIED = /\b(cannot|can't|can not|not able to|unable to)\b/u;

/** True when a negator governs the words just before `at` (same clause, at most 5 words back). */
function negatedAt(norm: string, at: number): boolean {
  return nearNegation(norm, at) || distantNegation(norm, at);
}

function nearNegation(norm: string, at: number): boolean {
  const window = norm.slice(Math.max(0, at - 48), at);
  // every negator has "no", "ne" or "n't" in it: most windows have none of them
  if (NEGATOR_HINTS && !includesAny(window, NEGATOR_HINTS)) return false;
  const words = lastWords(afterLastBreak(window).trim(), 7);
  return (
    NEGATOR.test(words) &&
    !/\bnot only\b|\bno matter\b|\bno later\b|\bno more than\b|\bno longer than\b/u.test(words)
  );
}

/**
 * A tracker or ad technology said to be taken out, in the words before it in its clause: "removed
 * the … analytics kit", "we have dropped the … pixel", "no longer sends usage data to any
 * third-party analytics company".
 */
function trackerTakenOut(norm: string, at: number): boolean {
  // (anywhere in the sentence when it says so outright: "analytics: we've removed the third-party
  // analytics sdk from kids mode")
  if (TAKEN_OUT_HINT.test(norm) && (TRACKER_REMOVED.test(norm) || TRACKER_TAKEN_OUT.test(norm))) return true;
  const window = norm.slice(Math.max(0, at - 80), at);
  if (!TAKEN_OUT_HINT.test(window)) return false;
  return TAKEN_OUT.test(lastWords(afterLastBreak(window).trim(), 10));
}

/** The part of a window before an act that stands in the act's own clause: after its last clause break. */
function afterLastBreak(window: string): string {
  BREAK.lastIndex = 0;
  let cut = -1;
  for (let m = BREAK.exec(window); m; m = BREAK.exec(window)) cut = m.index + m[0].length;
  return cut >= 0 ? window.slice(cut) : window;
}
const TAKEN_OUT_HINT = /remov|dropp|retir|disabl|uninstall|rid of|stopped|no longer|\b(took|taken|take)\b/u;
/** "We('ve) removed the … analytics SDK" (not "removed the option to turn off analytics"). */
const TRACKER_REMOVED =
  /\b(we|we've|we have|this (version|update|release))( also)? (removed|dropped|retired|uninstalled|got rid of|stopped using)\b((?!option|ability|setting|choice|toggle|switch|way)[^.;]){0,40}\b(analytics|tracking|trackers?|sdks?|pixels?|cookies?|advertising|ad)\b/u;
/** "We took Google Analytics out of the app" / "we've taken the ad SDK out". */
const TRACKER_TAKEN_OUT =
  /\b(we|we've|we have)( also)? (took|taken)\b[^.;]{0,40}\b(analytics|tracking|trackers?|sdks?|pixels?|cookies?)\b[^.;]{0,30}\bout\b/u;
const TAKEN_OUT =
  /^(\W*|.*\b(we|we've|we have|it|the app|the site|this version|this update)( also)? )(removed|remove|removes|dropped|retired|disabled|uninstalled|got rid of|stopped using|no longer (uses?|sends?|shares?|includes?|loads?))\b/u;

function includesAny(text: string, parts: readonly string[]): boolean {
  for (const p of parts) if (text.includes(p)) return true;
  return false;
}

/** The last `n` of the text's pieces between single spaces, as `text.split(' ').slice(-n).join(' ')` gives them. */
function lastWords(text: string, n: number): string {
  let cut = text.length;
  for (let k = 0; k < n; k++) {
    const space = cut > 0 ? text.lastIndexOf(' ', cut - 1) : -1;
    if (space < 0) return text;
    cut = space;
  }
  return text.slice(cut + 1);
}

function actorOf(norm: string): Actor {
  // a request the user is told to make ("ask us to stop using your data", "| object | object to us
  // processing your personal data"): the user acts, though "us" is named
  if (IMPERATIVE_REQUEST.test(norm)) return 'you';
  const head = norm
    .replace(
      /^(?:you|users?) (?:hereby )?(?:agree|acknowledge|understand|accept|consent|authori[sz]e)s?(?: and \w+)?(?: that| to)? /u,
      '',
    )
    .slice(0, 80);
  const m = ACTOR.exec(head);
  const who = m?.[1];
  if (!who) return /\b(we|us|our)\b/u.test(head) ? 'we' : null;
  if (who === 'we' || who === 'our company') return 'we';
  if (who === 'you' || who.startsWith('user')) return 'you';
  if (who === 'partners' || who === 'affiliates') return 'partners';
  if (who === 'law enforcement' || who === 'authorities' || who === 'government') return 'authorities';
  return 'third-parties';
}

/** A sentence (or a table cell after its label) that opens by telling the user to ask for something. */
const IMPERATIVE_REQUEST =
  /^(?:\|?[^|.]{0,40}\|\s*)?(?:[^,.|]{0,40}, )?(?:ask|request|object to|tell us|instruct us|require us)\b(?! (for|about) (more )?(information|help|support)\b)/u;
const ACTOR =
  /^(?:[^,]{0,40}, )?(we|our company|you|users?(?! (?:data|information|content|details|accounts?|records|profiles?|personal)\b)|third[- ]part(?:y|ies)|advertisers|partners|affiliates|law enforcement|authorities|government|(?:our |the(?:se)? )?(?:service providers|vendors|contractors|processors|sub-?processors|suppliers))\b/u;
const MODALITY = gated(
  /\b(may|might|could|can|will|shall|must|are required to|is required to)\b|(?<=\w)('ll)\b/u,
);
const DURATION_HINT = gated(
  /\d|indefinite|permanent|forever|as long as|year|month|week|day|until you|immediately|as soon as|right away|straight away|at once|promptly|instantly/,
);

function modalityOf(norm: string): Modality {
  const m = MODALITY.exec(norm);
  if (!m) return null;
  const w = m[0];
  if (w === 'may' || w === 'might' || w === 'could') return 'may';
  if (w === 'can') return 'can';
  if (w === 'will' || w === 'shall' || w === "'ll") return 'will';
  return 'must';
}

/**
 * Setting names: Title Case phrases after "turn on" or "off", "enable" or "disable", a quote or bold, or heading a
 * list item ("Name: what it does"), in the original text.
 */
function settingsOf(text: string): string[] {
  const out = new Set<string>();
  // names need two capitalised words in a row, bold or quotes: most sentences have none
  if (!SETTING_HINT.test(text)) return [];
  for (const re of SETTING_PATTERNS)
    for (const m of text.matchAll(re)) {
      const name = settingWordsOf(m[1] as string).trim();
      if (name.split(' ').length >= 2 && !/^(the|our|your|this) /u.test(name)) out.add(name);
    }
  return [...out];
}

/**
 * A normalised text with only its letters, digits and spaces (apostrophes dropped), as setting
 * names are compared. (An ASCII text, most of them, needs no Unicode property classes.)
 */
export function settingWords(norm: string): string {
  return NON_ASCII.test(norm)
    ? norm.replace(/[^\p{L}\p{N}' ]/gu, '').replace(/'/g, '')
    : norm.replace(/[^A-Za-z0-9 ]+/g, '');
}
const NON_ASCII = /[^\0-\x7f]/u;

/**
 * `settingWords(normalizeClause(text))`, in one pass for an ASCII text (most sentences): lower
 * case, each run of whitespace one space and none at either end, then only letters, digits and
 * those spaces kept. A text with another character, or "do-not-track" (which `normalizeClause`
 * rewrites), takes the two steps.
 */
export function settingWordsOf(text: string): string {
  const lower = text.toLowerCase();
  if (lower.includes('do-not-track')) return settingWords(normalizeClause(text));
  let first = 0;
  let last = lower.length - 1;
  while (first <= last && isAsciiSpace(lower.charCodeAt(first))) first++;
  while (last >= first && isAsciiSpace(lower.charCodeAt(last))) last--;
  // (copied a run at a time: only a dropped character, or whitespace other than one plain space,
  // ends a run)
  let out = '';
  let from = first;
  for (let i = first; i <= last; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    if (isAsciiSpace(c)) {
      if (isAsciiSpace(lower.charCodeAt(i - 1))) {
        // (a run's second space or more: dropped)
        out += lower.slice(from, i);
        from = i + 1;
      } else if (c !== 0x20) {
        out += `${lower.slice(from, i)} `;
        from = i + 1;
      }
      continue;
    }
    // (a character above ASCII, wherever it stands, takes the two steps: the trimming above
    // stopped at it if it was at either end)
    if (c >= 0x80) return settingWords(normalizeClause(text));
    out += lower.slice(from, i);
    from = i + 1;
  }
  return out + lower.slice(from, last + 1);
}

/** ASCII whitespace, as `\s` and `trim` see it. */
const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const SETTING_HINT = /[A-Z][\w’']*\s+[A-Z]|\*\*|[“"]/u;
/** (matchAll runs a copy of each, from the start) */
const SETTING_PATTERNS = [
  /\*\*([^*]{3,60})\*\*/gu,
  /[“"]([^”"]{3,60})[”"]/gu,
  /\b(?:[Tt]urn(?:ed|ing|s)? o(?:n|ff)|[Ss]witch(?:ed|es|ing)? o(?:n|ff)|[Ee]nabl(?:e|ed|es|ing)|[Dd]isabl(?:e|ed|es|ing)|[Uu]n(?:tick|check)(?:ed|ing|s)?|[Uu]se the|[Ss]elect(?:ed)?|[Cc]hoose|[Cc]hose)\s+((?:[A-Z][\w’']*\s?){2,7})/gu,
  // after a bare "the", only a name followed by what it is ("the Voice Match setting"): "the Echo
  // Show 15" is a product
  /\bthe\s+((?:[A-Z][\w’']*\s){2,7})(?:setting|option|toggle|switch|feature|mode|control|preference)s?\b/gu,
  /^((?:[A-Z][\w’']*\s?){3,7})$/gu,
  // the label of a list item or a definition ("Do Not Send Voice Recordings: keep …")
  /^((?:[A-Z][\w’']*\s){1,6}[A-Z][\w’']*)\s?[:–—]/gu,
];

/** Key word → the families it opens, so a sentence's words are looked up once. */
const FAMILIES_OF = new Map<string, Family[]>();
for (const [name, f] of Object.entries(FAMILIES) as [Family, CompiledFamily][])
  for (const k of f.keys) FAMILIES_OF.set(k, [...(FAMILIES_OF.get(k) ?? []), name]);
const FAMILY_ORDER = Object.keys(FAMILIES) as Family[];

/** What the reader needs of a word (by its number in WORDS): the families it opens, those it is a match word of, whether it is a stop word. */
const OPENS: number[][] = [];
const MATCHES: number[][] = [];
FAMILY_ORDER.forEach((name, f) => {
  for (const k of FAMILIES[name].keys) (OPENS[WORDS.add(k)] ??= []).push(f);
  for (const k of FAMILIES[name].words) (MATCHES[WORDS.add(k)] ??= []).push(f);
});
// (a typed array: V8 keeps a plain array whose first entry is set thousands of places in as a hash
// table, read at every token; a word numbered later reads past the end, as no stop word)
const STOP_WORD = new Uint8Array(WORDS.size + STOP.size);
for (const w of STOP) STOP_WORD[WORDS.add(w)] = 1;
/** Per family (by order): open in the sentence at hand, and the first of its match words there (-1: none). */
const OPEN = new Uint8Array(FAMILY_ORDER.length);
const FIRST_WORD = new Int32Array(FAMILY_ORDER.length);
const FOUND = new Uint8Array(FAMILY_ORDER.length);

/** The families a key word opens (undefined for a word that is no family's key). */
export function familiesOf(word: string): readonly Family[] | undefined {
  return FAMILIES_OF.get(word);
}

/** Whether a sentence has a key word of the family: without one, `readClause` finds no act of it. */
export function mentionsFamily(text: string, family: Family, norm = normalizeClause(text)): boolean {
  for (const t of wordTokens(norm)) if (FAMILIES_OF.get(t)?.includes(family)) return true;
  return false;
}

const RECIPIENTS: [string, Family][] = [
  ['authorities', 'lawEnforcement'],
  ['business-transfer', 'businessTransfer'],
  ['service-providers', 'serviceProviders'],
  ['international', 'worldwide'],
  ['third-parties', 'recipients'],
];
const RECIPIENT_FAMILIES = RECIPIENTS.map(([r, fam]) => [r, FAMILY_ORDER.indexOf(fam)] as const);
const RESTRICTED = FAMILY_ORDER.indexOf('restricted');
const CONSENT = gated(
  /\b(consent|permission|authori[sz]ation|approval|if you (agree|opt in|allow|authori[sz]e|approve))\b/u,
);

/**
 * Reads one sentence as a clause: who acts, with what modality, which actions (collect, use,
 * share, sell, retain, track, advertise, train…) each with its polarity in scope, the
 * restrictions and conditions, recipients, topics, durations and named settings.
 * Cheap and linear: each word is looked up once, a family's patterns run only when one of its
 * key words is present, and a pattern only when the sentence holds the literals it needs
 * (pattern-gate.ts).
 * `norm` is `normalizeClause(text)`, when the caller has it already.
 */
export function readClause(text: string, norm = normalizeClause(text)): ClauseReading {
  const ahead = AHEAD.get(norm);
  if (ahead) {
    // (read ahead: handed over once, so no two texts share a reading)
    AHEAD.delete(norm);
    ahead.text = text;
    return ahead;
  }
  return readNorm(text, norm);
}

/**
 * Readings of the sentences a classification is about to read (the texts it scans ahead, by
 * their normalised text: pattern-gate.ts), made then, one after another. Read in a row, the
 * sentences find the reader's tables, patterns and code still in the processor's caches; read
 * one at a time between the rules and the model, they mostly do not (classifyChange takes 3–6%
 * less CPU time on the bench's sentence-edit cases with its sentences read first). A
 * reading depends on the normalised text only, but for the text it carries, which it gets when
 * asked for. Kept for that one classification.
 */
const AHEAD = new Map<string, Reading>();
readAheadWith({
  ahead(norms) {
    for (const norm of norms) if (!AHEAD.has(norm)) AHEAD.set(norm, readNorm('', norm));
  },
  done() {
    AHEAD.clear();
  },
});

/** The reading of a normalised text, for the text given. */
function readNorm(text: string, norm: string): Reading {
  const tokens = wordTokens(norm);
  OPEN.fill(0);
  FIRST_WORD.fill(-1);
  FOUND.fill(0);
  const words: string[] = [];
  const ids: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const id = WORDS.find(t);
    ids.push(id);
    if (id >= 0) {
      const opens = OPENS[id];
      if (opens) for (const f of opens) OPEN[f] = 1;
      const matches = MATCHES[id];
      if (matches) for (const f of matches) if (FIRST_WORD[f] === -1) FIRST_WORD[f] = i;
      if (STOP_WORD[id] === 1) continue;
    }
    if (t.length > 1) words.push(t);
  }
  ids.push(WORDS.size);
  const acts: Act[] = [];
  for (let f = 0; f < FAMILY_ORDER.length; f++) {
    if (OPEN[f] === 0) continue;
    const name = FAMILY_ORDER[f] as Family;
    const fam = FAMILIES[name];
    if (fam.words.size) {
      const first = FIRST_WORD[f] as number;
      let at = first < 0 ? -1 : wordAt(norm, tokens[first] as string);
      if (at >= 0) {
        FOUND[f] = 1;
        let negated = negatedAt(norm, at);
        // (the word first met in a leading condition, "unless you have consented to such use,
        // we will not use …": the main clause's own act, and its polarity, is the one read)
        if (!negated && at < 60 && LEADING_CONDITION.test(norm)) {
          const cut = norm.indexOf(', ');
          const later = cut > at ? wordAt(norm, tokens[first] as string, cut) : -1;
          if (later >= 0 && negatedAt(norm, later)) {
            at = later;
            negated = true;
          }
        }
        // (a tracker said to be taken out: "removed the Flurrylytics analytics kit", "no longer
        // sends usage data to any third-party analytics company")
        if (!negated && (name === 'track' || name === 'advertise') && trackerTakenOut(norm, at))
          negated = true;
        acts.push({ family: name, negated, at });
        continue;
      }
    }
    for (const re of fam.patterns) {
      const m = re.firstMatch(norm);
      if (!m) continue;
      FOUND[f] = 1;
      // the verb may start the match ("sell … data") or end it ("data … shall not be sold")
      const last = m.index + m[0].lastIndexOf(' ') + 1;
      const negated =
        negatedAt(norm, m.index) ||
        (last > m.index && negatedAt(norm, last)) ||
        ((name === 'track' || name === 'advertise') && trackerTakenOut(norm, m.index)) ||
        // (a right denied in its own words: "you cannot delete your account")
        (name === 'right' && RIGHT_DENIED.test(m[0]));
      acts.push({ family: name, negated, at: m.index });
      break;
    }
  }
  const recipients: string[] = [];
  for (const [r, f] of RECIPIENT_FAMILIES) if (FOUND[f] === 1) recipients.push(r);
  const restricted = FOUND[RESTRICTED] === 1;
  const consent = restricted && CONSENT.test(norm);
  return new Reading(
    text,
    norm,
    actorOf(norm),
    acts,
    restricted,
    consent,
    recipients,
    topicsOf(norm),
    DURATION_HINT.test(norm) ? durationsOf(norm) : [],
    words,
    tokens,
    ids,
  );
}

/** A clause reading whose modality and named settings, which few rules ask for, are read when first asked for. */
class Reading implements ClauseReading {
  private modalityRead: Modality | undefined;
  private settingsRead: string[] | undefined;
  noOwnPracticeFound: string | null | undefined = undefined;

  constructor(
    /** (set once more when a reading made ahead is handed over: see `AHEAD`) */
    public text: string,
    readonly norm: string,
    readonly actor: Actor,
    readonly acts: Act[],
    readonly restricted: boolean,
    readonly consent: boolean,
    readonly recipients: string[],
    readonly topics: string[],
    readonly durations: Duration[],
    readonly words: string[],
    readonly tokens: string[],
    /**
     * The word numbers of the tokens as the reader found them (word-table.ts), then the table's
     * size at the time: the practice model takes them instead of looking each token up again
     * (`tokenIdsOf`).
     */
    readonly tokenIds: readonly number[],
  ) {}

  get modality(): Modality {
    if (this.modalityRead === undefined) this.modalityRead = modalityOf(this.norm);
    return this.modalityRead;
  }

  get settings(): string[] {
    return (this.settingsRead ??= settingsOf(this.text));
  }
}

/**
 * The word numbers of a reading's tokens, for `predictPractice` (undefined for a reading this
 * module did not make). They hold while no word is numbered after them: the model checks the
 * table's size they end with.
 */
export function tokenIdsOf(r: ClauseReading): readonly number[] | undefined {
  return r instanceof Reading ? r.tokenIds : undefined;
}

/** The act of a family, if the clause has one. */
export function actOf(r: ClauseReading, family: Family): Act | undefined {
  return r.acts.find((a) => a.family === family);
}
