import { dataItems, trackingAmongData } from './clause-data';
import { type Meaning, SENSITIVE_DATA } from './clause-meaning';
import { type RuleScope, type Side } from './classify.types';
import { RECIPIENT_NOUN, trackingTech } from './compare-readings';
import { gated } from './pattern-gate';
import { NARROWER_KIND, PURPOSE_TOPICS } from './practice-kinds';
import { type ClauseReading } from './read-clause';
import { type WordRun, wordsOnlyAdded, wordsOnlyCut } from './sentence-cut';

/**
 * Items cut from a list the sentence kept ("… with record labels, concert promoters and the
 * service providers …" → "… with the service providers …"; "the timestamp, the amount and your
 * IP address" → "the timestamp and the amount"): the practice the sentence still states covers
 * less.
 */
export function itemsCut(r: Side, a: Side, scope: RuleScope): void {
  listItemsChanged(r, a, 'cut', scope);
}

/**
 * Items added to a list the sentence kept ("… from your current and savings accounts" → "…, plus
 * your full credit report"; "with our couriers" → "with our couriers and our advertising
 * partners"): the practice the sentence already stated covers more.
 */
export function itemsAdded(r: Side, a: Side, scope: RuleScope): void {
  listItemsChanged(r, a, 'added', scope);
}

/**
 * The practices of the sentence with the items (the old one for a cut, the new one for an
 * addition) that the other sentence keeps, narrowed or widened where the items name what they are
 * about. Data listed under an introduction that shares it ("We share the data listed below with
 * advertising partners: - your advertising identifier, hashed email address and IP address") is
 * that sharing; an item cut from it counts even where the shorter line is no longer read as
 * collected data.
 */
function listItemsChanged(r: Side, a: Side, way: 'cut' | 'added', scope: RuleScope): void {
  const [longer, shorter] = way === 'cut' ? [r, a] : [a, r];
  const collected = longer.meanings.find((m) => m.kind === 'new-data-collected');
  const shared = collected ? sharedUnder(longer, scope) : undefined;
  const kept = longer.meanings.filter(
    (m) =>
      NARROWER_KIND[m.kind] &&
      (shorter.meanings.some((x) => x.kind === m.kind) || (way === 'cut' && shared && m === collected)),
  );
  if (kept.length === 0) return;
  const edit = listEdit(longer.reading.norm, shorter.reading.norm, way, (t) => scope.ctx.readingOf(t));
  if (!edit) return;
  for (const m of kept) {
    if (!edit.names(m)) continue;
    const sharing = shared && m.kind === 'new-data-collected';
    const kind = sharing ? 'sharing-expanded' : m.kind;
    scope.tags.add(
      way === 'cut' ? (NARROWER_KIND[kind] as string) : kind,
      sharing ? shared.topic : edit.topicFor(m),
      `pair:items-${way}`,
      r,
      a,
    );
  }
}

/** The sharing a list item's introduction states, when the item stands in a list that shares. */
function sharedUnder(s: Side, { ctx }: RuleScope): Meaning | undefined {
  const intro = ctx.linesOf[s.side].listIntro(s.reading.text);
  return intro === null ? undefined : ctx.rulesOf(intro).find((m) => m.kind === 'sharing-expanded');
}

/**
 * What a list inside a sentence lost (or gained), when that is all the rewording did: nothing but
 * the list's joints put in (or taken out), the words at a joint of a list, no limit among them
 * ("only", "not", "unless", "with your consent", "local": cutting one widens, adding one narrows),
 * no condition unless it is one of several ("…, or when an officer asks"), and no example ("such
 * as …"). A practice is narrowed (or widened) only where the words name what it is about: data for
 * collection, a purpose for a use, a recipient, data or a case for sharing, a tracker for tracking.
 * `longer` is the sentence with the items, `shorter` the one without.
 */
