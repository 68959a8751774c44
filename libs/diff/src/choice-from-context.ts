import {
  choiceAspect,
  CHOICE_TOPICS,
  keepsVoiceLocal,
  type Meaning,
  meaningsOf,
  VOICE_TO_CLOUD,
} from './clause-meaning';
import { type Side } from './classify.types';
import { mostlyShared } from './choice-survives';
import { KEPT_AWAY, VOICE_LIKE, WITHDRAWN } from './local-choice';
import { matches } from './pattern-gate';
import { type ClauseReading, readClause } from './read-clause';
import { type SideLines } from './side-lines';
import { splitSentences } from './split-sentences';

/** Cookies or processing the service needs, which no choice was ever about ("strictly necessary"). */
const NECESSARY_ONLY_CONTEXT = /\b(strictly necessary|essential|necessary for|required for)\b/u;
/** "Turn this on", "switch it off", "enable it": a choice whose object the sentence before names. */
const POINTS_BACK =
  /\b(turn|switch|toggle|flip)(ing|s)? (this|it|that) (on|off)\b|^\W*(this|that|it) (can't|cannot|can not|won't|will not) be (switched|turned|toggled) off\b|\b(stop|prevent|opt out of|object to|refuse|decline) (this|that)\b|\b(decide|choose) (whether|if) [\w'’ ]{1,30} (is|are|gets?) (part of|included in|used (for|in)|in) (this|that|it)\b|\bstay out of (this|that|it)\b|\b(enable|disable|activate|deactivate)s? (this|it|that)\b|\b(this|that|the) (feature|setting|option|mode|control)\b/u;
/** A choice (offered, or announced gone) that names no data. */
const unnamedChoice = (m: Meaning) =>
  (m.kind === 'opt-out-added' || m.kind === 'opt-out-removed') && m.topic === null;

/**
 * The removed choices that took the data their untouched surroundings name (see
 * `keptContextTopics`), kept for the added side's reading.
 */
export interface KeptContext {
  side: 'removed' | 'added';
  read: [Side, string[]][];
}

/**
 * A choice that names no data is about the data its paragraph names. One that points back ("Echo
 * Show 15 can process your requests without sending any audio to the cloud. Turn this on under
 * Settings."; "… you enabled Do Not Send Voice Recordings. This feature will no longer be
 * available.") takes the data of the sentence before it; another takes the one kind of data the
 * other changed sentences of its paragraph name ("Want Alexa to work without your voice leaving the
 * house? Switch on on-device processing …"), when they name only one; failing those, a removed
 * choice takes what the text left around it names (`keptContextTopics`). Call it for the removed
 * side first.
 */
export function topicFromContext(
  list: Side[],
  lines: SideLines,
  readingOf: (t: string) => ClauseReading,
  kept: KeptContext,
): void {
  // (each sentence's choice topics, and the sentences naming some by section, found once)
  const choiceTopics: (string[] | undefined)[] = [];
  const topicsAt = (k: number) =>
    (choiceTopics[k] ??= (list[k] as Side).reading.topics.filter((t) => CHOICE_TOPICS.includes(t)));
  let bySection: Map<number, number[]> | null = null;
  const sectionNaming = (section: number) => {
    if (!bySection) {
      bySection = new Map();
      for (let k = 0; k < list.length; k++) {
        if (topicsAt(k).length === 0) continue;
        const at = lines.section((list[k] as Side).reading.text);
        if (at < 0) continue;
        const group = bySection.get(at);
        if (group) group.push(k);
        else bySection.set(at, [k]);
      }
    }
    return bySection.get(section) ?? [];
  };
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as Side;
    // a choice announced gone by pointing back ("… we have decided to discontinue this feature"):
    // it is the choice the sentence before names, not a topic its reasons name ("new generative AI
    // capabilities")
    // (a voice the sentence itself says now goes to the cloud stays: "this feature will no longer be
    // available, and your voice recordings will be sent to the cloud")
    const gone = s.meanings.filter(
      (m) =>
        m.rule === 'choice-announced-gone' &&
        m.topic !== null &&
        !(m.topic === 'voice-recordings' && matches(s.reading.norm, VOICE_TO_CLOUD)),
    );
    const previous = list[i - 1];
    if (
      gone.length &&
      POINTS_BACK.test(s.reading.norm) &&
      previous &&
      lines.sameParagraph(previous.reading.text, s.reading.text)
    ) {
      const named = previous.reading.topics.filter((t) => CHOICE_TOPICS.includes(t));
      // (the sentence before names the setting, or the data: the choice is about that, or about
      // what the page says around it when that sentence names no data)
      if (
        (named.length > 0 || previous.reading.settings.length > 0) &&
        !gone.some((m) => named.includes(m.topic as string))
      )
        s.meanings = [
          ...s.meanings.filter((m) => !gone.includes(m)),
          ...(named.length ? named : [null]).map((topic) => ({
            ...(gone[0] as Meaning),
            topic,
            object: topic ?? 'choice',
          })),
        ];
    }
    if (!s.meanings.some(unnamedChoice)) continue;
    let topics: string[] = [];
    let aspect = '';
    let paragraphNames = false;
    if (POINTS_BACK.test(s.reading.norm)) {
      const before = list[i - 1];
      if (before && lines.sameParagraph(before.reading.text, s.reading.text))
        topics = NECESSARY_ONLY_CONTEXT.test(before.reading.norm) ? [] : topicsAt(i - 1);
      else {
        // (the sentence before it left as it was: "… may be used to improve our models. You can
        // stop this by turning off …")
        const kept = lines.sentenceBefore(s.reading.text);
        if (kept && !NECESSARY_ONLY_CONTEXT.test(readingOf(kept).norm))
          topics = choiceTopicsNamed(readingOf(kept));
      }
      paragraphNames = topics.length > 0;
    } else {
      // otherwise the one kind of data its paragraph's other changed sentences name, if only one
      const near: number[] = [];
      for (let k = Math.max(0, i - 3); k < Math.min(list.length, i + 4); k++) {
        const x = list[k] as Side;
        if (
          x !== s &&
          topicsAt(k).length > 0 &&
          (lines.sameParagraph(x.reading.text, s.reading.text) ||
            (s.reading.tokens.length <= 12 && lines.labelOf(s.reading.text, x.reading.text)))
        )
          near.push(k);
      }
      const names = [...new Set(near.flatMap(topicsAt))];
      if (names.length === 1) topics = names;
      paragraphNames = names.length > 0;
    }
    // where its paragraph names no data, the one kind of data its section's other changed
    // sentences name (an FAQ's "How do I turn it on?" under the answer that says what it keeps),
    // and what they say it does ("keeps everything you say on the doorbell": a choice to keep
    // voice local)
    if (!paragraphNames) {
      const at = lines.section(s.reading.text);
      const others = at < 0 ? [] : sectionNaming(at).filter((k) => k !== i);
      const sides = others.map((k) => list[k] as Side);
      const section = [...new Set(others.flatMap(topicsAt))];
      if (section.length === 1) {
        topics = section;
        if (sides.some((x) => choiceAspect(x.reading) === 'local')) aspect = ':local';
      }
    }
    // where no changed sentence near it names data, what its untouched surroundings name: for a
    // choice a sentence offers and says what it is ("You can switch off the use of your logs for
    // product research"), not one that only points back ("Pick a sound or turn it off") or a label
    // (given the data of its surroundings, a heading's "Changes to local processing" would read as
    // a removed choice kept)
    // On the added side only the same sentence reworded takes them (its link renamed): given the
    // data of its surroundings, a new choice would read as a removed one kept ("Partner offers are
    // included for everyone" under "Can I stop partner offers?" does not keep that choice).
    if (
      topics.length === 0 &&
      !paragraphNames &&
      s.reading.tokens.length >= 6 &&
      s.meanings.some(
        (m) =>
          unnamedChoice(m) &&
          (m.rule === 'choice-offered' ||
            m.rule === 'choice-announced-gone' ||
            m.rule === 'points-back-choice'),
      )
    ) {
      // (one that only points back, "Go to Settings and clear the checkbox", reads no further than
      // its own paragraph: "Pick a sound or turn it off" is about the chime its item names)
      const paragraphOnly = s.meanings.every((m) => !unnamedChoice(m) || m.rule === 'points-back-choice');
      // (a choice announced gone keeps no removed choice alive: it reads its surroundings on either
      // side, "Home-only Listening lets the speaker handle requests without sending your voice … This
      // option can no longer be turned on.")
      if (kept.side === 'removed' || s.meanings.some((m) => m.rule === 'choice-announced-gone')) {
        topics = keptContextTopics(s.reading.text, lines, readingOf, paragraphOnly);
        if (topics.length > 0 && kept.side === 'removed') kept.read.push([s, topics]);
      } else {
        const words = new Set(s.reading.tokens);
        topics = kept.read.find(([r]) => mostlyShared(new Set(r.reading.tokens), words))?.[1] ?? [];
      }
    }
    if (topics.length === 0) continue;
    s.meanings = s.meanings.flatMap((m) =>
      unnamedChoice(m)
        ? topics.map((topic) => ({
            ...m,
            topic,
            object:
              m.object === 'choice'
                ? topic + aspect
                : m.object.startsWith('choice:')
                  ? topic + m.object.slice(6)
                  : m.object,
          }))
        : [m],
    );
  }
}

