import durationsData from './lexicon/durations.json';
import meaningData from './lexicon/meaning.json';
import severityData from './lexicon/severity.json';
import topicsData from './lexicon/topics.json';
import { type Severity } from './diff.types';
import { gated } from './pattern-gate';

/** Topic → one combined pattern, from lexicon/topics.json. */
export const TOPIC_PATTERNS: [string, RegExp][] = Object.entries(topicsData)
  .filter(([key]) => !key.startsWith('$'))
  .map(([topic, patterns]) => [topic, new RegExp((patterns as string[]).map((p) => `(?:${p})`).join('|'))]);

export interface SeverityRule {
  name: string;
  severity: Severity;
  kinds?: string[];
  topics?: string[];
  /** The rule matches only a tag whose topic is none of these. */
  exceptTopics?: string[];
  /** The rule matches only a tag one of whose cited sentences matches this pattern (lower case). */
  citing?: RegExp;
}

export const SEVERITY_RULES: SeverityRule[] = severityData.rules.map((r) => {
  const { citing, ...rest } = r as Omit<SeverityRule, 'citing'> & { citing?: string };
  return citing === undefined ? rest : { ...rest, citing: new RegExp(citing, 'u') };
});
export const DEFAULT_SEVERITY = severityData.default as { name: string; severity: Severity };

/** What removing a clause means, given what adding it means (lexicon/meaning.json). */
export const REMOVAL_OF: Record<string, string> = meaningData.removal;
export const PARENT_OF: Record<string, string> = meaningData.parents;
export const BETTER_KINDS = new Set(meaningData.better);
export const KIND_ORDER: string[] = meaningData.order;

/** Each topic's pattern, run only when the text holds the literals its matches need (pattern-gate.ts). */
const TOPIC_GATES = TOPIC_PATTERNS.map(([topic, re]) => [topic, gated(re)] as const);

/** Topics of a sentence, normalised first (lower case: the patterns are lower-case ASCII). */
export function topicsOf(sentence: string): string[] {
  const out: string[] = [];
  for (const [topic, re] of TOPIC_GATES) if (re.test(sentence)) out.push(topic);
  return out;
}

export interface Duration {
  text: string;
  /** Length in days; Infinity for open-ended ("indefinitely", "as long as …"). */
  days: number;
}

const UNITS: Record<string, number> = durationsData.units;
const NUMBERS: Record<string, number> = durationsData.numbers;
const DURATION = new RegExp(
  `\\b(\\d+(?:[.,]\\d+)?|${Object.keys(NUMBERS).join('|')})(?:\\s*(?:\\(\\d+\\)\\s*)?|-)(${Object.keys(UNITS).join('|')})s?\\b`,
  'giu',
);
const PERMANENTLY_DELETED =
  /\bpermanently (deleted?|erased?|removed?|destroyed?|purged?|anonymi[sz]ed?)\b|\b(delet|eras|remov|destroy|purg)\w*( (it|them|this|these|that|those|the data|your data|such data))? permanently\b/iu;
const OPEN = new RegExp(`\\b(${durationsData.open.join('|')})\\b`, 'iu');
const PROMPT_DELETION =
  /\b(deleted|erased|removed|destroyed|purged)\b[^.;]{0,20}?\b(immediately|as soon as|right away|straight away|at once)\b|\b(immediately|promptly|instantly) (delete|erase|remove|destroy|purge)[sd]?\b/iu;

/** Durations a sentence names ("30 days", "eighteen months", "indefinitely"), with their length in days. */
export function durationsOf(sentence: string): Duration[] {
  const out: Duration[] = [];
  for (const m of sentence.matchAll(DURATION)) {
    const n = m[1] as string;
    const count = NUMBERS[n.toLowerCase()] ?? Number(n.replace(',', '.'));
    const unit = UNITS[(m[2] as string).toLowerCase()] ?? 1;
    out.push({ text: m[0].toLowerCase(), days: count * unit });
  }
  // (deleted the moment something ends: a period of no days, "deleted as soon as your plan ends")
  const prompt = PROMPT_DELETION.exec(sentence);
  if (prompt) out.push({ text: prompt[0].toLowerCase(), days: 0 });
  const open = OPEN.exec(sentence);
  // ("then permanently deleted" is how the data ends, not a period without end)
  if (open && !(open[0].toLowerCase() === 'permanently' && PERMANENTLY_DELETED.test(sentence)))
    out.push({ text: open[0].toLowerCase(), days: Infinity });
  return out;
}
