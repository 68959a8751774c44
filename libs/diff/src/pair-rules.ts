import { dataItems, goesWithTheBusiness } from './clause-data';
import { rightKinds, SENSITIVE_DATA } from './clause-meaning';
import { type RuleScope, type Side } from './classify.types';
import {
  count,
  keeps,
  listSeparators,
  meaningWordChanged,
  namesGrew,
  ONLY_LIMIT,
  RECIPIENT_NOUN,
  sharesLive,
  trackingTech,
  weakenedPromise,
  WIDER_SCOPE,
} from './compare-readings';
import { REMOVAL_OF } from './lexicon';
import {
  compareDataAndDuration,
  compareLimitsAndPromises,
  compareMeaningsGained,
  compareMeaningsLost,
  extendedToEveryone,
  LAW_OR_RESIDENCE,
  MAY_DECLINE,
} from './pair-meaning-rules';
import { matches } from './pattern-gate';
import { EXPANDING, NARROWER_KIND } from './practice-kinds';
import { VOICE_LIKE } from './local-choice';
import { cellsOf } from './side-lines';
import {
  answerCellFlip,
  choiceColumnFlip,
  defaultColumnFlip,
  plainCell,
  soldOrSharedColumn,
} from './table-cells';
import { itemsAdded, itemsCut } from './list-edit-rules';
import { type TagSet } from './tag-set';

/** Each removed sentence compared with the added sentence that replaced it. */
export function comparePairs(removed: Side[], scope: RuleScope): void {
  for (const r of removed) {
    const a = r.partner;
    if (!a) continue;
    comparePair(r, a, scope);
  }
}

/**
 * A removed sentence and the added sentence that replaced it, compared: what the new wording
 * extends or narrows, then (unless the rewording left every word that carries meaning alone) the
 * limits, promises and meanings the two state.
 */
function comparePair(r: Side, a: Side, scope: RuleScope): void {
  // a limit dropped ("we only disclose … with a warrant" → "we disclose … when asked"), or the
  // scope widened ("your location while you use the map" → "your precise location, even when the
  // app is closed"): the practice the new sentence states is news though the old one stated it too
  // (or done on the user's own act no longer: "when you choose to watch a rewarded ad, the ad
  // network receives …" → "the ad networks we work with receive …")
  const widened =
    (matches(r.reading.norm, ONLY_LIMIT) && !matches(a.reading.norm, ONLY_LIMIT)) ||
    widerScopeGained(r.reading.norm, a.reading.norm) ||
    (matches(r.reading.norm, ON_USER_ACT) && !matches(a.reading.norm, ON_USER_ACT));
  compareReach(r, a, scope);
  // the scope narrowed: the wider words gone, or "only" added ("in the background, even when the
  // app is closed" → "only while the app is open"): the practice the old sentence stated is less
  const narrowed =
    widerScopeGained(a.reading.norm, r.reading.norm) ||
    (matches(a.reading.norm, ONLY_LIMIT) && !matches(r.reading.norm, ONLY_LIMIT));
  compareScopeRightsAndData(r, a, widened, narrowed, scope);
  rightWindowChanged(r, a, scope);
  itemsCut(r, a, scope);
  itemsAdded(r, a, scope);
  // reworded without touching a word that carries meaning (bullets, markup, a name, spacing)
  if (
    !widened &&
    !narrowed &&
    !meaningWordChanged(r.reading, a.reading) &&
    // (nor a condition of residence or law put on it: "where you reside in the EEA, …", nor a
    // promise narrowed: "to anyone" → "for monetary consideration")
    // (or lifted: "residents of the UK can ask …" → "anyone can ask …")
    matches(a.reading.norm, LAW_OR_RESIDENCE) === matches(r.reading.norm, LAW_OR_RESIDENCE) &&
    !weakenedPromise(r.reading, a.reading) &&
    // (a line moved under a changelog's "Removed" label keeps its words and changes its meaning)
    !a.meanings.some((m) => m.rule === 'choice-listed-removed') &&
    // (nor a prompt's button to decline put beside its button to allow, or taken away: "[Skip]")
    r.meanings.some((m) => m.rule === 'decline-button') ===
      a.meanings.some((m) => m.rule === 'decline-button')
  )
    return;
  compareLimitsAndPromises(r, a, widened, scope);
  compareMeaningsGained(r, a, scope);
  extendedToEveryone(r, a, scope);
  compareMeaningsLost(r, a, scope);
  compareDataAndDuration(r, a, scope);
}

