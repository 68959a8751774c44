import cuesData from './lexicon/cues.json';
import severityData from './lexicon/severity.json';
import topicsData from './lexicon/topics.json';
import { type Kind, type Topic, TOPICS } from '@fineprint/contracts';

import { type Severity } from './diff.types';

const compile = (patterns: string[]) => patterns.map((p) => new RegExp(p, 'iu'));

const asTopic = (key: string): Topic => {
  if ((TOPICS as readonly string[]).includes(key)) return key as Topic;
  throw new Error(`lexicon/topics.json: "${key}" is not a topic of libs/contracts (TOPICS)`);
};

/** Topic → patterns, from lexicon/topics.json (every key a topic of the vocabulary). */
export const TOPIC_PATTERNS: [Topic, RegExp[]][] = Object.entries(topicsData)
  .filter(([key]) => !key.startsWith('$'))
  .map(([topic, patterns]) => [asTopic(topic), compile(patterns as string[])]);

export type CueName =
  'choice' | 'purpose' | 'negation' | 'sharing' | 'rights' | 'retention' | 'revoked' | 'reference';

export const CUES: Record<CueName, RegExp[]> = {
  choice: compile(cuesData.choice),
  purpose: compile(cuesData.purpose),
  negation: compile(cuesData.negation),
  sharing: compile(cuesData.sharing),
  rights: compile(cuesData.rights),
  retention: compile(cuesData.retention),
  revoked: compile(cuesData.revoked),
  reference: compile(cuesData.reference),
};

export interface SeverityRule {
  name: string;
  severity: Severity;
  kinds?: Kind[];
  topics?: Topic[];
}

export const SEVERITY_RULES = severityData.rules as SeverityRule[];

export function topicsOf(sentence: string): Topic[] {
  return TOPIC_PATTERNS.filter(([, patterns]) => patterns.some((re) => re.test(sentence))).map(
    ([topic]) => topic,
  );
}

export function hasCue(sentence: string, cue: CueName): boolean {
  return CUES[cue].some((re) => re.test(sentence));
}

/** Durations a sentence names, normalised ("30 days", "indefinitely"), for retention comparisons. */
export function durationsOf(sentence: string): string[] {
  const out: string[] = [];
  for (const re of CUES.retention) {
    const global = new RegExp(re.source, 'giu');
    for (const m of sentence.matchAll(global))
      out.push(m[0].toLowerCase().replace(/\s+/g, ' ').replace(/s\b/, ''));
  }
  return out;
}
