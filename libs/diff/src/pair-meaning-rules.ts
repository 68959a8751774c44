import { menuPathRenamed, renamedChoice, sameChoice, sameMenuPath } from './choice-survives';
import { CHOICE_TOPICS, CHOICE_VERB, type Meaning, rightKinds, SENSITIVE_DATA } from './clause-meaning';
import { type RuleScope, type Side } from './classify.types';
import {
  keeps,
  listSeparators,
  ONLY_LIMIT,
  promiseForNowOnly,
  usesLive,
  weakenedPromise,
} from './compare-readings';
import { REMOVAL_OF } from './lexicon';
import { KEPT_AWAY } from './local-choice';
import { matches } from './pattern-gate';
import { EXPANDING, key, PURPOSE_TOPICS, WIDER_KIND } from './practice-kinds';
import { isRetention, retentionBoth, retentionDelta } from './retention-compare';
import { stillStated } from './safeguards';

/**
 * A limit dropped or its conditions widened, a legal condition dropped, a commitment hedged, a
 * promise weakened.
 */
export function compareLimitsAndPromises(r: Side, a: Side, widened: boolean, scope: RuleScope): void {
  const { tags } = scope;
  if (widened) {
    for (const m of a.meanings)
      if (
        EXPANDING.includes(m.kind) &&
        r.meanings.some((x) => x.kind === m.kind || REMOVAL_OF[x.kind] === m.kind)
      )
        tags.add(m.kind, m.topic, 'pair:limit-dropped', r, a);
    // a practice stated as limited on both sides ("will only disclose … if we receive a court
    // order" → "may disclose … when they ask, or if we receive a court order"): with "only"
    // gone, what the old sentence limited is wider now
    if (matches(r.reading.norm, ONLY_LIMIT) && !matches(a.reading.norm, ONLY_LIMIT))
      for (const m of r.meanings) {
        const wider = WIDER_KIND[m.kind];
        if (wider && a.meanings.some((x) => x.kind === m.kind && x.topic === m.topic))
          tags.add(wider, m.topic, 'pair:limit-dropped', r, a);
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
        tags.add('promise-withdrawn', m.topic, 'pair:legal-condition-dropped', r, a);
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
        tags.add(wider, m.topic, 'pair:conditions-added', r, a);
    }
  // a commitment to delete (or to honour a right) hedged: "we'll delete … within 30 days" →
  // "we may delete … within a reasonable time"
  if (
    (((r.reading.modality === 'will' || r.reading.modality === 'must') && a.reading.modality === 'may') ||
      (matches(a.reading.norm, MAY_DECLINE) && !matches(r.reading.norm, MAY_DECLINE))) &&
    (r.reading.topics.includes('deletion') || r.meanings.some((m) => m.kind === 'rights-added')) &&
    keeps(r.reading, a.reading, 0.6)
  )
    tags.add(
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
    tags.add(
      'promise-withdrawn',
      r.meanings.find((m) => m.topic !== null)?.topic ??
        r.reading.topics.find((t) => CHOICE_TOPICS.includes(t) || t === 'sale-of-data') ??
        null,
      'pair:promise-weakened',
      r,
      a,
    );
}

/**
 * What the new sentence states that the old one did not: a keep-it-local option dropped, a
 * practice now denied, a new meaning (and a new purpose for sensitive data both name), a right or
 * commitment made conditional on law or residence.
 */
export function compareMeaningsGained(r: Side, a: Side, scope: RuleScope): void {
  const { st, tags } = scope;
  const before = new Set(r.meanings.map(key));
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
    tags.add('opt-out-removed', dropped.topic, 'pair:option-dropped', r, a);
  // a practice the old sentence stated that the new one denies ("we may sell or rent … lists" →
  // "we don't sell or rent … to anyone"), where both sentences read as the same limit
  for (const x of r.reading.acts) {
    const narrower = FLIPPED_KIND[x.family];
    if (!narrower || x.negated) continue;
    if (!a.reading.acts.some((y) => y.family === x.family && y.negated)) continue;
    for (const m of a.meanings)
      if (m.kind === narrower && before.has(key(m))) tags.add(m.kind, m.topic, 'pair:polarity-flipped', r, a);
  }
  for (const m of a.meanings)
    if (
      !before.has(key(m)) &&
      !st.removedSaid.has(key(m)) &&
      !retentionBoth(r, a, m) &&
      !rightWordedAsChoice(m, a, r) &&
      // (a choice that names no data, where the old sentence offered one already: the data it was
      // about came from the old sentence's surroundings)
      !(m.kind === 'opt-out-added' && m.topic === null && r.meanings.some((x) => x.kind === m.kind)) &&
      // (sensitive data the old sentence named and put to use already: "… and to improve our
      // services, including by training our models" → "… and to improve our services")
      !(
        m.rule === 'sensitive-data-used' &&
        r.reading.topics.includes(m.topic ?? '') &&
        r.meanings.some((x) => x.kind === m.kind || (x.topic === m.topic && EXPANDING.includes(x.kind)))
      )
    ) {
      tags.add(m.kind, m.topic, `pair:${m.rule}`, r, a);
      // sensitive data both sentences name, put to a new purpose ("your precise location … and
      // to send you personalised offers"): a new use of that data too
      if (
        (m.kind === 'new-data-use' || m.kind === 'tracking-added') &&
        PURPOSE_TOPICS.includes(m.topic ?? '')
      )
        for (const t of a.reading.topics)
          if (SENSITIVE_DATA.includes(t) && r.reading.topics.includes(t))
            tags.add('new-data-use', t, 'pair:sensitive-data-new-purpose', r, a);
    }
  // sensitive data both sentences put to use, a purpose dropped from the old list ("the facial
  // geometry from your selfie to improve our matching algorithm and to find duplicate accounts" →
  // "… to find duplicate accounts"): that use of the data is narrowed
  if (
    usesLive(r.reading) &&
    usesLive(a.reading) &&
    r.reading.words.length >= a.reading.words.length + 3 &&
    keeps(a.reading, r.reading, 0.95)
  ) {
    const kept = new Set(a.reading.words);
    const dropped = r.reading.words.filter((w) => !kept.has(w));
    if (dropped.some((w) => PURPOSE_WORD.test(w)))
      for (const t of r.reading.topics)
        if (SENSITIVE_DATA.includes(t) && a.reading.topics.includes(t))
          tags.add('data-use-narrowed', t, 'pair:sensitive-data-purpose-dropped', r, a);
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
      r.meanings.find((m) => m.kind === 'rights-added') ?? a.meanings.find((m) => m.kind === 'rights-added');
    if (right)
      tags.add(
        'rights-reduced',
        right.topic ?? (rightKinds(r.reading.norm).includes('delete') ? 'deletion' : null),
        'pair:right-made-conditional',
        r,
        a,
      );
    else if (COMMITMENT.test(r.reading.norm))
      tags.add('promise-withdrawn', r.reading.topics[0] ?? null, 'pair:commitment-made-conditional', r, a);
    else {
      // (a choice made to hold only where the user lives, "you can opt out of the sale …" → "if you
      // live in California, you can opt out …": everyone else has lost it)
      const choice = r.meanings.find((m) => m.kind === 'opt-out-added');
      if (choice && a.meanings.some((m) => m.kind === 'opt-out-added'))
        tags.add('opt-out-removed', choice.topic, 'pair:choice-made-conditional', r, a);
    }
  }
}

/**
 * A right or a choice that held only where a law or the user's residence required it, now stated
 * for everyone ("if you live in the EEA, you can ask us to delete …" → "you can ask us to delete
 * …"): added for everyone else.
 */
export function extendedToEveryone(r: Side, a: Side, scope: RuleScope): void {
  if (
    !matches(r.reading.norm, LAW_OR_RESIDENCE) ||
    matches(a.reading.norm, LAW_OR_RESIDENCE) ||
    !keeps(a.reading, r.reading, 0.8)
  )
    return;
  for (const kind of ['rights-added', 'opt-out-added'])
    if (r.meanings.some((m) => m.kind === kind)) {
      const m = a.meanings.find((x) => x.kind === kind);
      if (m)
        scope.tags.add(
          kind,
          m.topic ??
            (kind === 'rights-added' && rightKinds(a.reading.norm).includes('delete') ? 'deletion' : null),
          'pair:extended-to-everyone',
          r,
          a,
        );
    }
}

/**
 * What the old sentence stated that neither the new one nor the rest of the change still states
 * (a choice still offered elsewhere, or under a new name, is not lost).
 */
export function compareMeaningsLost(r: Side, a: Side, scope: RuleScope): void {
  const { ctx, st, tags } = scope;
  const after = new Set(a.meanings.map(key));
  for (const m of r.meanings) {
    // (a choice its new sentence announces gone, "Removed" / "The Local-only voice toggle …")
    if (
      m.kind === 'opt-out-added' &&
      a.meanings.some(
        (x) => x.kind === 'opt-out-removed' && x.rule === 'choice-announced-gone' && x.topic === m.topic,
      )
    ) {
      tags.add('opt-out-removed', m.topic, 'pair:choice-announced-gone', r, a);
      continue;
    }
    // (a choice is the same choice only where its object is: keeping voice on the device is not
    // choosing how long recordings are kept, though both are choices about voice recordings)
    const kept =
      m.kind === 'opt-out-added'
        ? a.meanings.some((x) => x.kind === m.kind && x.topic === m.topic && sameChoice(m.object, x.object))
        : after.has(key(m)) || rightWordedAsChoice(m, r, a);
    if (kept || retentionBoth(r, a, m)) continue;
    if (
      m.kind === 'opt-out-added'
        ? st.choiceSurvives(r, m) ||
          renamedChoice(r, a, m) ||
          menuPathRenamed(r, a) ||
          // (the same menu path where the new sentence still offers a choice there, not where it
          // only shows something: "Settings > Privacy > Voice Data shows how many …")
          (sameMenuPath(r, a) &&
            (a.reading.acts.some((x) => x.family === 'choice') || matches(a.reading.norm, CHOICE_VERB)))
        : st.addedSays.has(key(m))
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
    // (and a right to delete the new sentence no longer names: "you can delete your account" →
    // "you can deactivate your account")
    if (
      a.meanings.length === 0 &&
      m.kind !== 'opt-out-added' &&
      !(m.kind === 'rights-added' && deletionDropped(r, a)) &&
      !(a.reading.words.length <= 0.75 * r.reading.words.length && keeps(a.reading, r.reading, 0.9))
    )
      continue;
    const kind = REMOVAL_OF[m.kind];
    if (kind === 'promise-withdrawn' && stillStated(r, () => ctx.afterFlat())) continue;
    if (kind) tags.add(kind, m.topic, `pair:removed-${m.rule}`, r, a);
  }
}

/** A right to delete the old sentence names and the new one does not. */
function deletionDropped(r: Side, a: Side): boolean {
  return rightKinds(r.reading.norm).includes('delete') && !rightKinds(a.reading.norm).includes('delete');
}

/** The same practice over more sensitive data, and retention periods compared. */
export function compareDataAndDuration(r: Side, a: Side, scope: RuleScope): void {
  const { ctx, tags } = scope;
  // the same practice now covers more sensitive data ("text chats" → "text chats and voice recordings")
  const newData = a.reading.topics.filter((t) => SENSITIVE_DATA.includes(t) && !r.reading.topics.includes(t));
  if (newData.length)
    for (const m of a.meanings)
      if (EXPANDING.includes(m.kind)) {
        tags.add(m.kind, m.topic, 'pair:more-data-covered', r, a);
        for (const t of newData) tags.add(m.kind, t, 'pair:more-data-covered', r, a);
      }
  // (a period in a list keeps its meaning from the sentence that introduces the list:
  // "We keep your information for the periods below: - Order history: 12 months")
  // (or a row of a table whose header says how long: "| Data | How long we keep it |")
  const delta = retentionDelta(r.reading, a.reading, () => {
    const intro = ctx.linesOf.removed.listIntro(r.reading.text);
    if (intro !== null && isRetention(ctx.readingOf(intro))) return true;
    const header = ctx.linesOf.added.tableHeader(a.reading.text);
    return header !== null && isRetention(ctx.readingOf(header.join(', ')));
  });
  if (delta) tags.add(delta, null, 'pair:duration-compared', r, a);
}

/** A legal condition on a disclosure, in any of the usual words ("as required by law", "where the law requires it", "in response to a court order", "if we are legally obliged"). */
const LEGAL_CONDITION =
  /\b(required|permitted|authori[sz]ed|compelled|mandated|obliged|obligated) (to do so )?(by|under) (applicable |the |any )?(law|laws|regulations?)\b|\b(the )?laws? (requires?|permits?|compels?|mandates?)\b|\blegally (required|obliged|obligated|compelled|bound)\b|\b(legal|lawful) (obligations?|process|requests?|requirements?|demands?)\b|\b(court orders?|subpoenas?|warrants?|search warrants?)\b|\bto comply with (the |any |applicable |our )?(law|laws|legal)\b|\b(in accordance|consistent) with (the |applicable )?law\b/u;
/** A request the company may now turn down ("we will consider your request, and may decline it"). */
export const MAY_DECLINE = /\bmay (decline|refuse|reject|deny|not (honou?r|fulfil|fulfill|act on|grant))\b/u;
/** An option that keeps data on the user's device, or away from others. */
const LOCAL_OPTION =
  /\bkeep (\w+ ){0,6}on (the|this|your|their|its|compatible|supported|eligible|select|certain) (own )?(devices?|phones?|echos?|speakers?|watch(es)?|cameras?|computers?)\b|\b(process\w*|handled?|stays?|kept|stored) (\w+ ){0,3}(locally|on (the|this|your|their|its|compatible|supported|eligible|select|certain) (own )?(devices?|phones?|echos?|speakers?|watch(es)?|cameras?|computers?))\b|\bon-device\b/u;
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
/** A condition of law or residence ("if you live in …", "where required by applicable law", "only users located in …"). */
export const LAW_OR_RESIDENCE =
  /\b(if|where|when|only if|to the extent) (you (live|reside|are a resident|are located|are based)|(it is |this is )?(required|permitted|mandated) by (applicable |local |the )?laws?|(applicable|local|the) laws? (requires?|allows?|permits?|mandates?)( it)?)\b|\bresidents? of\b|\b(users?|customers?|members?|people|individuals|account holders|those)( who are)? (located|living|based|resident|who live|who reside) in\b|\bin (some|certain|many|a few|specific) (jurisdictions|countries|regions|states|markets)\b|\bdepending on (where you (live|reside|are located)|your (region|country|location|jurisdiction|state|place of residence)|(applicable|local) laws?)\b/u;
/** A commitment the service makes ("we will notify you", "we'll tell you"). */
const COMMITMENT =
  /\bwe (will|'ll|shall|commit to|promise to) (\w+ ){0,2}(notify|tell|inform|let you know|alert|email|delete|erase)\b/u;

/**
 * A right to withdraw consent or to object, stated on one side as a right and on the other as a
 * choice ("you have the right to withdraw that consent at any time" ↔ "you may withdraw at any time
 * any consent on which we rely"): the same right, neither gained nor lost. `m` is a meaning of
 * `s`; `other` is the sentence on the other side.
 */
function rightWordedAsChoice(m: Meaning, s: Side, other: Side): boolean {
  const kinds = (x: Side) => rightKinds(x.reading.norm).filter((k) => k === 'withdraw' || k === 'object');
  if (m.kind !== 'rights-added' && m.kind !== 'opt-out-added') return false;
  const here = kinds(s);
  if (here.length === 0) return false;
  const there = new Set(kinds(other));
  return (
    here.every((k) => there.has(k)) &&
    other.meanings.some((x) => x.kind === (m.kind === 'rights-added' ? 'opt-out-added' : 'rights-added'))
  );
}

/** A word that names a purpose data is put to ("improve", "train", "personalise", "advertising", "matching"). */
const PURPOSE_WORD =
  /^(improv|train|develop|personali[sz]|tailor|offer|advertis|market|match|recommend|research|profil|target|promot|sell|infer)\w*$/u;
