import { REMOVAL_OF } from './lexicon';

/** Kinds that say the service does more: collects, uses, shares or tracks. */
export const EXPANDING = ['new-data-use', 'new-data-collected', 'sharing-expanded', 'tracking-added'];
/** Purposes a list item may name that are news as a use. */
export const PURPOSE_TOPICS = ['advertising', 'marketing', 'ai-training'];

/** Kinds whose statement with no named topic is news unless a removed sentence it rewords said it. */
export const NEW_CATEGORY = new Set(['new-data-collected', 'new-data-use', 'sharing-expanded']);
/**
 * The kind a practice becomes when its scope is narrowed (what its removal means, meaning.json's
 * `removal`), and the kind a limited practice becomes when its limit is dropped (the reverse).
 */
export const NARROWER_KIND: Record<string, string> = Object.fromEntries(
  EXPANDING.map((k) => [k, REMOVAL_OF[k] as string]),
);
export const WIDER_KIND: Record<string, string> = Object.fromEntries(
  EXPANDING.map((k) => [REMOVAL_OF[k] as string, k]),
);
/** A meaning's kind and topic, as one string: the same statement, whatever its sentence. */
export const key = (m: { kind: string; topic: string | null }) => `${m.kind}|${m.topic ?? ''}`;
