import {
  featureGoneFromContext,
  type KeptContext,
  listedUnderRemoved,
  namedGoneFromContext,
  REMOVED_LABEL,
  topicFromContext,
} from './choice-from-context';
import {
  CHOICE_TOPICS,
  choiceAspect,
  keepsVoiceLocal,
  type Meaning,
  meaningsOf,
  SENSITIVE_DATA,
} from './clause-meaning';
import { type ClassifyContext } from './classify-context';
import { type Side } from './classify.types';
import { ANSWER, answered, saysYes } from './faq-answer';
import { localChoiceFromContext } from './local-choice';
import { type ClauseReading, normalizeClause, readClause, wordAt } from './read-clause';
import { type SideLines } from './side-lines';
import { COOKIE_HEADER, plainCell } from './table-cells';

/** A choice said to be fixed by pointing back at it ("This can't be switched off"). */
const IT_CANNOT_BE_OFF =
  /^\W*(this|that|it|these|they) (can't|cannot|can not|won't|will not) be (switched|turned|toggled) off\b/u;

/**
 * Meanings a changed sentence takes from its context: an FAQ answer read through its question, a
 * choice's topic from the sentences around it or its section, a feature or setting announced gone
 * by name or under a "Removed" label, a term read through its definition, a choice to keep data
 * on the device.
 */
export function meaningsFromContext(ctx: ClassifyContext, removed: Side[], added: Side[]): void {
  const { diff, options, linesOf } = ctx;
  const readingOf = (t: string) => ctx.readingOf(t);
  readAnswers(ctx, removed, added);
  const read: KeptContext['read'] = [];
  topicFromContext(removed, linesOf.removed, readingOf, { side: 'removed', read });
  topicFromContext(added, linesOf.added, readingOf, { side: 'added', read });
  // (a choice that points back at nothing its context names is no choice a reader can tell)
  for (const s of [...removed, ...added])
    if (s.meanings.some((m) => m.rule === 'points-back-choice' && m.topic === null))
      s.meanings = s.meanings.filter((m) => !(m.rule === 'points-back-choice' && m.topic === null));
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
  settingsRows(removed, added, linesOf.removed);
  settingsRows(added, removed, linesOf.added);
  settingsItems(removed, added, linesOf.removed, ctx);
  settingsItems(added, removed, linesOf.added, ctx);
  toggleLines(removed, linesOf.removed);
  toggleLines(added, linesOf.added);
  cookieRows(removed, added, linesOf.removed);
  cookieRows(added, removed, linesOf.added);
}

/**
 * An FAQ's yes or no ("Do you sell my data?" / "No. …"): the answer read as the statement it
 * makes, and cited with its question.
 */
function readAnswers(ctx: ClassifyContext, removed: Side[], added: Side[]): void {
  for (const [list, side] of [
    [removed, 'removed'],
    [added, 'added'],
  ] as const)
    for (const s of list) {
      const m = ANSWER.exec(s.reading.text);
      if (!m) continue;
      const question = ctx.linesOf[side].questionBefore(s.reading.text);
      const statement = question === null ? null : answered(question, saysYes(m[1] as string));
      if (statement === null) continue;
      const rest = s.reading.text.slice(m[0].length).trim();
      // (a reading depends on its normalised text only: the statement's, carrying the question and
      // the answer as its text)
      // (with what follows the yes or no, "Yes, unless you switch it off"; or alone where that
      // reads as nothing, "No. It stays with us.")
      const cited = `${(question as string).trim()} ${s.reading.text}`;
      let answer = readClause(cited, normalizeClause(rest ? `${statement} ${rest}` : statement));
      let meanings = meaningsOf(answer);
      if (meanings.length === 0 && rest) {
        answer = readClause(cited, normalizeClause(statement));
        meanings = meaningsOf(answer);
      }
      s.reading = answer;
      s.meanings = meanings;
    }
}

/**
 * A term the changed text defines ("Message data means text or other content you send directly to
 * another user"): a collection, use or sharing of that term with no kind of data named is of the
 * sensitive data its definition names ("we collect and process message data").
 */
