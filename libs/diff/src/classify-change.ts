import { severityRank } from '@fineprint/contracts';

import {
  BULK_SENTENCES,
  bulkOf,
  byImportance,
  kindsOf,
  severityRuleOf,
  topicsOfChange,
} from './change-severity';
import { ChangeStatements } from './change-statements';
import { renamedChoice, sameChoice, sameMenuPath } from './choice-survives';
import {
  featureGoneFromContext,
  listedUnderRemoved,
  namedGoneFromContext,
  REMOVED_LABEL,
  topicFromContext,
} from './choice-from-context';
import { ClassifyContext, type ClassifyOptions } from './classify-context';
import { classifyFrench } from './classify-french';
import { type Side } from './classify.types';
import { dataItems, goesWithTheBusiness } from './clause-data';
import { CHOICE_TOPICS, type Meaning, rightKinds, SENSITIVE_DATA } from './clause-meaning';
import {
  count,
  keeps,
  listSeparators,
  meaningWordChanged,
  namesGrew,
  ONLY_LIMIT,
  PROMISE_FAMILIES,
  promiseForNowOnly,
  sharesLive,
  weakenedPromise,
  WIDER_SCOPE,
} from './compare-readings';
import { type ChangeTag, type Classification, type DiffResult, type Severity } from './diff.types';
import { readsAsEnglish, readsAsFrench } from './language';
import { DEFAULT_SEVERITY, REMOVAL_OF } from './lexicon';
import { listItemRules } from './list-item-rules';
import { KEPT_AWAY, localChoiceFromContext } from './local-choice';
import { topicFromDefinition } from './meaning-from-context';
import { pairSentences } from './pair-sentences';
import { matches, withScanMemo } from './pattern-gate';
import { EXPANDING, key, NARROWER_KIND, NEW_CATEGORY, PURPOSE_TOPICS, WIDER_KIND } from './practice-kinds';
import { readAnswers, readSides } from './read-sides';
import { isRetention, retentionAcross, retentionBoth, retentionDelta } from './retention-compare';
import { safeguardsOf, stillStated } from './safeguards';
import { answerCellFlip, soldOrSharedColumn } from './table-cells';
import { TagSet } from './tag-set';

export { type ClassifyOptions, SHIPPED_MODEL } from './classify-context';

/**
 * A promise about voice, faces, health, children or AI training that a rewrite (not a mass removal:
 * the new text has sentences of its own) no longer makes anywhere: the rewrite's cap on removals
 * does not hide it ("we generally do not store the contents of voice calls" gone from a rewrite).
 */
function promiseOnSensitiveData(
  t: ChangeTag,
  addedSentences: number,
  topicsOf: (text: string) => readonly string[],
): boolean {
  return (
    t.kind === 'promise-withdrawn' &&
    t.topic !== null &&
    addedSentences >= BULK_SENTENCES &&
    // (the promise's own topic, or sensitive data its sentence names: "users under 18 … not
    // disclosed to advertising partners" is a promise about children's data)
    (SENSITIVE_PROMISES.has(t.topic) ||
      t.citations.some((c) => topicsOf(c.text).some((x) => SENSITIVE_PROMISES.has(x))))
  );
}
/**
 * A choice removed in a rewrite (not a mass removal) that the whole new version no longer offers:
 * `choiceSurvives` looked for it there (by name, and as any choice over the same data), so the
 * rewrite's cap, meant for a statement that may live on in other words, does not hide it.
 */
function choiceGoneFromRewrite(t: ChangeTag, addedSentences: number, newVersionRead: boolean): boolean {
  return t.kind === 'opt-out-removed' && newVersionRead && addedSentences >= BULK_SENTENCES;
}
const SENSITIVE_PROMISES = new Set([
  'voice-recordings',
  'biometrics',
  'health',
  'children',
  'ai-training',
  'communications-content',
]);

/** The topic of a kind of recipient a sentence newly names. */
const RECIPIENT_TOPIC: Partial<Record<string, string | null>> = {
  authorities: 'law-enforcement',
  'business-transfer': 'business-transfer',
  'service-providers': 'service-providers',
  international: 'international-transfer',
  'third-parties': null,
};

/** A choice said to be fixed by pointing back at it ("This can't be switched off"). */
const IT_CANNOT_BE_OFF =
  /^\W*(this|that|it|these|they) (can't|cannot|can not|won't|will not) be (switched|turned|toggled) off\b/u;
/** A line that lists data under a label ("Health and fitness: heart rate, steps, sleep stages"). */
const DATA_LINE = /^\W*[^.:;]{2,40}:\s*[^.]*,[^.]*$/u;

/** A setting on, or off, unless the user changes it. */
const ON_BY_DEFAULT = /\b(on|enabled|turned on|switched on|active|checked) by default\b|\bdefaults? to on\b/u;
const OFF_BY_DEFAULT =
  /\b(off|disabled|turned off|switched off|inactive|unchecked) by default\b|\bdefaults? to off\b/u;
/** A setting's label before a dash or colon ("Share Viewing Data with Partners — On by default"). */
const SETTING_LABEL = /^\s*([^—–:-]{3,80}?)\s*[—–:-]\s/u;

/** A business transfer's data disclosed before the deal is made. */
const BEFORE_THE_DEAL =
  /\b(prospective|potential) (buyers?|acquirers?|purchasers?|investors?|successors?|partners?)\b|\bdue diligence\b|\bnegotiat(e|es|ing|ions?)\b/u;
/** Disclosure to authorities without a binding demand. */
const VOLUNTARY_DISCLOSURE =
  /\bgood faith\b|\bwhether or not (it is |they are |such requests? (is|are) )?legally binding\b|\bvoluntar\w*\b|\b(written|simple|informal) requests?\b|\brequests? from (a |the )?(police|law enforcement|government)\b|\bwhen (they|the police|police|officers|authorities|investigators) (ask|request)\b|\binformal requests?\b|\b(we believe|in our (opinion|judgment|judgement))\b[^.;]{0,40}\b(necessary|appropriate|reasonable)\b/u;