function listEdit(
  longer: string,
  shorter: string,
  way: 'cut' | 'added',
  readingOf: (text: string) => ClauseReading,
): { names: (m: Meaning) => boolean; topicFor: (m: Meaning) => string | null } | null {
  const words = listTokens(longer);
  const other = listTokens(shorter);
  // (an example cut from "such as …" leaves the practice as it was; one added names more of it)
  const runs = (way === 'cut' ? wordsOnlyCut(words, other) : wordsOnlyAdded(other, words))?.filter((x) =>
    isListItem(x, words, way === 'cut'),
  );
  if (!runs?.length) return null;
  const items = runs.map((x) => x.words.filter((w) => !PUNCTUATION.has(w)));
  const text = items.map((x) => x.join(' ')).join(' ');
  // (a limit inside an item's own relative clause describes the item: "the content of messages that
  // are not end-to-end encrypted")
  const cores = items.map((x) => {
    const relative = x.findIndex((w, k) => k > 0 && RELATIVE.has(w));
    return (relative > 0 ? x.slice(0, relative) : x).join(' ');
  });
  if (cores.some((c) => LIMIT_WORD.test(c))) return null;
  const content = text.split(' ').filter((w) => w.length >= 3 && !FUNCTION_WORD.has(w));
  // (an item that is anonymised data may go or come, "hashed email address"; "anonymised" alone,
  // cut from before "data", is a limit)
  if (SOFT_LIMIT_WORD.test(text) && content.every((w) => SOFT_LIMIT_WORD.test(w) || !/^\p{L}/u.test(w)))
    return null;
  const conditions = runs.filter((x) => CONDITION_WORD.test(x.words.join(' ')));
  // (a condition is one case more or fewer where the practice happens only where it is an
  // alternative, "…, or when an officer asks"; the one condition cut widens, added narrows)
  const alternative = conditions.some((x) => x.words.slice(0, 2).includes('or') || x.words.at(-1) === 'or');
  if (conditions.length > 0 && !alternative) return null;
  const read = readingOf(text);
  const data =
    dataItems(read, 1) > 0 ||
    read.topics.some((t) => DATA_TOPICS.has(t)) ||
    USERS_DATA.test(text) ||
    DATA_NOUN.test(text);
  const afterWith = runs.some((x) => ['with', 'to'].includes(words[x.start - 1] as string));
  const namesRecipient =
    afterWith || read.recipients.length > 0 || content.some((w) => RECIPIENT_NOUN.test(w));
  const named: Record<string, boolean> = {
    'new-data-collected': data,
    'new-data-use':
      data ||
      runs.some((x) => PURPOSE_START.has(x.words.find((w) => !LIST_MARK.has(w)) as string)) ||
      read.topics.some((t) => PURPOSE_TOPICS.includes(t)),
    'sharing-expanded': data || alternative || namesRecipient,
    'tracking-added':
      trackingTech(text).length > 0 ||
      trackingAmongData(read) ||
      read.acts.some((x) => x.family === 'track' || x.family === 'collect'),
  };
  return {
    // (what service providers do for the service, listed: one more task is one more reason data
    // goes to them)
    names: (m) =>
      named[m.kind] === true || (m.kind === 'sharing-expanded' && m.topic === 'service-providers'),
    // the items' own topic, or the practice's (sharing with service providers that lost or gained
    // other recipients is sharing with third parties)
    topicFor: (m) =>
      read.topics.find((t) => t !== 'service-providers' || m.kind === 'sharing-expanded') ??
      (m.kind === 'sharing-expanded' && m.topic === 'service-providers' && namesRecipient
        ? 'third-party-sharing'
        : m.topic),
  };
}

/** A run of words that sits at a joint of a list and says something (and, where asked, is no example). */
function isListItem(x: WordRun, words: readonly string[], noExample: boolean): boolean {
  const prev = words[x.start - 1];
  const next = words[x.start + x.words.length];
  const atJoint =
    LIST_MARK.has(x.words[0] as string) ||
    LIST_MARK.has(x.words.at(-1) as string) ||
    (prev !== undefined && LIST_MARK.has(prev)) ||
    (next !== undefined && LIST_MARK.has(next));
  return (
    atJoint &&
    // (a phrase that opens the sentence is a condition on all of it, "For members, …")
    x.start > 0 &&
    !EXAMPLE_WORD.has(x.words.find((w) => !LIST_MARK.has(w)) as string) &&
    x.words.some((w) => w.length >= 3 && !FUNCTION_WORD.has(w) && !LIST_MARK.has(w) && !w.endsWith('ly')) &&
    !(noExample && words.slice(Math.max(0, x.start - 5), x.start).some((w) => EXAMPLE_WORD.has(w)))
  );
}

/** A sentence's words with the commas and semicolons that join a list's items. */
function listTokens(norm: string): string[] {
  return norm.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,;]/gu) ?? [];
}
const PUNCTUATION = new Set([',', ';']);
const RELATIVE = new Set(['that', 'which', 'who', 'whose', 'where']);
/** What joins a list's items. */
const LIST_MARK = new Set([',', ';', 'and', 'or']);
/** Words that limit or condition a practice: cutting them widens it, adding them narrows it. */
const LIMIT_WORD = gated(
  /\b(only|solely|exclusively|not|no|never|unless|except|without|consent|permission|agree|opt|opted|choose|limited|restricted|strictly|necessary|local|locally|on-device)\b|\bon (the|your|this) device\b|n't\b/u,
);
/** Words that limit the data a practice covers, which an item cut or added whole may carry. */
const SOFT_LIMIT_WORD = /\b(anonymi[sz]ed|aggregated?|de-identified|pseudonymi[sz]ed|hashed|encrypted)\b/u;
const CONDITION_WORD =
  /\b(if|when|whenever|where|upon|after|before|until|once|while|required|requires)\b|\b(on|upon|at) (your |our |their )?request\b/u;
const EXAMPLE_WORD = new Set(['such', 'including', 'example', 'eg', 'e', 'like', 'namely']);
const PURPOSE_START = new Set(['to', 'for', 'so']);
/** Kinds of data named as such ("recordings of calls", "IP address", "transcripts"). */
const DATA_NOUN =
  /\b(recordings?|photos?|videos?|images?|messages|contacts|transcripts?|identifiers?|ip address(es)?|e-?mail address(es)?|phone numbers?|postal address(es)?|location|logs?|cookies?|biometric|fingerprints?)\b/u;
/** The user's own data named in words ("information about your interactions", "your prompts"). */
const USERS_DATA =
  /\b(your|users'?|customers'?|members'?)\b[^,;]{0,30}\b(information|data|interactions|requests|prompts|content|messages|history|activity|details|records|feedback|photos|videos|recordings|files|contacts)\b/u;
const DATA_TOPICS = new Set([...SENSITIVE_DATA, 'location', 'financial', 'contact']);
const FUNCTION_WORD = new Set(
  'the and for with your our their its you they this that these those may might can could will would shall should also some certain other such any all more most which who are been being was were does did has have had them from into about way same both'.split(
    ' ',
  ),
);