export function topicFromDefinition(list: Side[]): void {
  const defined: { term: string; topics: string[]; by: Side }[] = [];
  for (const s of list) {
    const m = DEFINITION.exec(s.reading.norm);
    const topics = m ? s.reading.topics.filter((t) => SENSITIVE_DATA.includes(t)) : [];
    if (m && topics.length) defined.push({ term: m[1] as string, topics, by: s });
  }
  if (defined.length === 0) return;
  for (const s of list)
    for (const d of defined) {
      if (s === d.by || wordAt(s.reading.norm, d.term) < 0) continue;
      const named = s.meanings.filter((m) => m.topic === null && DATA_PRACTICES.has(m.kind));
      for (const m of named)
        for (const topic of d.topics)
          if (!s.meanings.some((x) => x.kind === m.kind && x.topic === topic))
            s.meanings.push({ ...m, topic, object: topic, rule: `${m.rule}:term-defined` });
    }
}
/** "<term> means / refers to / is defined as …", a term of two to five words, at the start of its sentence or table cell. */
const DEFINITION =
  /^(?:\|\s*)?(?:the term |["“])?([a-z][a-z'-]*(?: [a-z][a-z'-]*){1,4})["”]? (?:means|refers to|is defined as|shall mean|includes|consists of)\b/u;
const DATA_PRACTICES = new Set([
  'new-data-collected',
  'new-data-use',
  'sharing-expanded',
  'data-collection-reduced',
  'data-use-narrowed',
  'sharing-narrowed',
]);

/** A settings table's first header cell: the column names settings ("| Setting | What it does | Default |"). */
const SETTINGS_HEADER =
  /^(privacy )?(settings?|options?|controls?|toggles?|switch(es)?|permissions?|preferences?)$/iu;
/** The meanings a row of a settings table keeps as they are: a choice or right it states itself. */
const OWN_CHOICE = new Set(['opt-out-added', 'opt-out-removed', 'rights-added', 'rights-reduced']);

/**
 * A row of a settings table describes what one setting does: a choice about the data it names,
 * not a practice of its own ("| Personalised ads | Tailors ads using your interests … | On |" is a
 * setting for ads; the row gone is that choice gone).
 */
function settingsRows(list: Side[], other: Side[], lines: SideLines): void {
  // (a row whose setting the other side's rows still name was reworded, not added or removed: its
  // practices are compared as they are, "Uses your voice to improve …" → "… to train our AI")
  const reworded = rewordedRow(other);
  for (const s of list) {
    if (!s.reading.text.includes('|') || s.meanings.some((m) => OWN_CHOICE.has(m.kind))) continue;
    if (reworded(s)) continue;
    const topics = settingTopics(s.reading);
    if (topics.length === 0) continue;
    const header = lines.tableHeader(s.reading.text);
    if (!header || !SETTINGS_HEADER.test(header[0] ?? '')) continue;
    s.meanings = settingMeanings(s.reading, topics, 'settings-table-row');
  }
}

/**
 * What a setting is about: the data a choice can be about that it names, or a voice when what it
 * does is keep what a device hears on it ("Commands are understood on the buds and your phone;
 * audio is never sent to Sonawave").
 */
function settingTopics(r: ClauseReading): string[] {
  const topics = r.topics.filter((t) => CHOICE_TOPICS.includes(t));
  if (topics.length > 0) return topics;
  return keepsVoiceLocal(r) ? ['voice-recordings'] : [];
}

/** A setting offered about each of its topics, keyed by what it does when it keeps data local. */
function settingMeanings(r: ClauseReading, topics: string[], rule: string): Meaning[] {
  const local = choiceAspect(r) === 'local' ? ':local' : '';
  return topics.map((topic) => ({ kind: 'opt-out-added', topic, rule, object: topic + local }));
}

/** A list item that names a setting and says what it does ("Keep requests on this speaker — your speaker answers requests itself"). */
const SETTING_ITEM = /^\W*[\p{L}\d][^—–:.;!?]{1,60}?\s(—|–|-|:)\s+\S/u;
/** A heading or a list's introduction over settings ("Voice settings on your speaker", "You'll find these options:"). */
const SETTINGS_LIST =
  /\b(settings?|options?|controls?|toggles?|switch(es)?|preferences|privacy features|modes)\b/u;

/**
 * An item of a list of settings describes what one setting does, as a settings table's row does:
 * a choice about the data it names, and the item gone is that choice gone. The list is one of
 * settings when the heading it stands under, its introduction or the line before that says so.
 */
function settingsItems(list: Side[], other: Side[], lines: SideLines, ctx: ClassifyContext): void {
  const otherNames = new Set(other.map((o) => itemName(o.reading.text)).filter((n) => n !== null));
  for (const s of list) {
    if (s.reading.text.trimStart().startsWith('|') || s.meanings.some((m) => OWN_CHOICE.has(m.kind)))
      continue;
    // (a category of trackers listed with its switch is those trackers: "Retargeting pixels —
    // enabled / disabled", gone, is tracking removed)
    if (s.meanings.some((m) => m.kind === 'tracking-added' || m.kind === 'tracking-removed')) continue;
    if (!SETTING_ITEM.test(s.reading.text)) continue;
    const name = itemName(s.reading.text);
    if (name !== null && otherNames.has(name)) continue;
    const topics = settingTopics(s.reading);
    if (topics.length === 0) continue;
    const intro = lines.listIntro(s.reading.text);
    if (intro === null) continue;
    const over = [intro, ...lines.headingsAbove(s.reading.text).slice(0, 1)];
    if (!over.some((t) => SETTINGS_LIST.test(ctx.prepared(t).norm))) continue;
    s.meanings = settingMeanings(s.reading, topics, 'settings-list-item');
  }
}

/** A switch drawn at the end of a setting's description ("… is uploaded. [ On ]", "(Off)"). */
const TOGGLE_MARK = /(\[\s*(on|off|✓|✔|x|\s)\s*\]|\((on|off)\))\s*$/iu;

/**
 * A line that ends with the switch a settings screen draws ("Speech is recognised by the TV itself.
 * Nothing you say is uploaded. [ On ]") describes a setting: what it keeps local or names is a
 * choice about that data, as a settings table's row is.
 */
function toggleLines(list: Side[], lines: SideLines): void {
  for (const s of list) {
    if (s.meanings.some((m) => OWN_CHOICE.has(m.kind) || m.kind === 'tracking-added')) continue;
    const topics = settingTopics(s.reading);
    if (topics.length === 0) continue;
    const own = lines.paragraphOf(s.reading.text);
    if (own === null || !TOGGLE_MARK.test(own)) continue;
    s.meanings = settingMeanings(s.reading, topics, 'toggle-description');
  }
}

/** The name a list item gives before its dash or colon, lower-cased ("Keep requests on this speaker — …" → "keep requests on this speaker"). */
function itemName(text: string): string | null {
  const m = /^\W*([^—–:]{1,60}?)\s(—|–|-|:)\s/u.exec(text);
  return m ? plainCell(m[1] as string).toLowerCase() : null;
}

/**
 * Whether a changed row names, in its first cell, a row the other side's changed rows still name:
 * the same row reworded, not one added or removed (the other side's names listed when first asked).
 */
function rewordedRow(other: Side[]): (s: Side) => boolean {
  let names: Set<string> | null = null;
  return (s) => {
    const name = rowName(s.reading.text);
    return (
      name !== null &&
      (names ??= new Set(other.map((o) => rowName(o.reading.text)).filter((n) => n !== null))).has(name)
    );
  };
}

/** The first cell of a table row a sentence opens, lower-cased, without emphasis ("| **Voice** | …" → "voice"). */
function rowName(text: string): string | null {
  const m = /^\s*\|([^|]+)\|/u.exec(text);
  return m ? plainCell(m[1] as string).toLowerCase() : null;
}

/**
 * A row of a cookie table is a cookie the site sets: a row added is tracking added, a row removed
 * tracking removed ("| `_mbpx` | Meshbook | Measures whether our ads led to sign-ups … | 3 months |"),
 * and about advertising too when the row says so. A row the other side still names was reworded.
 */
function cookieRows(list: Side[], other: Side[], lines: SideLines): void {
  const reworded = rewordedRow(other);
  for (const s of list) {
    if (!s.reading.text.trimStart().startsWith('|')) continue;
    // (a row its own words read as tracking, "recognises your browser across websites to show you
    // ads", is a cookie all the same)
    const tracking = s.meanings.some((m) => m.kind === 'tracking-added' || m.kind === 'tracking-removed');
    if (tracking && s.meanings.some((m) => m.topic === 'cookies-tracking')) continue;
    const header = lines.tableHeader(s.reading.text);
    if (!header || !COOKIE_HEADER.test(plainCell(header[0] ?? ''))) continue;
    if (reworded(s)) continue;
    s.meanings = [
      ...s.meanings,
      {
        kind: 'tracking-added',
        topic: 'cookies-tracking',
        rule: 'cookie-table-row',
        object: 'cookies-tracking',
      },
      ...(!tracking && s.reading.topics.includes('advertising')
        ? [{ kind: 'tracking-added', topic: 'advertising', rule: 'cookie-table-row', object: 'advertising' }]
        : []),
    ];
  }
}