/** A disclosure to authorities without a binding demand, stated and not ruled out. */
function voluntaryDisclosure(norm: string): boolean {
  const m = matches(norm, VOLUNTARY_DISCLOSURE) ? VOLUNTARY_DISCLOSURE.exec(norm) : null;
  return (
    m !== null && !/\b(not|never|n't|no)\b[^.;]{0,80}$/u.test(norm.slice(Math.max(0, m.index - 80), m.index))
  );
}
/** Part of what a right covers carved out of it. */
const RIGHT_EXCLUSION =
  /\bnot (covered|included|subject to|eligible)\b|\b(does|do|will|shall) not (apply|extend|cover|include)\b|\bexcept\b|\bexclud(ing|ed|es)\b|\bother than\b|\bonly (applies|covers|extends|includes)\b|\blimited to\b/u;

/** The user's consent asked or required first ("we ask for your consent to", "if you opt in"). */
const OPT_IN =
  /\b(with|ask(s|ing)? for|request(s|ing)?|obtain(s|ing)?|seek(s|ing)?|get|based on|subject to) (your|the user's|users'|their) (explicit |prior |express |separate )?(consent|permission|agreement|opt-in)\b|\bif you (agree|opt in|allow|choose to|consent|give (us )?(your )?(consent|permission))\b|\bonly (with|after|if) (you|your)\b[^.;]{0,20}\b(consent|permission|agree|opt in)/u;
const WITHOUT_CONSENT =
  /\bwithout (your |the user's |their )?(explicit |prior )?(consent|permission|agreement)\b/u;

/**
 * A new collection or use stated only as something the user opts in to: every sentence the tag
 * cites asks for or requires the user's consent first. It is worth a look, not a high alert.
 */
function optInOnly(t: ChangeTag): boolean {
  if (t.kind !== 'new-data-use' && t.kind !== 'new-data-collected') return false;
  return (
    t.citations.length > 0 &&
    t.citations.every((c) => {
      if (c.side !== 'added') return false;
      const text = c.text.toLowerCase().replace(/’/g, "'");
      return OPT_IN.test(text) && !WITHOUT_CONSENT.test(text);
    })
  );
}

/**
 * Says what a change means, by rules a reader can check. Each changed sentence is read as a
 * clause (read-clause.ts) and given its meanings (clause-meaning.ts); a removed sentence is
 * paired with the added sentence that replaced it (pair-sentences.ts) so that a reworded
 * sentence is compared, not read as one removal and one addition. Every tag names its rule and
 * cites its sentences (both sides for a pair); severity comes from lexicon/severity.json.
 */
export function classifyChange(diff: DiffResult, options: ClassifyOptions = {}): Classification {
  // (the rules ask about each sentence in several passes: its gate scan is remembered for the call)
  return withScanMemo(() => classify(diff, options));
}

function classify(diff: DiffResult, options: ClassifyOptions): Classification {
  if (diff.identical)
    return {
      severity: 'cosmetic',
      severityRule: 'identical',
      cosmetic: false,
      tags: [],
      topics: [],
      kinds: [],
    };
  if (diff.cosmetic)
    return {
      severity: 'cosmetic',
      severityRule: 'cosmetic-only',
      cosmetic: true,
      tags: [],
      topics: [],
      kinds: [],
    };

  // French has a reader of its own (read-french.ts); the other rules read English: a change in
  // another language is a change whose meaning is not read (said as such, at low), not a
  // misreading of words that look English ("cookies")
  const changed = [...diff.sentences.removed, ...diff.sentences.added];
  if (readsAsFrench(changed, options.afterText)) return classifyFrench(diff, options);
  if (!readsAsEnglish(changed))
    return {
      severity: 'low',
      severityRule: 'meaning-not-read-not-english',
      cosmetic: false,
      tags: [],
      topics: [],
      kinds: [],
    };

  const ctx = new ClassifyContext(diff, options);
  const { removed, added } = readSides(ctx);
  const { linesOf } = ctx;
  const readingOf = (t: string) => ctx.readingOf(t);
  const rulesOf = (t: string) => ctx.rulesOf(t);
  readAnswers(ctx, removed, added);
  topicFromContext(removed, linesOf.removed, readingOf);
  topicFromContext(added, linesOf.added, readingOf);
  // ("This can't be switched off" about nothing its context names, strictly necessary cookies
  // included, is no choice gone)
  for (const s of [...removed, ...added])
    if (s.meanings.length && IT_CANNOT_BE_OFF.test(s.reading.norm))
      s.meanings = s.meanings.filter((m) => !(m.rule === 'choice-announced-gone' && m.topic === null));
  featureGoneFromContext(added, linesOf.added);
  // (only where the change shows a "Removed" label at all)
  if (diff.hunks.some((h) => h.lines.some((l) => REMOVED_LABEL.test(l.ops[0]?.text ?? ''))))
    listedUnderRemoved(added, linesOf.added);
  namedGoneFromContext(added, removed, options.afterText, readingOf);
  topicFromDefinition(removed);
  topicFromDefinition(added);
  localChoiceFromContext(removed, linesOf.removed);
  localChoiceFromContext(added, linesOf.added);
  listItemRules(ctx, removed, added);
  // a table row whose answer cell flipped ("| Data sold | No |" → "| Data sold | Yes: … |") is
  // the same row, however few words the two share
  for (const r of removed) {
    if (r.partner || !r.reading.text.trimStart().startsWith('|')) continue;
    const a = added.find((x) => !x.partner && answerCellFlip(r.reading.text, x.reading.text) !== null);
    if (a) {
      r.partner = a;
      a.partner = r;
    }
  }
  const freeRemoved = removed.some((r) => r.partner) ? removed.filter((r) => !r.partner) : removed;
  const freeAdded = added.some((a) => a.partner) ? added.filter((a) => !a.partner) : added;
  for (const p of pairSentences(
    freeRemoved.map((r) => r.reading.words),
    freeAdded.map((a) => a.reading.words),
  )) {
    const r = freeRemoved[p.removed] as Side;
    const a = freeAdded[p.added] as Side;
    r.partner = a;
    a.partner = r;
  }
  // a promise or a limit that became longer (an exception or more cases added) shares too few
  // words with its old self for the pairing above: such a sentence is paired with the added
  // sentence that keeps most of its words and adds the exception or drops the limit
  // (candidates come from an index of the unpaired added sentences' words: those holding the
  // removed sentence's rarest word)
  let withWord: Map<string, Side[]> | null = null;
  for (const r of removed) {
    if (r.partner || r.reading.words.length === 0 || r.reading.words.length > 60) continue;
    const promise = r.reading.acts.some((x) => x.negated && PROMISE_FAMILIES.has(x.family));
    const limited = matches(r.reading.norm, ONLY_LIMIT);
    // (a sentence that states a practice and was extended: "we collect your location when you
    // open the app" → "… your precise location in the background, including when the app is
    // closed, … and to understand how you travel" keeps its words but doubles its length)
    // (or a right, however short, that got an exception: "you may ask us to delete any information
    // we hold" → "… information you provided; what we inferred is not covered")
    const rightOnly = r.meanings.length > 0 && r.meanings.every((m) => m.kind === 'rights-added');
    const extendable = r.meanings.length > 0 && (r.reading.words.length >= 6 || rightOnly);
    if (!promise && !limited && !extendable) continue;
    if (!withWord) {
      withWord = new Map();
      for (const x of added)
        if (!x.partner && x.reading.words.length <= 120)
          for (const w of x.reading.words) {
            const list = withWord.get(w);
            // (each sentence once per word: a word met again in it finds it last in its list)
            if (!list) withWord.set(w, [x]);
            else if (list[list.length - 1] !== x) list.push(x);
          }
    }
    let candidates: Side[] = [];
    let absent = 0;
    for (const w of r.reading.words) {
      const list = withWord.get(w);
      if (!list) absent++;
      else if (candidates.length === 0 || list.length < candidates.length) candidates = list;
    }
    // (an extension keeps 80% of the words: with more missing from every added sentence, or only
    // words so common that many sentences hold them, there is no such sentence worth the search)
    if (!promise && !limited && (absent > 0.2 * r.reading.words.length || candidates.length > 64)) continue;
    const a = candidates.find(
      (x) =>
        !x.partner &&
        ((promise && weakenedPromise(r.reading, x.reading)) ||
          (limited && keeps(r.reading, x.reading, 0.6) && !matches(x.reading.norm, ONLY_LIMIT)) ||
          (extendable &&
            x.meanings.length > 0 &&
            x.reading.words.length <= (rightOnly ? 3 : 2) * r.reading.words.length + 4 &&
            keeps(r.reading, x.reading, 0.8))),
    );
    if (!a) continue;
    r.partner = a;
    a.partner = r;
  }
  // a veto holds only where both sides of a pair agree: a reworded sentence keeps one reading
  for (const s of [...removed, ...added]) if (s.vetoed && (!s.partner || s.partner.vetoed)) s.meanings = [];

  const tags = new TagSet();
  const tag = (kind: string | null, topic: string | null, rule: string, ...sides: Side[]) =>
    tags.add(kind, topic, rule, ...sides);

  const st = new ChangeStatements(ctx, removed, added);
  const { addedSays, removedSaid, addedRights, addedRightKinds, removedRights } = st;
  const { announcedGone } = st;
  const sameRightSaid = (s: Side, m: Meaning, rights: Set<string>) => st.sameRightSaid(s, m, rights);
  const afterFlat = () => ctx.afterFlat();
  const rightGoneFromRewrite = (t: ChangeTag) => st.rightGoneFromRewrite(t);

  // pairs: compare the two readings
  for (const r of removed) {
    const a = r.partner;
    if (!a) continue;
    // a limit dropped ("we only disclose … with a warrant" → "we disclose … when asked"), or the
    // scope widened ("your location while you use the map" → "your precise location, even when the
    // app is closed"): the practice the new sentence states is news though the old one stated it too
    const widened =
      (matches(r.reading.norm, ONLY_LIMIT) && !matches(a.reading.norm, ONLY_LIMIT)) ||
      (matches(a.reading.norm, WIDER_SCOPE) && !matches(r.reading.norm, WIDER_SCOPE));
    // AI training named for more products or models than before, the old ones kept ("to train
    // Google's language models and build features like Google Translate" → "… AI models and build
    // products and features, like Google Translate, Bard and Cloud AI"); a product renamed is not
    const aiWider =
      a.meanings.some((m) => m.kind === 'new-data-use' && m.topic === 'ai-training') &&
      r.meanings.some((m) => m.kind === 'new-data-use' && m.topic === 'ai-training') &&
      // (not the name of a setting the new sentence offers: "unless you turn off "Help improve AI"")
      !a.meanings.some((m) => m.kind === 'opt-out-added') &&
      namesGrew(r.reading.text, a.reading.text);
    if (aiWider) tag('new-data-use', 'ai-training', 'pair:ai-scope-widened', r, a);
    // the same sharing with more recipients named ("with our fuel partner, Petrolink" → "… and our
    // travel partner, Wanderly Holidays")
    if (
      !aiWider &&
      a.reading.words.length <= 60 &&
      !a.reading.text.includes('<br>') &&
      namesGrew(r.reading.text, a.reading.text, RECIPIENT_CUE) &&
      r.meanings.some((m) => m.kind === 'sharing-expanded')
    )
      for (const m of a.meanings)
        if (m.kind === 'sharing-expanded') tag(m.kind, m.topic, 'pair:more-recipients-named', r, a);
    // a setting turned on by default where it was off ("Share Viewing Data with Advertising
    // Partners — Off by default" → "— On by default"): what its label says the service does is
    // now done for everyone who does not switch it off
    if (matches(a.reading.norm, ON_BY_DEFAULT) && matches(r.reading.norm, OFF_BY_DEFAULT)) {
      const label = SETTING_LABEL.exec(a.reading.text.replace(/[*_`|]/gu, ' ').trim())?.[1];
      if (label)
        for (const m of rulesOf(`We ${label.trim().toLowerCase()}.`))
          if (EXPANDING.includes(m.kind)) tag(m.kind, m.topic, 'pair:on-by-default', r, a);
    }
    // a table row whose answer turned from no to yes, or back ("| Data sold | No |" → "| Data sold |
    // Yes: … sold to data partners |"): what the row says is now done, or no longer
    const flip = answerCellFlip(r.reading.text, a.reading.text);
    if (flip === 'yes')
      for (const m of a.meanings)
        if (EXPANDING.includes(m.kind)) tag(m.kind, m.topic, 'pair:row-answer-yes', r, a);
    if (flip === 'no')
      for (const m of r.meanings) {
        const less = REMOVAL_OF[m.kind];
        if (less && EXPANDING.includes(m.kind)) tag(less, m.topic, 'pair:row-answer-no', r, a);
      }
    // a kind of recipient the old sentence did not name ("to the clinics you choose and to our
    // service providers" → "…, and to insurance companies that may tailor their offerings")
    const newRecipients = a.reading.recipients.filter((x) => !r.reading.recipients.includes(x));
    if (
      newRecipients.length &&
      sharesLive(r.reading) &&
      sharesLive(a.reading) &&
      keeps(r.reading, a.reading, 0.8)
    ) {
      const sensitive = a.reading.topics.find((t) => SENSITIVE_DATA.includes(t));
      for (const x of newRecipients) {
        const topic =
          x === 'service-providers' ? 'service-providers' : (sensitive ?? RECIPIENT_TOPIC[x] ?? null);
        tag('sharing-expanded', topic, 'pair:recipients-grew', r, a);
      }
    }
    // the recipients now using the data for their own ends ("… with the hotel you book with" → "…,
    // and with the retailers in our rewards programme, which may use it for their own purposes")
    if (
      matches(a.reading.norm, OWN_PURPOSES) &&
      !matches(r.reading.norm, OWN_PURPOSES) &&
      r.meanings.some((m) => m.kind === 'sharing-expanded')
    )
      for (const m of a.meanings)
        if (m.kind === 'sharing-expanded') tag(m.kind, m.topic, 'pair:recipients-own-purposes', r, a);
    // tracking by a technology the old sentence did not name ("analytics cookies" → "analytics
    // cookies, together with a session-recording tool that captures your mouse movements")
    if (
      r.meanings.some((m) => m.kind === 'tracking-added') &&
      a.meanings.some((m) => m.kind === 'tracking-added')
    ) {
      const had = trackingTech(r.reading.norm);
      if (trackingTech(a.reading.norm).some((t) => !had.includes(t))) {
        tag('tracking-added', 'cookies-tracking', 'pair:more-tracking', r, a);
        // (used by advertisers themselves: what they get from the service grew)
        if (a.meanings.some((m) => m.kind === 'sharing-expanded' && m.topic === 'advertising'))
          tag('sharing-expanded', 'advertising', 'pair:more-tracking-by-advertisers', r, a);
      }
    }
    // the scope narrowed: the wider words gone, or "only" added ("in the background, even when the
    // app is closed" → "only while the app is open"): the practice the old sentence stated is less
    const narrowed =
      (matches(r.reading.norm, WIDER_SCOPE) && !matches(a.reading.norm, WIDER_SCOPE)) ||
      (matches(a.reading.norm, ONLY_LIMIT) && !matches(r.reading.norm, ONLY_LIMIT));
    if (narrowed && !widened)
      for (const m of r.meanings) {
        const less = NARROWER_KIND[m.kind];
        if (less && a.meanings.some((x) => x.kind === m.kind || x.kind === less))
          tag(less, m.topic, 'pair:scope-narrowed', r, a);
      }
    // rights named in a list, one of them gone ("a copy, correct it, or have it erased" → "a copy or
    // correct it")
    if (
      r.meanings.some((m) => m.kind === 'rights-added') &&
      a.meanings.some((m) => m.kind === 'rights-added')
    ) {
      const kept = new Set(rightKinds(a.reading.norm));
      const lost = rightKinds(r.reading.norm).filter(
        (k) => k !== 'right' && !kept.has(k) && !addedRightKinds.has(k),
      );
      if (lost.length)
        tag('rights-reduced', lost.includes('delete') ? 'deletion' : null, 'pair:right-dropped', r, a);
    }
    // a right with part of the data carved out ("delete any personal information we hold" → "…
    // information you have provided; information we have inferred is not covered")
    if (
      r.meanings.some((m) => m.kind === 'rights-added') &&
      a.meanings.some((m) => m.kind === 'rights-added') &&
      matches(a.reading.norm, RIGHT_EXCLUSION) &&
      !matches(r.reading.norm, RIGHT_EXCLUSION) &&
      keeps(r.reading, a.reading, 0.5)
    )
      tag(
        'rights-reduced',
        rightKinds(r.reading.norm).includes('delete') ? 'deletion' : null,
        'pair:right-carved-out',
        r,
        a,
      );
    // a right named in addition ("access to, and correction of" → "access to, correction of, and
    // deletion of")
    if (
      r.meanings.some((m) => m.kind === 'rights-added') &&
      a.meanings.some((m) => m.kind === 'rights-added')
    ) {
      const had = new Set(rightKinds(r.reading.norm));
      const gained = rightKinds(a.reading.norm).filter((k) => k !== 'right' && !had.has(k));
      if (gained.length)
        tag('rights-added', gained.includes('delete') ? 'deletion' : null, 'pair:right-named', r, a);
    }
    // data disclosed before a deal is made ("… transferred to the successor" → "… disclosed to
    // prospective acquirers and investors during negotiations and due diligence")
    if (
      goesWithTheBusiness(r.reading) &&
      goesWithTheBusiness(a.reading) &&
      matches(a.reading.norm, BEFORE_THE_DEAL) &&
      !matches(r.reading.norm, BEFORE_THE_DEAL)
    )
      tag('sharing-expanded', 'business-transfer', 'pair:before-the-deal', r, a);
    // disclosure to authorities without a binding demand ("where required by law" → "…, or where
    // we believe in good faith that disclosure is appropriate, whether or not it is legally binding")
    if (
      a.reading.recipients.includes('authorities') &&
      r.reading.recipients.includes('authorities') &&
      voluntaryDisclosure(a.reading.norm) &&
      !voluntaryDisclosure(r.reading.norm)
    )
      tag('sharing-expanded', 'law-enforcement', 'pair:disclosure-bar-lowered', r, a);
    // a collection that now names more data ("your steps, distance and sleep" → "… your sleep, your
    // heart rate and your blood oxygen level"): new categories of data collected
    if (
      !widened &&
      r.meanings.some((m) => m.kind === 'new-data-collected') &&
      // (all of the old list kept: a list that swapped one item for others is no wider)
      keeps(r.reading, a.reading, 0.95) &&
      (dataItems(a.reading) > dataItems(r.reading) ||
        // (or a longer list of sensitive data, not of purposes: "… and to power Smart Reply")
        (listSeparators(a.reading.norm) >= listSeparators(r.reading.norm) + 2 &&
          a.reading.topics.some((t) => SENSITIVE_DATA.includes(t)) &&
          count(a.reading.norm, ' to ') <= count(r.reading.norm, ' to ')))
    )
      for (const m of a.meanings)
        if (m.kind === 'new-data-collected') tag(m.kind, m.topic, 'pair:more-data-collected', r, a);
    // a collection that now names less data ("heart rate, steps, sleep stages, skin temperature"
    // → "heart rate, steps, sleep stages"): data no longer collected
    if (
      !widened &&
      r.meanings.some((m) => m.kind === 'new-data-collected') &&
      a.meanings.some((m) => m.kind === 'new-data-collected') &&
      keeps(a.reading, r.reading, 0.95) &&
      listSeparators(r.reading.norm) >= listSeparators(a.reading.norm) + 1 &&
      r.reading.words.length > a.reading.words.length &&
      // (a line listing data, "Health and fitness: heart rate, steps, …", not prose reworded shorter)
      r.reading.words.length <= 30 &&
      DATA_LINE.test(r.reading.text)
    )
      for (const m of r.meanings)
        if (m.kind === 'new-data-collected')
          tag('data-collection-reduced', m.topic, 'pair:less-data-collected', r, a);
    // (a "Yes" or "No" is no word that carries meaning: read before the test below)
    // a table row whose "Sold or shared?" (or "Disclosed to third parties?") cell went from "No" to
    // something else, or back: the column's header says what the cell means
    const column = soldOrSharedColumn(
      r.reading.text,
      a.reading.text,
      linesOf.added.tableHeader(a.reading.text),
    );
    if (column) for (const topic of column.topics) tag(column.kind, topic, 'pair:table-column', r, a);
    // reworded without touching a word that carries meaning (bullets, markup, a name, spacing)
    if (
      !widened &&
      !narrowed &&
      !meaningWordChanged(r.reading, a.reading) &&
      // (a line moved under a changelog's "Removed" label keeps its words and changes its meaning)
      !a.meanings.some((m) => m.rule === 'choice-listed-removed')
    )
      continue;
    if (widened) {
      for (const m of a.meanings)
        if (
          EXPANDING.includes(m.kind) &&
          r.meanings.some((x) => x.kind === m.kind || REMOVAL_OF[x.kind] === m.kind)
        )
          tag(m.kind, m.topic, 'pair:limit-dropped', r, a);
      // a practice stated as limited on both sides ("will only disclose … if we receive a court
      // order" → "may disclose … when they ask, or if we receive a court order"): with "only"
      // gone, what the old sentence limited is wider now
      if (matches(r.reading.norm, ONLY_LIMIT) && !matches(a.reading.norm, ONLY_LIMIT))
        for (const m of r.meanings) {
          const wider = WIDER_KIND[m.kind];
          if (wider && a.meanings.some((x) => x.kind === m.kind && x.topic === m.topic))
            tag(wider, m.topic, 'pair:limit-dropped', r, a);
        }
    }
    // a disclosure's legal condition dropped ("… as required or permitted by law, including
    // disclosing information to government authorities" → "…, including disclosing information to
    // government authorities"): the safeguard it promised is gone
    if (
      matches(r.reading.norm, LEGAL_CONDITION) &&
      !matches(a.reading.norm, LEGAL_CONDITION) &&
      r.meanings.some((m) => m.kind === 'sharing-expanded') &&
      a.meanings.some((m) => m.kind === 'sharing-expanded')
    )
      for (const m of a.meanings)
        if (m.kind === 'sharing-expanded')
          tag('promise-withdrawn', m.topic, 'pair:legal-condition-dropped', r, a);
    // a limit whose list of conditions grew ("only in response to a warrant or court order" → "…
    // a warrant, court order, subpoena or other legal request"): what it limited is wider now
    if (
      !widened &&
      matches(r.reading.norm, ONLY_LIMIT) &&
      matches(a.reading.norm, ONLY_LIMIT) &&
      keeps(r.reading, a.reading, 0.9) &&
      listSeparators(a.reading.norm) > listSeparators(r.reading.norm) &&
      a.reading.words.length > r.reading.words.length
    )
      for (const m of r.meanings) {
        // (a limited disclosure read as the disclosure itself stays that, now wider: "only when
        // they show a warrant or a court order")
        const wider = WIDER_KIND[m.kind] ?? (m.kind === 'sharing-expanded' ? m.kind : undefined);
        if (wider && a.meanings.some((x) => x.kind === m.kind && x.topic === m.topic))
          tag(wider, m.topic, 'pair:conditions-added', r, a);
      }
    // a commitment to delete (or to honour a right) hedged: "we'll delete … within 30 days" →
    // "we may delete … within a reasonable time"
    if (
      (((r.reading.modality === 'will' || r.reading.modality === 'must') && a.reading.modality === 'may') ||
        (matches(a.reading.norm, MAY_DECLINE) && !matches(r.reading.norm, MAY_DECLINE))) &&
      (r.reading.topics.includes('deletion') || r.meanings.some((m) => m.kind === 'rights-added')) &&
      keeps(r.reading, a.reading, 0.6)
    )
      tag(
        'rights-reduced',
        r.reading.topics.includes('deletion') || rightKinds(r.reading.norm).includes('delete')
          ? 'deletion'
          : null,
        'pair:commitment-hedged',
        r,
        a,
      );
    // a promise weakened by an exception ("we never sell your data, except …"), or made to hold
    // only for now ("we have never sold your data and never will" → "we do not currently sell it")
    if (weakenedPromise(r.reading, a.reading) || promiseForNowOnly(r.reading, a.reading))
      tag(
        'promise-withdrawn',
        r.meanings.find((m) => m.topic !== null)?.topic ??
          r.reading.topics.find((t) => CHOICE_TOPICS.includes(t) || t === 'sale-of-data') ??
          null,
        'pair:promise-weakened',
        r,
        a,
      );
    const before = new Set(r.meanings.map(key));
    const after = new Set(a.meanings.map(key));
    // a list of choices that lost its keep-it-local option ("save recordings, delete them, or
    // keep all speech on this device" → "save recordings or delete them")
    const dropped = a.meanings.some((m) => m.kind === 'opt-out-added')
      ? r.meanings.find((m) => m.kind === 'opt-out-added')
      : undefined;
    if (
      dropped &&
      matches(r.reading.norm, LOCAL_OPTION) &&
      !matches(a.reading.norm, LOCAL_OPTION) &&
      // (nor kept in other words: "the audio never goes to Amazon's cloud")
      !matches(a.reading.norm, KEPT_AWAY)
    )
      tag('opt-out-removed', dropped.topic, 'pair:option-dropped', r, a);
    // a practice the old sentence stated that the new one denies ("we may sell or rent … lists" →
    // "we don't sell or rent … to anyone"), where both sentences read as the same limit
    for (const x of r.reading.acts) {
      const narrower = FLIPPED_KIND[x.family];
      if (!narrower || x.negated) continue;
      if (!a.reading.acts.some((y) => y.family === x.family && y.negated)) continue;
      for (const m of a.meanings)
        if (m.kind === narrower && before.has(key(m))) tag(m.kind, m.topic, 'pair:polarity-flipped', r, a);
    }
    for (const m of a.meanings)
      if (
        !before.has(key(m)) &&
        !removedSaid.has(key(m)) &&
        !retentionBoth(r, a, m) &&
        // (sensitive data the old sentence named and put to use already: "… and to improve our
        // services, including by training our models" → "… and to improve our services")
        !(
          m.rule === 'sensitive-data-used' &&
          r.reading.topics.includes(m.topic ?? '') &&
          r.meanings.some((x) => x.kind === m.kind || (x.topic === m.topic && EXPANDING.includes(x.kind)))
        )
      ) {
        tag(m.kind, m.topic, `pair:${m.rule}`, r, a);
        // sensitive data both sentences name, put to a new purpose ("your precise location … and
        // to send you personalised offers"): a new use of that data too
        if (
          (m.kind === 'new-data-use' || m.kind === 'tracking-added') &&
          PURPOSE_TOPICS.includes(m.topic ?? '')
        )
          for (const t of a.reading.topics)
            if (SENSITIVE_DATA.includes(t) && r.reading.topics.includes(t))
              tag('new-data-use', t, 'pair:sensitive-data-new-purpose', r, a);
      }
    // a right, or a commitment, made to hold only where a law or the user's residence requires it
    // ("delete your personal information" → "…, if you live in California or Virginia"; "we will
    // notify you within 72 hours" → "we will notify you where required by applicable law")
    if (
      matches(a.reading.norm, LAW_OR_RESIDENCE) &&
      !matches(r.reading.norm, LAW_OR_RESIDENCE) &&
      keeps(r.reading, a.reading, 0.5) &&
      !a.meanings.some((m) => m.kind === 'rights-reduced' || m.kind === 'promise-withdrawn') &&
      // (a right the old sentence took away, given now under local law, is no right reduced:
      // "binding arbitration, and you waive …" → "… the courts where you live, and nothing limits …")
      !r.meanings.some((m) => m.kind === 'rights-reduced')
    ) {
      const right =
        r.meanings.find((m) => m.kind === 'rights-added') ??
        a.meanings.find((m) => m.kind === 'rights-added');
      if (right)
        tag(
          'rights-reduced',
          right.topic ?? (rightKinds(r.reading.norm).includes('delete') ? 'deletion' : null),
          'pair:right-made-conditional',
          r,
          a,
        );
      else if (COMMITMENT.test(r.reading.norm))
        tag('promise-withdrawn', r.reading.topics[0] ?? null, 'pair:commitment-made-conditional', r, a);
    }
    for (const m of r.meanings) {
      // (a choice its new sentence announces gone, "Removed" / "The Local-only voice toggle …")
      if (
        m.kind === 'opt-out-added' &&
        a.meanings.some(
          (x) => x.kind === 'opt-out-removed' && x.rule === 'choice-announced-gone' && x.topic === m.topic,
        )
      ) {
        tag('opt-out-removed', m.topic, 'pair:choice-announced-gone', r, a);
        continue;
      }
      // (a choice is the same choice only where its object is: keeping voice on the device is not
      // choosing how long recordings are kept, though both are choices about voice recordings)
      const kept =
        m.kind === 'opt-out-added'
          ? a.meanings.some((x) => x.kind === m.kind && x.topic === m.topic && sameChoice(m.object, x.object))
          : after.has(key(m));
      if (kept || retentionBoth(r, a, m)) continue;
      if (
        m.kind === 'opt-out-added'
          ? st.choiceSurvives(r, m) || renamedChoice(r, a, m) || sameMenuPath(r, a)
          : addedSays.has(key(m))
      )
        continue;
      // same statement, another topic: the addition says it (a choice to keep data on the device
      // only if the addition keeps it there too)
      if (
        a.meanings.some(
          (x) => x.kind === m.kind && (!m.object.endsWith(':local') || x.object.endsWith(':local')),
        )
      )
        continue;
      // the replacement says nothing a rule reads: a rewording lost the cue, not the practice
      // (a choice is the exception: "turn on X" replaced by "requests are processed in the cloud")
      // (unless the new sentence is the old one cut short: "…, and we will not use … to serve them
      // targeted advertising" dropped from the end of a sentence)
      if (
        a.meanings.length === 0 &&
        m.kind !== 'opt-out-added' &&
        !(a.reading.words.length <= 0.75 * r.reading.words.length && keeps(a.reading, r.reading, 0.9))
      )
        continue;
      const kind = REMOVAL_OF[m.kind];
      if (kind === 'promise-withdrawn' && stillStated(r, afterFlat)) continue;
      if (kind) tag(kind, m.topic, `pair:removed-${m.rule}`, r, a);
    }
    // the same practice now covers more sensitive data ("text chats" → "text chats and voice recordings")
    const newData = a.reading.topics.filter(
      (t) => SENSITIVE_DATA.includes(t) && !r.reading.topics.includes(t),
    );
    if (newData.length)
      for (const m of a.meanings)
        if (EXPANDING.includes(m.kind)) {
          tag(m.kind, m.topic, 'pair:more-data-covered', r, a);
          for (const t of newData) tag(m.kind, t, 'pair:more-data-covered', r, a);
        }
    // (a period in a list keeps its meaning from the sentence that introduces the list:
    // "We keep your information for the periods below: - Order history: 12 months")
    // (or a row of a table whose header says how long: "| Data | How long we keep it |")
    const delta = retentionDelta(r.reading, a.reading, () => {
      const intro = linesOf.removed.listIntro(r.reading.text);
      if (intro !== null && isRetention(readingOf(intro))) return true;
      const header = linesOf.added.tableHeader(a.reading.text);
      return header !== null && isRetention(readingOf(header.join(', ')));
    });
    if (delta) tag(delta, null, 'pair:duration-compared', r, a);
  }

  // a right the company may now turn down ("… and we will delete it" → "we will consider your
  // request, and may decline it"), whether or not the two sentences were paired
  for (const a of added) {
    if (!matches(a.reading.norm, MAY_DECLINE) || !a.meanings.some((m) => m.kind === 'rights-added')) continue;
    const kinds = rightKinds(a.reading.norm);
    const r = removed.find(
      (x) =>
        (x.partner === null || x.partner === a) &&
        x.meanings.some((m) => m.kind === 'rights-added') &&
        !matches(x.reading.norm, MAY_DECLINE) &&
        rightKinds(x.reading.norm).some((k) => kinds.includes(k)),
    );
    if (r)
      tag('rights-reduced', kinds.includes('delete') ? 'deletion' : null, 'pair:right-discretionary', r, a);
  }

  // removals with no replacement
  for (const r of removed) {
    if (r.partner) continue;
    for (const m of r.meanings) {
      const kind = REMOVAL_OF[m.kind];
      if (!kind) continue;
      if (kind === 'promise-withdrawn' && stillStated(r, afterFlat)) continue;
      if (
        m.kind === 'opt-out-added'
          ? st.choiceSurvives(r, m)
          : m.kind === 'rights-added'
            ? sameRightSaid(r, m, addedRights)
            : addedSays.has(key(m)) &&
              // (said again only for now: "… and we never will" → "we do not currently sell")
              !(
                kind === 'promise-withdrawn' &&
                added.every(
                  (a) =>
                    !a.meanings.some((x) => key(x) === key(m)) || promiseForNowOnly(r.reading, a.reading),
                )
              )
      )
        continue;
      // a cookie or ad choice removed with the tracking it controlled: the practice left, not the choice
      if (m.kind === 'opt-out-added' && st.trackingLeft(m.topic, r)) {
        tag('tracking-removed', m.topic, 'removed:practice-and-its-choice', r);
        continue;
      }
      tag(kind, m.topic, `removed:${m.rule}`, r);
    }
  }
  // a safeguard the company stated that the new version no longer states ("encrypted at rest and
  // in transit" → "encrypted in transit"; "we will notify you within 72 hours" → "where required by
  // law"; an end-to-end encryption sentence gone): a promise about security withdrawn
  for (const r of removed) {
    const had = safeguardsOf(r.reading);
    if (had.length === 0) continue;
    const kept = r.partner ? new Set(safeguardsOf(r.partner.reading)) : new Set<string>();
    let lost = had.filter((g) => !kept.has(g));
    if (lost.length === 0) continue;
    const stated = ctx.safeguardsAfter();
    lost = lost.filter((g) => !stated.has(g));
    if (lost.length === 0) continue;
    if (r.partner) tag('promise-withdrawn', 'security', 'pair:safeguard-dropped', r, r.partner);
    else tag('promise-withdrawn', 'security', 'removed:safeguard', r);
  }
  // additions with nothing they replace
  for (const a of added) {
    if (a.partner) continue;
    for (const m of a.meanings) {
      if (
        m.kind === 'rights-added'
          ? !sameRightSaid(a, m, removedRights)
          : !removedSaid.has(key(m)) || (m.topic === null && NEW_CATEGORY.has(m.kind) && !st.reworded(a, m))
      ) {
        tag(m.kind, m.topic, `added:${m.rule}`, a);
        continue;
      }
      // the same practice stated again in other words, wider ("your approximate location when you
      // open the store finder" → "your precise location from GPS, also in the background"): the
      // widening is news though the practice was stated before
      if (!EXPANDING.includes(m.kind) || !matches(a.reading.norm, WIDER_SCOPE)) continue;
      const old = removed.find(
        (r) =>
          !r.partner && r.meanings.some((x) => key(x) === key(m)) && !matches(r.reading.norm, WIDER_SCOPE),
      );
      if (old) tag(m.kind, m.topic, 'pair:limit-dropped', old, a);
    }
  }
  // retention durations across the whole change, when no pair compared them
  if (!tags.values().some((t) => t.kind?.startsWith('retention-'))) {
    const delta = retentionAcross(removed, added);
    if (delta) tag(delta.kind, null, 'duration-compared', ...delta.sides);
  }

  // topics touched by unpaired sentences that carry no meaning
  const tagged = new Set(tags.values().flatMap((t) => t.citations.map((c) => c.text)));
  const topicSeen = new Set<string | null>(tags.values().map((t) => t.topic));
  for (const s of [...removed, ...added]) {
    if (s.partner || s.meanings.length || tagged.has(s.reading.text)) continue;
    for (const topic of s.reading.topics)
      if (!topicSeen.has(topic)) {
        topicSeen.add(topic);
        tag(null, topic, 'topic-mentioned', s);
      }
  }

  const list = tags.values().sort(byImportance);
  const topicsOf = new Map<string, string[]>();
  for (const side of [removed, added]) for (const s of side) topicsOf.set(s.reading.text, s.reading.topics);
  const { massRemoval, bulk } = bulkOf(removed.length, added.length);
  let severity: Severity = DEFAULT_SEVERITY.severity;
  let severityRule = DEFAULT_SEVERITY.name;
  for (const t of list) {
    const rule = severityRuleOf(t);
    // a tag only the model found is at most medium: a guess alone never raises a high alert; nor
    // does a sentence that vanished in a bulk rewrite or mass removal (it may live on reworded
    // elsewhere, or the capture lost the page): a reader must look, but it is not a known loss
    const cap =
      rule?.severity !== 'high'
        ? null
        : t.source === 'model'
          ? 'model: at most medium'
          : bulk &&
              t.rule.startsWith('removed:') &&
              !promiseOnSensitiveData(t, added.length, (text) => topicsOf.get(text) ?? []) &&
              !choiceGoneFromRewrite(t, added.length, options.afterText !== undefined && !announcedGone) &&
              !rightGoneFromRewrite(t)
            ? 'bulk rewrite: a removal is at most medium'
            : optInOnly(t)
              ? "only with the user's consent: at most medium"
              : null;
    // a mass removal (most of a page gone, next to nothing added) of lines that are only titles
    // and link texts ("How we share the information we collect"): a capture that lost a menu or a
    // table of contents states no practice, whatever its words name
    const titlesOnly =
      massRemoval &&
      t.rule.startsWith('removed:') &&
      rule !== undefined &&
      t.citations.every((c) => c.side === 'removed' && titleLike(c.text));
    t.severity = titlesOnly ? 'low' : cap ? 'medium' : (rule?.severity ?? DEFAULT_SEVERITY.severity);
    t.severityRule = titlesOnly
      ? `${rule.name} (titles and links only, in a mass removal: low)`
      : cap && rule
        ? `${rule.name} (${cap})`
        : (rule?.name ?? DEFAULT_SEVERITY.name);
    if (severityRank(t.severity) > severityRank(severity)) {
      severity = t.severity;
      severityRule = t.severityRule;
    }
  }
  return {
    severity,
    severityRule,
    cosmetic: false,
    tags: list,
    topics: topicsOfChange(list, topicsOf),
    kinds: kindsOf(list),
  };
}

/** An option that keeps data on the user's device, or away from others. */
const LOCAL_OPTION =
  /\bkeep (\w+ ){0,6}on (the|this|your|their|its|compatible|supported|eligible|select|certain) (own )?(devices?|phones?|echos?|speakers?|watch(es)?|cameras?|computers?)\b|\b(process\w*|handled?|stays?|kept|stored) (\w+ ){0,3}(locally|on (the|this|your|their|its|compatible|supported|eligible|select|certain) (own )?(devices?|phones?|echos?|speakers?|watch(es)?|cameras?|computers?))\b|\bon-device\b/u;

/** A title or a link's text: short, no closing punctuation, no table cell. */
function titleLike(text: string): boolean {
  return !/[.!?;:]["”’)]?\s*$/u.test(text) && !text.includes('|') && text.trim().split(/\s+/u).length <= 12;
}

/** A legal condition on a disclosure, in any of the usual words ("as required by law", "where the law requires it", "in response to a court order", "if we are legally obliged"). */
const LEGAL_CONDITION =
  /\b(required|permitted|authori[sz]ed|compelled|mandated|obliged|obligated) (to do so )?(by|under) (applicable |the |any )?(law|laws|regulations?)\b|\b(the )?laws? (requires?|permits?|compels?|mandates?)\b|\blegally (required|obliged|obligated|compelled|bound)\b|\b(legal|lawful) (obligations?|process|requests?|requirements?|demands?)\b|\b(court orders?|subpoenas?|warrants?|search warrants?)\b|\bto comply with (the |any |applicable |our )?(law|laws|legal)\b|\b(in accordance|consistent) with (the |applicable )?law\b/u;

/** A request the company may now turn down ("we will consider your request, and may decline it"). */
const MAY_DECLINE = /\bmay (decline|refuse|reject|deny|not (honou?r|fulfil|fulfill|act on|grant))\b/u;

/** A condition of law or residence ("if you live in …", "where required by applicable law"). */
const LAW_OR_RESIDENCE =
  /\b(if|where|when|only if|to the extent) (you (live|reside|are a resident)|(it is |this is )?(required|permitted|mandated) by (applicable |local |the )?laws?|(applicable|local|the) laws? (requires?|allows?|permits?|mandates?)( it)?)\b|\bresidents? of\b/u;
/** A commitment the service makes ("we will notify you", "we'll tell you"). */
const COMMITMENT =
  /\bwe (will|'ll|shall|commit to|promise to) (\w+ ){0,2}(notify|tell|inform|let you know|alert|email|delete|erase)\b/u;

/** The kind a practice's act family reads as when a sentence denies it. */
const FLIPPED_KIND: Partial<Record<string, string>> = {
  sell: 'sharing-narrowed',
  share: 'sharing-narrowed',
  use: 'data-use-narrowed',
  train: 'data-use-narrowed',
  collect: 'data-collection-reduced',
  track: 'tracking-removed',
  advertise: 'tracking-removed',
};
/** Recipients using the data for themselves, under their own terms. */
const OWN_PURPOSES =
  /\b(for|to serve) their own (\w+ )?(purposes|uses?|marketing|advertising)\b|\bunder their own (privacy )?(policies|policy|notices?|terms)\b|\bas (independent|separate) (data )?controllers?\b/u;
/** Words just before a recipient's name. */
const RECIPIENT_CUE =
  /\b(with|to|partners?|providers?|affiliates?|compan(y|ies)|vendors?|processors?|advertisers?|networks?)\b[^.;]{0,30}$/iu;

/** The tracking technologies a sentence names. */
function trackingTech(norm: string): string[] {
  return [...norm.matchAll(TRACKING_TECH)].map((m) => (m[1] as string).replace(/s$/u, ''));
}
const TRACKING_TECH =
  /\b(session[- ]recording|session replay|fingerprint|pixel|web beacon|beacon|sdk|advertising cookie|third[- ]party cookie|cross[- ]site|keystroke|mouse movement|local storage|device graph|hashed (?:identifier|e-?mail(?: address)?|contact information|phone number)|advertising id(?:entifier)?)s?\b/gu;
