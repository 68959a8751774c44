/**
 * The words Fineprint's API, dashboard, pipeline and notifications share: the one place
 * that answers "what is a severity, a kind, a topic, a document type, a fetch-error kind?".
 * The database enums are checked against these lists at compile time (libs/db).
 */
import { z } from 'zod';

/** Severities, most severe first. */
export const SEVERITIES = ['high', 'medium', 'low', 'cosmetic'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The same severities, least severe first: `severityAtLeast` slices it. */
export const SEVERITY_ORDER = [...SEVERITIES].reverse() as readonly Severity[];

/** The severities a reader sets a minimum with, most severe first (cosmetic edits are opted into apart). */
export const MINIMUM_SEVERITIES = SEVERITIES.filter((s) => s !== 'cosmetic');

/** The severities at or above `min`, least severe first. */
export function severityAtLeast(min: Severity): Severity[] {
  return SEVERITY_ORDER.slice(SEVERITY_ORDER.indexOf(min));
}

/** Whether `severity` is at least `min`. */
export function meetsSeverity(severity: Severity, min: Severity): boolean {
  return SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(min);
}

export const TOPICS = [
  'voice-recordings',
  'ai-training',
  'human-review',
  'retention',
  'deletion',
  'third-party-sharing',
  'sale-of-data',
  'advertising',
  'children',
  'location',
  'biometrics',
  'security',
  'arbitration',
  'contact',
  // issue #13: clause-level meaning ('sale-of-data' stays the data-sale topic)
  'health',
  'financial',
  'cookies-tracking',
  'law-enforcement',
  'marketing',
  'business-transfer',
  'service-providers',
  'international-transfer',
  // the content of private messages, emails and chats (read, reviewed, collected)
  'communications-content',
] as const;
export type Topic = (typeof TOPICS)[number];
export const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);

export const KINDS = [
  'opt-out-removed',
  'opt-out-added',
  'new-data-use',
  'retention-changed',
  'sharing-expanded',
  'rights-reduced',
  'rights-added',
  // issue #13: kinds in both directions ('new-data-use' is the expanding use of data;
  // 'retention-changed' also comes with either retention direction)
  'data-use-narrowed',
  'new-data-collected',
  'data-collection-reduced',
  'sharing-narrowed',
  'retention-lengthened',
  'retention-shortened',
  'promise-withdrawn',
  'tracking-added',
  'tracking-removed',
] as const;
export type Kind = (typeof KINDS)[number];

export const DOCUMENT_TYPES = [
  'privacy_notice',
  'terms',
  'help_article',
  'faq',
  'cookie_policy',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Document types are spelt with underscores everywhere (API, database, webhooks, catalog
 * files). The kebab-case spelling (`help-article`) is accepted as an alias on input.
 */
export function toDocumentType(value: string): DocumentType | null {
  const canonical = value.trim().toLowerCase().replace(/-/g, '_');
  return (DOCUMENT_TYPES as readonly string[]).includes(canonical) ? (canonical as DocumentType) : null;
}

/** A document type on input: either spelling, answered with the accepted values when neither. */
export const documentTypeSchema = z.string().transform((value, ctx): DocumentType => {
  const type = toDocumentType(value);
  if (type) return type;
  ctx.addIssue({
    code: 'custom',
    message: `must be one of ${DOCUMENT_TYPES.join(', ')} (or the same with "-" for "_")`,
  });
  return z.NEVER;
});

export const FETCH_MODES = ['http', 'browser', 'auto'] as const;
export type FetchMode = (typeof FETCH_MODES)[number];

export const DOCUMENT_STATUSES = ['unknown', 'ok', 'failing'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Why a fetch failed: retry with backoff, try the browser then report, or record and stop. */
export const FETCH_ERROR_KINDS = ['transient', 'blocked', 'permanent', 'declaration'] as const;
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

/** What one check attempt came to (one CheckRun each). */
export const CHECK_OUTCOMES = ['unchanged', 'not_modified', 'new_version', 'failed', 'quarantined'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** What started a check. */
export const CHECK_TRIGGERS = ['scheduled', 'manual', 'created', 'confirm', 'cli'] as const;
export type CheckTrigger = (typeof CHECK_TRIGGERS)[number];

export const VERSION_STATUSES = [
  'baseline',
  'pending',
  'confirmed',
  'transient',
  'revert',
  'quarantined',
  'released',
] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const CHANGE_STATES = ['pending', 'announced', 'suppressed'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

/** Severity rank: the most severe has the highest. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