/**
 * What the new wording extends: the same practice for more products, recipients or tracking, a
 * setting now on by default, a table row's answer flipped.
 */
function compareReach(r: Side, a: Side, scope: RuleScope): void {
  const { ctx, tags } = scope;
  // AI training named for more products or models than before, the old ones kept ("to train
  // Google's language models and build features like Google Translate" → "… AI models and build
  // products and features, like Google Translate, Bard and Cloud AI"); a product renamed is not
  const aiBoth =
    a.meanings.some((m) => m.kind === 'new-data-use' && m.topic === 'ai-training') &&
    r.meanings.some((m) => m.kind === 'new-data-use' && m.topic === 'ai-training');
  // (names put where "all" stood narrow it: "snippets from all plans are used to train" →
  // "snippets from Free and Pro plans are used to train")
  const aiNarrowed = aiBoth && matches(r.reading.norm, EVERY_GROUP) && !matches(a.reading.norm, EVERY_GROUP);
  if (aiNarrowed) tags.add('data-use-narrowed', 'ai-training', 'pair:ai-scope-narrowed', r, a);
  const aiWider =
    aiBoth &&
    !aiNarrowed &&
    // (not the name of a setting the new sentence offers: "unless you turn off "Help improve AI"")
    !a.meanings.some((m) => m.kind === 'opt-out-added') &&
    namesGrew(r.reading.text, a.reading.text);
  if (aiWider) tags.add('new-data-use', 'ai-training', 'pair:ai-scope-widened', r, a);
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
      if (m.kind === 'sharing-expanded') tags.add(m.kind, m.topic, 'pair:more-recipients-named', r, a);
  // a setting turned on by default where it was off ("Share Viewing Data with Advertising
  // Partners — Off by default" → "— On by default"): what its label says the service does is
  // now done for everyone who does not switch it off
  if (matches(a.reading.norm, ON_BY_DEFAULT) && matches(r.reading.norm, OFF_BY_DEFAULT)) {
    const label = SETTING_LABEL.exec(a.reading.text.replace(/[*_`|]/gu, ' ').trim())?.[1];
    if (label)
      for (const m of ctx.rulesOf(`We ${label.trim().toLowerCase()}.`))
        if (EXPANDING.includes(m.kind)) tags.add(m.kind, m.topic, 'pair:on-by-default', r, a);
  }
  // a table row whose answer turned from no to yes, or back ("| Data sold | No |" → "| Data sold |
  // Yes: … sold to data partners |"): what the row says is now done, or no longer
  const flip = answerCellFlip(r.reading.text, a.reading.text);
  if (flip)
    rowPracticeTurned(
      flip === 'yes',
      r,
      a,
      flip === 'yes' ? 'pair:row-answer-yes' : 'pair:row-answer-no',
      tags,
    );
  if (flip === 'no')
    for (const m of r.meanings) {
      // (a row naming a choice or a right, "| Turn off trip location history | Yes |" → "| … |
      // No (always recorded) |": that choice or right is gone)
      if (m.kind === 'opt-out-added' || m.kind === 'rights-added')
        tags.add(
          m.kind === 'opt-out-added' ? 'opt-out-removed' : 'rights-reduced',
          m.topic,
          'pair:row-answer-no',
          r,
          a,
        );
    }
  if (flip === 'yes')
    for (const m of a.meanings)
      if (m.kind === 'opt-out-added' || m.kind === 'rights-added')
        tags.add(m.kind, m.topic, 'pair:row-answer-yes', r, a);
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
      tags.add('sharing-expanded', topic, 'pair:recipients-grew', r, a);
    }
  }
  // a defined term for recipients made wider ('"Partners" means companies … that offer bundled
  // services' → '…, together with data brokers and audience-measurement firms'): every sharing
  // with the term now reaches them
  if (
    matches(r.reading.norm, DEFINES_TERM) &&
    matches(a.reading.norm, DEFINES_TERM) &&
    a.reading.recipients.length > 0 &&
    keeps(r.reading, a.reading, 0.9) &&
    (newRecipients.length > 0 || recipientNounAdded(r.reading.words, a.reading.words))
  )
    tags.add(
      'sharing-expanded',
      newRecipients.map((x) => RECIPIENT_TOPIC[x]).find((t) => t) ?? 'third-party-sharing',
      'pair:recipients-defined-wider',
      r,
      a,
    );
  // a kind of recipient named in words the old sentence lacked, the rest kept ("… with your care
  // team and your pharmacy" → "…, and with pharmaceutical partners who use it to find patients")
  if (
    newRecipients.length === 0 &&
    sharesLive(r.reading) &&
    sharesLive(a.reading) &&
    keeps(r.reading, a.reading, 0.9) &&
    recipientNounAdded(r.reading.words, a.reading.words)
  ) {
    const sensitive = a.reading.topics.find((t) => SENSITIVE_DATA.includes(t));
    for (const m of a.meanings)
      if (m.kind === 'sharing-expanded')
        tags.add(m.kind, sensitive ?? m.topic, 'pair:recipient-named-in-words', r, a);
  }
  // a person taken out of an automated decision the user may contest ("the right to obtain human
  // intervention … a member of our credit team reconsiders it" → "we will repeat our automated
  // assessment"): the right to a human review is gone
  if (
    r.reading.topics.includes('human-review') &&
    !a.reading.topics.includes('human-review') &&
    r.meanings.some((m) => m.kind === 'rights-added') &&
    matches(a.reading.norm, AUTOMATED)
  )
    tags.add('rights-reduced', 'human-review', 'pair:human-review-dropped', r, a);
  // a table's column for a mode that keeps voice at home dropped ("| | Standard | Enhanced | Local |"
  // → "| | Standard | Enhanced |"), in a table about speech or audio: that choice is gone
  if (r.reading.text.trimStart().startsWith('|') && a.reading.text.trimStart().startsWith('|')) {
    const localCell = (c: string) => LOCAL_MODE_CELL.test(plainCell(c));
    const now = cellsOf(a.reading.text);
    const kept = new Set(now.map((c) => c.toLowerCase()));
    const dropped = cellsOf(r.reading.text).filter((c) => !kept.has(c.toLowerCase()));
    // (not renamed: "Local" → "Home-only")
    if (
      dropped.some(localCell) &&
      !now.some(localCell) &&
      scope.ctx.diff.sentences.removed.some((t) => VOICE_LIKE.test(t.toLowerCase()))
    )
      tags.add('opt-out-removed', 'voice-recordings', 'pair:local-column-dropped', r, a);
  }
  // a small-claims carve-out added to an arbitration clause ("… shall be resolved by binding
  // arbitration, save that either party may bring an individual action in a small claims court"):
  // a way back to court
  if (
    r.meanings.some((m) => m.topic === 'arbitration') &&
    matches(a.reading.norm, SMALL_CLAIMS_CARVE_OUT) &&
    !matches(r.reading.norm, SMALL_CLAIMS_CARVE_OUT)
  )
    tags.add('rights-added', 'arbitration', 'pair:small-claims-carve-out', r, a);
  // the recipients now using the data for their own ends ("… with the hotel you book with" → "…,
  // and with the retailers in our rewards programme, which may use it for their own purposes")
  if (
    matches(a.reading.norm, OWN_PURPOSES) &&
    !matches(r.reading.norm, OWN_PURPOSES) &&
    r.meanings.some((m) => m.kind === 'sharing-expanded')
  )
    for (const m of a.meanings)
      if (m.kind === 'sharing-expanded') tags.add(m.kind, m.topic, 'pair:recipients-own-purposes', r, a);
  // tracking by a technology the old sentence did not name ("analytics cookies" → "analytics
  // cookies, together with a session-recording tool that captures your mouse movements")
  if (
    r.meanings.some((m) => m.kind === 'tracking-added') &&
    a.meanings.some((m) => m.kind === 'tracking-added')
  ) {
    const had = trackingTech(r.reading.norm);
    if (trackingTech(a.reading.norm).some((t) => !had.includes(t))) {
      tags.add('tracking-added', 'cookies-tracking', 'pair:more-tracking', r, a);
      // (used by advertisers themselves: what they get from the service grew)
      if (a.meanings.some((m) => m.kind === 'sharing-expanded' && m.topic === 'advertising'))
        tags.add('sharing-expanded', 'advertising', 'pair:more-tracking-by-advertisers', r, a);
    }
  }
}

/**
 * The scope narrowed, rights named or dropped or carved out, a disclosure's bar lowered, a list of
 * data grown or shrunk, a table column's answer changed.
 */
function compareScopeRightsAndData(
  r: Side,
  a: Side,
  widened: boolean,
  narrowed: boolean,
  scope: RuleScope,
): void {
  const { ctx, st, tags } = scope;
  if (narrowed && !widened)
    for (const m of r.meanings) {
      const less = NARROWER_KIND[m.kind];
      if (less && a.meanings.some((x) => x.kind === m.kind || x.kind === less))
        tags.add(less, m.topic, 'pair:scope-narrowed', r, a);
    }
  // rights named in a list, one of them gone ("a copy, correct it, or have it erased" → "a copy or
  // correct it")
  if (
    r.meanings.some((m) => m.kind === 'rights-added') &&
    a.meanings.some((m) => m.kind === 'rights-added')
  ) {
    const kept = new Set(rightKinds(a.reading.norm));
    const lost = rightKinds(r.reading.norm).filter(
      (k) => k !== 'right' && !kept.has(k) && !st.addedRightKinds.has(k),
    );
    if (lost.length)
      tags.add('rights-reduced', lost.includes('delete') ? 'deletion' : null, 'pair:right-dropped', r, a);
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
    tags.add(
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
      tags.add('rights-added', gained.includes('delete') ? 'deletion' : null, 'pair:right-named', r, a);
  }
  // data disclosed before a deal is made ("… transferred to the successor" → "… disclosed to
  // prospective acquirers and investors during negotiations and due diligence")
  if (
    goesWithTheBusiness(r.reading) &&
    goesWithTheBusiness(a.reading) &&
    matches(a.reading.norm, BEFORE_THE_DEAL) &&
    !matches(r.reading.norm, BEFORE_THE_DEAL)
  )
    tags.add('sharing-expanded', 'business-transfer', 'pair:before-the-deal', r, a);
  // disclosure to authorities without a binding demand ("where required by law" → "…, or where
  // we believe in good faith that disclosure is appropriate, whether or not it is legally binding")
  if (
    a.reading.recipients.includes('authorities') &&
    r.reading.recipients.includes('authorities') &&
    voluntaryDisclosure(a.reading.norm) &&
    !voluntaryDisclosure(r.reading.norm)
  )
    tags.add('sharing-expanded', 'law-enforcement', 'pair:disclosure-bar-lowered', r, a);
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
      if (m.kind === 'new-data-collected') tags.add(m.kind, m.topic, 'pair:more-data-collected', r, a);
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
        tags.add('data-collection-reduced', m.topic, 'pair:less-data-collected', r, a);
  // (read before comparePair's test of a rewording: a "Yes" or "No" is no word that carries meaning)
  // a table row whose "Sold or shared?" (or "Disclosed to third parties?") cell went from "No" to
  // something else, or back: the column's header says what the cell means
  // (the header of the table the new row stands in, found once for the three column rules below)
  const tableHeader = ctx.linesOf.added.tableHeader(a.reading.text);
  const column = soldOrSharedColumn(r.reading.text, a.reading.text, tableHeader);
  if (column) for (const topic of column.topics) tags.add(column.kind, topic, 'pair:table-column', r, a);
  // a row's cell under a "Can you say no?" header that turned to "No", or to "Yes": the choice about
  // what the row names ("| Advertising ID | Personalised ads | Yes – Options > Ad choices |" → "| … | No |")
  const choiceFlip = choiceColumnFlip(r.reading.text, a.reading.text, tableHeader);
  if (choiceFlip) {
    const about = ctx.readingOf(choiceFlip.about).topics.filter((t) => t !== 'service-providers');
    for (const topic of about.length ? about : [null])
      tags.add(
        choiceFlip.now === 'no' ? 'opt-out-removed' : 'opt-out-added',
        topic,
        'pair:choice-column-flipped',
        r,
        a,
      );
  }
  // a row's cell under a "Default" header that turned from off to on, or back ("| Usage analytics
  // | Sends us which features you click | Off |" → "| … | On |"): what the row says is done now
  // for everyone who does not switch it off, or only for those who switch it on
  const byDefault = defaultColumnFlip(r.reading.text, a.reading.text, tableHeader);
  if (byDefault)
    rowPracticeTurned(
      byDefault === 'on',
      r,
      a,
      byDefault === 'on' ? 'pair:on-by-default' : 'pair:off-by-default',
      tags,
    );
  // a row's cell under a "Who can see it" (or "Shared with") header that names a new kind of
  // recipient ("You and the caregivers you invite" → "…, and our sleep-coaching partner Hushly")
  const header = column ? null : tableHeader;
  if (header && header.some((h) => WHO_SEES.test(h.toLowerCase()))) {
    const was = cellsOf(r.reading.text);
    const now = cellsOf(a.reading.text);
    const grew = header.some(
      (h, j) =>
        WHO_SEES.test(h.toLowerCase()) &&
        was.length === now.length &&
        recipientNounAdded(words(was[j] ?? ''), words(now[j] ?? '')),
    );
    if (grew)
      tags.add(
        'sharing-expanded',
        a.reading.topics.find((t) => SENSITIVE_DATA.includes(t)) ?? 'third-party-sharing',
        'pair:recipients-column-grew',
        r,
        a,
      );
  }
}

/**
 * What a table row says turned on ("Yes", "On"): the practices the new row states are done now;
 * or off: the practices the old row stated are done no more.
 */
function rowPracticeTurned(on: boolean, r: Side, a: Side, rule: string, tags: TagSet): void {
  if (on) {
    for (const m of a.meanings) if (EXPANDING.includes(m.kind)) tags.add(m.kind, m.topic, rule, r, a);
    return;
  }
  for (const m of r.meanings) {
    const less = REMOVAL_OF[m.kind];
    if (less && EXPANDING.includes(m.kind)) tags.add(less, m.topic, rule, r, a);
  }
}

/**
 * A business transfer widened to deals that may never happen ("upon the completion of a merger" →
 * "in connection with any actual or proposed merger …, including in the course of due diligence"):
 * the data goes to prospective buyers too, whether or not the two sentences were paired.
 */
export function transfersWidened(removed: Side[], added: Side[], tags: TagSet): void {
  const transfer = (s: Side) => s.meanings.some((m) => m.topic === 'business-transfer');
  for (const a of added) {
    if (!transfer(a) || !matches(a.reading.norm, PROSPECTIVE_DEAL)) continue;
    const r = removed.find(
      (x) =>
        (x.partner === null || x.partner === a) && transfer(x) && !matches(x.reading.norm, PROSPECTIVE_DEAL),
    );
    if (r) tags.add('sharing-expanded', 'business-transfer', 'pair:prospective-deals', r, a);
  }
}

/**
 * A right the company may now turn down ("… and we will delete it" → "we will consider your
 * request, and may decline it"), whether or not the two sentences were paired.
 */
export function rightsMadeDiscretionary(removed: Side[], added: Side[], tags: TagSet): void {
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
      tags.add(
        'rights-reduced',
        kinds.includes('delete') ? 'deletion' : null,
        'pair:right-discretionary',
        r,
        a,
      );
  }
  // and back: a right the company honoured at its discretion that it now honours ("deletion
  // requests, which we may honour at our discretion" → "…, which we will honour on the same terms")
  for (const r of removed) {
    const a = r.partner;
    if (
      !a ||
      !matches(r.reading.norm, AT_DISCRETION) ||
      matches(a.reading.norm, AT_DISCRETION) ||
      matches(a.reading.norm, MAY_DECLINE)
    )
      continue;
    // (a right, or a request of a named kind: "… may also submit deletion requests, which …")
    const kinds = rightKinds(a.reading.norm);
    if (
      !a.meanings.some((m) => m.kind === 'rights-added') &&
      !(kinds.some((k) => k !== 'right') && /\brequests?\b/u.test(a.reading.norm))
    )
      continue;
    tags.add(
      'rights-added',
      kinds.includes('delete') ? 'deletion' : null,
      'pair:right-no-longer-discretionary',
      r,
      a,
    );
  }
}
/** A request honoured only as the company sees fit ("which we may honour at our discretion"). */
const AT_DISCRETION =
  /\bat (our|its|the company's) (sole |absolute |own )?discretion\b|\bmay (choose to )?(honou?r|consider|accommodate)\b/u;

/** The topic of a kind of recipient a sentence newly names. */
const RECIPIENT_TOPIC: Partial<Record<string, string | null>> = {
  authorities: 'law-enforcement',
  'business-transfer': 'business-transfer',
  'service-providers': 'service-providers',
  international: 'international-transfer',
  'third-parties': null,
};
/** A setting on, or off, unless the user changes it. */
/** Every user, plan or account ("from all plans", "every customer's", "any workspace"). */
const EVERY_GROUP =
  /\b(all|every|any|each) (of (our|the) )?([\w-]+ )?(plans?|users?|customers?|accounts?|tiers?|organi[sz]ations?|workspaces?|members?|subscribers?|products?|services?|regions?|countries)\b/u;
const ON_BY_DEFAULT = /\b(on|enabled|turned on|switched on|active|checked) by default\b|\bdefaults? to on\b/u;
const OFF_BY_DEFAULT =
  /\b(off|disabled|turned off|switched off|inactive|unchecked) by default\b|\bdefaults? to off\b/u;
/** A setting's label before a dash or colon ("Share Viewing Data with Partners — On by default"). */
const SETTING_LABEL = /^\s*([^—–:-]{3,80}?)\s*[—–:-]\s/u;
/** Recipients using the data for themselves, under their own terms. */
const OWN_PURPOSES =
  /\b(for|to serve) their own (\w+ )?(purposes|uses?|marketing|advertising)\b|\bunder their own (privacy )?(policies|policy|notices?|terms)\b|\bas (independent|separate) (data )?controllers?\b/u;
/** Words just before a recipient's name. */
const RECIPIENT_CUE =
  /\b(with|to|partners?|providers?|affiliates?|compan(y|ies)|vendors?|processors?|advertisers?|networks?)\b[^.;]{0,30}$/iu;
/** A sentence that defines a term ('"Partners" means …', "1.3 Affiliates include …"). */
const DEFINES_TERM =
  /^[^a-z]*["“'‘]?[a-z][\w -]{1,40}["”'’]? (means|shall mean|include|includes|refers to|is defined as)\b/u;

/** A deal that may not happen, or its diligence ("proposed merger", "prospective purchasers", "due diligence"). */
const PROSPECTIVE_DEAL =
  /\b(proposed|prospective|potential|contemplated|possible) (\w+ ){0,4}(mergers?|acquisitions?|sales?|transactions?|buyers?|purchasers?|acquirers?|investors?|counterpart(y|ies)|financing|reorgani[sz]ations?)\b|\bdue diligence\b|\b(actual|proposed) or (actual|proposed|prospective)\b/u;

/** A table column headed by a mode that keeps data on the device ("Local", "On-device", "Offline mode"). */
const LOCAL_MODE_CELL =
  /^(local|on[- ]device|offline|home[- ]only|device[- ]only|local[- ]only|private)( mode| processing)?$/iu;

/** A table column that says who gets or sees the row's data. */
const WHO_SEES =
  /\b(who (can )?(see|sees|access|accesses|gets|receives)|shared with|disclosed to|recipients?|visible to)\b/u;
/** A cell's words, lower-cased. */
const words = (cell: string) =>
  cell
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean);

/** Small claims kept out of arbitration ("except claims in small claims court", "save that either party may … small claims"). */
const SMALL_CLAIMS_CARVE_OUT =
  /\b(except|save|other than|excluding|but|however)\b[^.;]{0,100}\bsmall[- ]claims?\b/u;

/** A decision made by automated means ("automated assessment", "our algorithm"). */
const AUTOMATED = /\bautomat(ed|ic|ically|ion)\b|\balgorithm\w*/u;

/** A practice done only on the user's own act ("when you choose to …", "if you ask us to …"). */
const ON_USER_ACT =
  /\b(when|if|where|once|whenever) you (choose|opt|decide|elect|ask|request|tell us|agree) to\b|\bat your (request|direction)\b/u;

/** A recipient noun the new sentence has and the old one lacks (in any form: "partner" / "partners"). */
function recipientNounAdded(before: string[], after: string[]): boolean {
  const stem = (w: string) => w.replace(/(ies|s)$/u, '');
  const had = new Set(before.filter((w) => RECIPIENT_NOUN.test(w)).map(stem));
  return after.some((w) => RECIPIENT_NOUN.test(w) && !had.has(stem(w)));
}

/** Part of what a right covers carved out of it. */
const RIGHT_EXCLUSION =
  /\bnot (covered|included|subject to|eligible)\b|\b(does|do|will|shall) not (apply|extend|cover|include)\b|\bexcept\b|\bexclud(ing|ed|es)\b|\bother than\b|\bonly (applies|covers|extends|includes)\b|\blimited to\b/u;
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
/** A line that lists data under a label ("Health and fitness: heart rate, steps, sleep stages"). */
const DATA_LINE = /^\W*[^.:;]{2,40}:\s*[^.]*,[^.]*$/u;

/**
 * A wider scope the second sentence states and the first does not ("precise location while the app
 * is open" → "precise location while the app is open and, if you allow it, in the background"):
 * each phrase of `WIDER_SCOPE` is compared, not only whether one is there.
 */
function widerScopeGained(from: string, to: string): boolean {
  if (!matches(to, WIDER_SCOPE)) return false;
  if (!matches(from, WIDER_SCOPE)) return true;
  const had = new Set([...from.matchAll(WIDER_SCOPE_ALL)].map((m) => m[0]));
  for (const m of to.matchAll(WIDER_SCOPE_ALL)) if (!had.has(m[0])) return true;
  return false;
}
const WIDER_SCOPE_ALL = new RegExp(WIDER_SCOPE.source, 'gu');

/**
 * A right whose period changed: how far back a request reaches ("a list of the disclosures we made
 * in the six years before you ask" → "in the year before"), shorter is less; how long the company
 * takes to answer ("within 30 days" → "within 90 days"), longer is less. Other periods in a right's
 * sentence say nothing about which way the right moved, and are left alone.
 */
function rightWindowChanged(r: Side, a: Side, { tags }: RuleScope): void {
  const right = r.meanings.find((m) => m.kind === 'rights-added');
  if (!right || !a.meanings.some((m) => m.kind === 'rights-added')) return;
  const was = r.reading.durations;
  const now = a.reading.durations;
  if (was.length !== 1 || now.length !== 1) return;
  const before = (was[0] as { days: number }).days;
  const after = (now[0] as { days: number }).days;
  if (before === after) return;
  const lookback = matches(r.reading.norm, LOOKBACK) && matches(a.reading.norm, LOOKBACK);
  const answer = matches(r.reading.norm, ANSWER_WITHIN) && matches(a.reading.norm, ANSWER_WITHIN);
  if (lookback === answer) return;
  const less = lookback ? after < before : after > before;
  const topic = right.topic ?? r.reading.topics.find((t) => SENSITIVE_DATA.includes(t)) ?? null;
  tags.add(less ? 'rights-reduced' : 'rights-added', topic, 'pair:right-period-changed', r, a);
}
/** A period a request reaches back over. */
const LOOKBACK =
  /\b(prior to|before) (the date|the day|you ask|your request)\b|\b(in|for|over|during) the (past|last|previous|preceding)\b|\bgoing back\b/u;
/** The time the company takes to act on a request. */
const ANSWER_WITHIN =
  /\b(respond|reply|answer|act on|complete|fulfil|fulfill|process)\w*\b[^.;]{0,60}\bwithin\b|\bwithin\b[^.;]{0,30}\b(of (receiving|your request)|after (we receive|your request))\b/u;
