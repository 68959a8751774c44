import { type Kind, type Topic } from '@fineprint/contracts';

import { type ChangeTag, type Citation, type Classification, type DiffResult } from './diff.types';
import { durationsOf, hasCue, SEVERITY_RULES, topicsOf } from './lexicon';

const MAX_CITATIONS = 5;
const MAX_CITATION_LENGTH = 600;

interface Reading {
  text: string;
  side: 'removed' | 'added';
  topics: Topic[];
  choice: boolean;
  revoked: boolean;
  reference: boolean;
  purpose: boolean;
  sharing: boolean;
  rights: boolean;
  durations: string[];
}

function read(text: string, side: Reading['side']): Reading {
  const negated = hasCue(text, 'negation');
  return {
    text,
    side,
    topics: topicsOf(text),
    choice: hasCue(text, 'choice'),
    revoked: hasCue(text, 'revoked'),
    reference: hasCue(text, 'reference'),
    purpose: hasCue(text, 'purpose') && !negated,
    sharing: hasCue(text, 'sharing') && !negated,
    rights: hasCue(text, 'rights'),
    durations: durationsOf(text),
  };
}

const overlaps = (a: string[], b: string[]) =>
  (a.length === 0 && b.length === 0) || a.some((t) => b.includes(t));

/**
 * Says what a change means, by rules a reader can check: each tag names its rule and
 * cites the removed or added sentences that triggered it. Lexicons are data
 * (lexicon/*.json); severity comes from the first matching rule in severity.json.
 */
export function classifyChange(diff: DiffResult): Classification {
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

  const removed = diff.sentences.removed.map((s) => read(s, 'removed'));
  const added = diff.sentences.added.map((s) => read(s, 'added'));
  const tags = new Map<string, ChangeTag>();
  const tag = (kind: Kind | null, topic: Topic | null, rule: string, sentence: Reading) => {
    const key = `${kind ?? ''}|${topic ?? ''}`;
    let t = tags.get(key);
    if (!t) tags.set(key, (t = { topic, kind, rule, citations: [] }));
    if (
      t.citations.length < MAX_CITATIONS &&
      !t.citations.some((c) => c.text === sentence.text && c.side === sentence.side)
    ) {
      t.citations.push(cite(sentence));
    }
  };
  const tagEachTopic = (kind: Kind, rule: string, r: Reading) => {
    if (r.topics.length === 0) tag(kind, null, rule, r);
    for (const topic of r.topics) tag(kind, topic, rule, r);
  };

  // choices: a removed offer of a choice with no new offer on the same topic, or a new notice that it is gone
  const addedChoices = added.filter((r) => r.choice && !r.revoked && !r.reference);
  for (const r of removed.filter((x) => x.choice)) {
    if (!addedChoices.some((a) => overlaps(a.topics, r.topics)))
      tagEachTopic('opt-out-removed', 'choice-sentence-removed', r);
  }
  for (const r of added.filter((x) => x.choice && x.revoked))
    tagEachTopic('opt-out-removed', 'choice-announced-gone', r);
  const removedChoices = removed.filter((r) => r.choice);
  for (const r of addedChoices) {
    if (!removedChoices.some((x) => overlaps(x.topics, r.topics)))
      tagEachTopic('opt-out-added', 'choice-sentence-added', r);
  }

  // purposes: a use of data that was not there before
  const removedPurposes = removed.filter((r) => r.purpose);
  for (const r of added.filter((x) => x.purpose)) {
    if (!removedPurposes.some((x) => overlaps(x.topics, r.topics) && sameWords(x.text, r.text)))
      tagEachTopic('new-data-use', 'purpose-sentence-added', r);
  }

  // sharing
  const removedSharing = removed.filter((r) => r.sharing);
  for (const r of added.filter((x) => x.sharing)) {
    if (!removedSharing.some((x) => sameWords(x.text, r.text)))
      tagEachTopic('sharing-expanded', 'sharing-sentence-added', r);
  }

  // rights
  const addedRights = added.filter((r) => r.rights);
  const removedRights = removed.filter((r) => r.rights);
  for (const r of removedRights) {
    if (!addedRights.some((a) => overlaps(a.topics, r.topics)))
      tagEachTopic('rights-reduced', 'rights-sentence-removed', r);
  }
  for (const r of addedRights) {
    if (!removedRights.some((x) => overlaps(x.topics, r.topics)))
      tagEachTopic('rights-added', 'rights-sentence-added', r);
  }

  // retention: durations named on one side and not the other
  const retentionSentences = [...removed, ...added].filter(
    (r) => r.topics.includes('retention') || r.durations.length > 0,
  );
  const before = new Set(removed.flatMap((r) => (r.topics.includes('retention') ? r.durations : [])));
  const after = new Set(added.flatMap((r) => (r.topics.includes('retention') ? r.durations : [])));
  const differs = [...before].some((d) => !after.has(d)) || [...after].some((d) => !before.has(d));
  if (differs) {
    for (const r of retentionSentences.filter(
      (x) => x.topics.includes('retention') && x.durations.length > 0,
    )) {
      tag('retention-changed', 'retention', 'duration-changed', r);
    }
  }

  // topics touched by other substantive sentences
  const tagged = new Set([...tags.values()].flatMap((t) => t.citations.map((c) => c.text)));
  for (const r of [...removed, ...added]) {
    if (tagged.has(r.text)) continue;
    for (const topic of r.topics)
      if (![...tags.values()].some((t) => t.topic === topic)) tag(null, topic, 'topic-mentioned', r);
  }

  const list = [...tags.values()].sort(byImportance);
  const topics = [...new Set(list.map((t) => t.topic).filter((t): t is Topic => t !== null))];
  const kinds = [...new Set(list.map((t) => t.kind).filter((k): k is Kind => k !== null))];
  const rule = SEVERITY_RULES.find(
    (r) =>
      (!r.kinds || r.kinds.some((k) => kinds.includes(k))) &&
      (!r.topics ||
        r.topics.some((t) =>
          list.some((tg) => tg.topic === t && (!r.kinds || (tg.kind !== null && r.kinds.includes(tg.kind)))),
        )),
  );
  return {
    severity: rule?.severity ?? 'low',
    severityRule: rule?.name ?? 'substantive-change',
    cosmetic: false,
    tags: list,
    topics,
    kinds,
  };
}

function cite(r: Reading): Citation {
  return {
    side: r.side,
    text: r.text.length > MAX_CITATION_LENGTH ? `${r.text.slice(0, MAX_CITATION_LENGTH - 1)}…` : r.text,
  };
}

/** Two sentences that say almost the same thing (a reworded purpose is not a new purpose). */
function sameWords(a: string, b: string): boolean {
  const wa = new Set(a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const wb = new Set(b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  if (wa.size === 0 || wb.size === 0) return false;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size) >= 0.8;
}

const KIND_ORDER = [
  'opt-out-removed',
  'rights-reduced',
  'new-data-use',
  'sharing-expanded',
  'retention-changed',
  'opt-out-added',
  'rights-added',
];
function byImportance(a: ChangeTag, b: ChangeTag): number {
  const ka = a.kind ? KIND_ORDER.indexOf(a.kind) : 99;
  const kb = b.kind ? KIND_ORDER.indexOf(b.kind) : 99;
  return ka - kb || (a.topic ?? '~').localeCompare(b.topic ?? '~');
}
