/**
 * What the English and the French change classifiers share once their tags are made: how a tag is
 * cited, ordered and matched to a severity rule (lexicon/severity.json), when a change is a bulk
 * rewrite, and the kinds a list of tags stands for.
 */
import { type Kind, KINDS, type Topic, TOPICS } from '@fineprint/contracts';

import { type ChangeTag, type Citation } from './diff.types';
import { KIND_ORDER, PARENT_OF, SEVERITY_RULES, type SeverityRule } from './lexicon';

/** At most this many sentences are cited by one tag. */
export const MAX_CITATIONS = 5;
const MAX_CITATION_LENGTH = 600;

/** A change that removes at least this many sentences, and adds as many or almost none, is a bulk rewrite or removal. */
export const BULK_SENTENCES = 40;

/** A sentence as a tag cites it, cut to 600 characters. */
export function citation(text: string, side: Citation['side']): Citation {
  return {
    side,
    text: text.length > MAX_CITATION_LENGTH ? `${text.slice(0, MAX_CITATION_LENGTH - 1)}…` : text,
  };
}

/** Tags by kind, in the lexicon's order of importance, then by topic. */
export function byImportance(a: ChangeTag, b: ChangeTag): number {
  const rank = (k: string | null) =>
    k === null ? 99 : KIND_ORDER.indexOf(k) < 0 ? 98 : KIND_ORDER.indexOf(k);
  return rank(a.kind) - rank(b.kind) || (a.topic ?? '~').localeCompare(b.topic ?? '~');
}

/** The first severity rule a tag meets: its kind, its topic, and where asked, a sentence it cites. */
export function severityRuleOf(t: ChangeTag): SeverityRule | undefined {
  return SEVERITY_RULES.find(
    (r) =>
      (r.kinds ? t.kind !== null && r.kinds.includes(t.kind) : true) &&
      (!r.topics || (t.topic !== null && r.topics.includes(t.topic))) &&
      (!r.exceptTopics || t.topic === null || !r.exceptTopics.includes(t.topic)) &&
      (!r.citing || t.citations.some((c) => (r.citing as RegExp).test(c.text.toLowerCase()))),
  );
}

/** A mass removal (next to nothing added) or a rewrite (as many added): both are bulk. */
export function bulkOf(removed: number, added: number): { massRemoval: boolean; bulk: boolean } {
  const massRemoval = removed >= BULK_SENTENCES && added * 10 < removed;
  return { massRemoval, bulk: massRemoval || (removed >= BULK_SENTENCES && added >= BULK_SENTENCES) };
}

/** A kind the meaning lexicon names, checked against libs/contracts. */
export function asKind(kind: string): Kind {
  if ((KINDS as readonly string[]).includes(kind)) return kind as Kind;
  throw new Error(`meaning lexicon: "${kind}" is not a kind of libs/contracts (KINDS)`);
}

/** The kinds of a list of tags, each with the older, broader kind it also counts as. */
export function kindsOf(tags: ChangeTag[]): Kind[] {
  const own = tags.map((t) => t.kind).filter((k): k is Kind => k !== null);
  return [
    ...new Set(
      own.flatMap((k) => {
        const parent = PARENT_OF[k];
        return parent ? [k, asKind(parent)] : [k];
      }),
    ),
  ];
}

/** A topic the lexicons name, checked against libs/contracts. */
export function asTopic(topic: string): Topic {
  if ((TOPICS as readonly string[]).includes(topic)) return topic as Topic;
  throw new Error(`meaning lexicon: "${topic}" is not a topic of libs/contracts (TOPICS)`);
}

/** What a change is about: its tags' topics, and the topics of the sentences its meaning tags cite. */
export function topicsOfChange(tags: ChangeTag[], topicsOfText: Map<string, string[]>): Topic[] {
  return [
    ...new Set([
      ...tags.map((t) => t.topic).filter((t): t is Topic => t !== null),
      ...tags
        .filter((t) => t.kind)
        .flatMap((t) => t.citations.flatMap((c) => (topicsOfText.get(c.text) ?? []).map(asTopic))),
      // (sharing with no more particular topic is sharing with third parties)
      ...(tags.some(
        (t) => t.topic === null && (t.kind === 'sharing-expanded' || t.kind === 'sharing-narrowed'),
      )
        ? (['third-party-sharing'] as Topic[])
        : []),
    ]),
  ];
}