/** The kinds of data a choice can be about that a sentence names, in its words or its meanings. */
function choiceTopicsNamed(reading: ClauseReading): string[] {
  const out = reading.topics.filter((t) => CHOICE_TOPICS.includes(t));
  for (const m of meaningsOf(reading))
    if (m.topic !== null && CHOICE_TOPICS.includes(m.topic) && !out.includes(m.topic)) out.push(m.topic);
  // (what a device hears kept on it names a voice: "Offline listening lets the earbuds understand
  // commands without a connection")
  if (!out.includes('voice-recordings') && keepsVoiceLocal(reading)) out.push('voice-recordings');
  return out;
}

/**
 * The data a choice that names none is about, read from the text the change left around it: the
 * other sentences of its paragraph ("… a small sample of voice recordings may be reviewed by
 * trained employees. You can choose whether your recordings are included in this review …"), else
 * the heading it stands under ("How we use your cycle and pregnancy data"), else the lines of its
 * section. Surroundings that name more than two kinds of data say nothing about which one.
 */
function keptContextTopics(
  text: string,
  lines: SideLines,
  readingOf: (t: string) => ClauseReading,
  paragraphOnly = false,
): string[] {
  const named = (sentences: string[]) => {
    const out = new Set<string>();
    for (const x of sentences) if (x !== text) for (const t of choiceTopicsNamed(readingOf(x))) out.add(t);
    return [...out];
  };
  const own = lines.paragraphOf(text);
  const inParagraph = own ? named(splitSentences(own)) : [];
  if (inParagraph.length > 0 || paragraphOnly) return inParagraph.length <= 2 ? inParagraph : [];
  const heading = lines.headingsAbove(text)[0];
  const underHeading = heading ? named([heading]) : [];
  if (underHeading.length > 0) return underHeading.length <= 2 ? underHeading : [];
  const inSection = named(
    lines
      .sectionLines(text)
      .filter((l) => l !== own)
      .flatMap((l) => splitSentences(l)),
  );
  return inSection.length <= 2 ? inSection : [];
}

