/** The words Fineprint's API, dashboard and notifications share. */
export const SEVERITIES = ['high', 'medium', 'low', 'cosmetic'] as const;
export type Severity = (typeof SEVERITIES)[number];

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
] as const;
export type Topic = (typeof TOPICS)[number];

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

export const FETCH_MODES = ['http', 'browser', 'auto'] as const;
export type FetchMode = (typeof FETCH_MODES)[number];

export const DOCUMENT_STATUSES = ['unknown', 'ok', 'failing'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

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

/** Severity order, most severe first. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
