import { type Classification, type DiffResult } from './diff.types';

const KIND_WORDS: Record<string, string> = {
  'opt-out-removed': 'opt-out removed',
  'opt-out-added': 'opt-out added',
  'new-data-use': 'new use of data',
  'data-use-narrowed': 'use of data narrowed',
  'new-data-collected': 'new data collected',
  'data-collection-reduced': 'data collection reduced',
  'retention-changed': 'retention changed',
  'retention-lengthened': 'retention lengthened',
  'retention-shortened': 'retention shortened',
  'sharing-expanded': 'sharing expanded',
  'sharing-narrowed': 'sharing narrowed',
  'rights-reduced': 'rights reduced',
  'rights-added': 'rights added',
  'promise-withdrawn': 'promise withdrawn',
  'tracking-added': 'tracking added',
  'tracking-removed': 'tracking removed',
};

/** What decided a tag, in words: "rule pair:choice-offered" or "learned model, p = 0.82"; plus its severity. */
export function tagBasis(tag: {
  rule: string;
  source?: string;
  score?: number;
  severity?: string;
  severityRule?: string;
}): string {
  const by =
    tag.source === 'model'
      ? `learned model ${tag.rule.replace(/^.*model:/, '')}, p = ${tag.score ?? '?'}`
      : `rule ${tag.rule}`;
  return tag.severity ? `${by}; ${tag.severity} by severity rule ${tag.severityRule ?? '?'}` : by;
}

/** A meaning kind in words ("opt-out removed"); unknown kinds fall back to their slug with spaces. */
export function kindWords(kind: string): string {
  return KIND_WORDS[kind] ?? kind.replace(/-/g, ' ');
}

const words = (slug: string) => slug.replace(/-/g, ' ');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line: "Alexa Privacy Settings: opt-out removed (voice recordings); 2 paragraphs removed, 1 added". */
export function summarizeChange(title: string, diff: DiffResult, classification: Classification): string {
  if (diff.identical) return `${title}: no change`;
  const meaning: string[] = [];
  const own = classification.kinds.filter((k) => classification.tags.some((t) => t.kind === k));
  for (const kind of own.slice(0, 2)) {
    const topics = [
      ...new Set(
        classification.tags.filter((t) => t.kind === kind && t.topic).map((t) => words(t.topic as string)),
      ),
    ];
    meaning.push(`${kindWords(kind)}${topics.length ? ` (${topics.join(', ')})` : ''}`);
  }
  if (own.length > 2) meaning.push(`${own.length - 2} more`);
  if (meaning.length === 0) {
    if (classification.cosmetic) meaning.push('cosmetic edits only');
    else if (classification.topics.length)
      meaning.push(`changes about ${classification.topics.slice(0, 3).map(words).join(', ')}`);
    else meaning.push('wording changed');
  }
  const s = diff.stats;
  const counts: string[] = [];
  if (s.paragraphsRemoved) counts.push(`${plural(s.paragraphsRemoved, 'paragraph')} removed`);
  if (s.paragraphsAdded)
    counts.push(`${counts.length ? s.paragraphsAdded : plural(s.paragraphsAdded, 'paragraph')} added`);
  if (s.paragraphsChanged)
    counts.push(`${counts.length ? s.paragraphsChanged : plural(s.paragraphsChanged, 'paragraph')} changed`);
  if (s.paragraphsMoved)
    counts.push(`${counts.length ? s.paragraphsMoved : plural(s.paragraphsMoved, 'paragraph')} moved`);
  return `${title}: ${meaning.join(', ')}${counts.length ? `; ${counts.join(', ')}` : ''}`;
}