/**
 * "This feature" withdrawn ("Beginning March 28, this feature will no longer be available"), in a
 * sentence that names nothing else: the setting a sentence just before it names (in the same
 * section, up to three sentences back), when that sentence names a setting and a kind of data a
 * choice is about ("you turned on Do Not Send Voice Recordings"). A feature gone that no such
 * sentence names ("this feature will no longer be available" after "Dark mode …") is no choice.
 */
export function featureGoneFromContext(list: Side[], lines: SideLines): void {
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as Side;
    // (also where the sentence's own topic comes from the reason it gives: "as we expand … with
    // generative AI features, we have decided to stop supporting this feature")
    if (
      s.meanings.some((m) => m.rule !== 'choice-announced-gone') ||
      !THIS_FEATURE.test(s.reading.norm) ||
      !matches(s.reading.norm, WITHDRAWN)
    )
      continue;
    const gone = (x: ClauseReading): boolean => {
      const topics = x.topics.filter((t) => CHOICE_TOPICS.includes(t));
      if (x.settings.length === 0 || topics.length === 0) return false;
      s.meanings = topics.map((topic) => ({
        kind: 'opt-out-removed',
        topic,
        rule: 'choice-announced-gone',
        object: choiceAspect(x) === 'local' ? `${topic}:local` : topic,
      }));
      return true;
    };
    let found = false;
    for (let k = i - 1; k >= Math.max(0, i - 3) && !found; k--) {
      const x = list[k] as Side;
      if (!lines.sameSection(x.reading.text, s.reading.text)) break;
      found = gone(x.reading);
    }
    // (or a sentence the change left alone just before it, in its section: a notice appended under
    // "You turned on Keep Voice Local …")
    if (!found) {
      const section = lines.sectionLines(s.reading.text);
      const at = section.findIndex((l) => l.includes(s.reading.text));
      const own = at < 0 ? [] : splitSentences(section[at] as string);
      const earlier = [
        ...section.slice(0, Math.max(0, at)).flatMap((l) => splitSentences(l)),
        ...own.slice(0, Math.max(0, own.indexOf(s.reading.text))),
      ];
      const end = earlier.length;
      for (let k = end - 1; k >= Math.max(0, end - 3) && !gone(readClause(earlier[k] as string)); k--);
    }
  }
}
/** A changelog's label on a line of its own ("Removed", "### Deprecated"). */
export const REMOVED_LABEL =
  /^[\s#*_>•·-]*(removed|discontinued|retired|deprecated|dropped|no longer (available|supported))[*_:.]*\s*$/iu;

/**
 * An item under a changelog's "Removed" label ("Removed" / "The Local-only voice toggle in Privacy
 * settings."): read as the same line would be with the label before it ("Removed: …").
 */
export function listedUnderRemoved(list: Side[], lines: SideLines): void {
  for (const s of list) {
    if (s.meanings.some((m) => m.kind === 'opt-out-removed')) continue;
    // (the label is the line just above the item, changed or not; or the heading of its section)
    const section = lines.sectionLines(s.reading.text);
    const at = section.findIndex((l) => l.includes(s.reading.text.replace(/^[\s*_>•·+-]+/u, '')));
    if (at < 1) continue;
    const label = [section[at - 1] as string, section[0] as string];
    if (!label.some((l) => REMOVED_LABEL.test(l))) continue;
    const gone = meaningsOf(readClause(`Removed: ${s.reading.text.replace(/^[\s*_>•·+-]+/u, '')}`)).filter(
      (m) => m.kind === 'opt-out-removed',
    );
    // (the setting it names, listed as removed, is no longer offered)
    if (gone.length)
      s.meanings = [
        ...s.meanings.filter((m) => m.kind !== 'opt-out-added'),
        ...gone.map((m) => ({ ...m, rule: 'choice-listed-removed' })),
      ];
  }
}

/**
 * A setting announced gone by its name alone ("Private Translate was removed in firmware 3.0",
 * "Private Mode has been retired") takes the kind of data the page says that setting is about:
 * the one choice topic of the removed sentences, then of the new version's sentences, that name it
 * ("When Private Mode is on, what you say stays on the pin"), a voice-like setting being voice.
 */
export function namedGoneFromContext(
  added: Side[],
  removed: Side[],
  afterText: string | undefined,
  readingOf: (t: string) => ClauseReading,
): void {
  for (const s of added) {
    // (a name retired in words that name no privacy, "Quiet Assist has been retired", is a choice
    // gone only if the page says what that setting kept private)
    const gone = s.meanings.filter((m) => m.rule === 'choice-announced-gone' && m.topic === null);
    if (gone.length === 0 && s.meanings.length > 0) continue;
    const name = NAME_GONE.exec(s.reading.text)?.[1];
    if (!name) continue;
    const named = (text: string) => text.includes(name);
    // (a setting that keeps voice local is a voice choice, whatever else the text names)
    const topicsIn = (texts: string[]) => {
      const topics = new Set<string>();
      for (const t of texts) {
        const r = readingOf(t);
        if (matches(r.norm, VOICE_LIKE) && matches(r.norm, KEPT_AWAY)) return ['voice-recordings'];
        for (const x of r.topics) if (CHOICE_TOPICS.includes(x)) topics.add(x);
      }
      return [...topics];
    };
    // the removed sentences that name it, each with the one after it (what it does), then the
    // new version's paragraphs that name it
    let topics = topicsIn(
      removed.flatMap((r, k) =>
        named(r.reading.text) ? [r.reading.text, removed[k + 1]?.reading.text ?? ''].filter(Boolean) : [],
      ),
    );
    if (topics.length === 0 && afterText)
      topics = topicsIn(
        afterText
          .split(/\n\s*\n/u)
          .filter((t) => t.length < 2000 && named(t) && !t.includes(s.reading.text))
          .slice(0, 8),
      );
    if (topics.length !== 1) continue;
    const topic = topics[0] as string;
    s.meanings = [
      ...s.meanings.filter((m) => !gone.includes(m)),
      { kind: 'opt-out-removed', rule: 'choice-announced-gone', topic, object: topic },
    ];
  }
}
/** A setting's name in title case just before its withdrawal, captured. */
const NAME_GONE =
  /((?:[A-Z][\w'’-]*\s+){1,5}[A-Z][\w'’-]*)\**\s+(?:has been|have been|was|were|is|will be|is being) (?:discontinued|removed|retired|deprecated|sunset|sunsetted|phased out|taken away|withdrawn|eliminated|dropped|ended|no (?:longer|more) (?:available|offered|supported))\b/u;

const THIS_FEATURE = /\b(this|that|the) (feature|mode|setting|option|toggle|function)\b/u;
