import { meetsSeverity } from '@fineprint/contracts';

import { type Severity } from './change-notification';

export interface Scope {
  vendorId?: string | null;
  documentId?: string | null;
  topic?: string | null;
  minSeverity: Severity;
  includeCosmetic: boolean;
}

export interface ChangeFacts {
  vendorId: string;
  documentId: string;
  topics: string[];
  severity: Severity;
  cosmetic: boolean;
}

/**
 * Whether a subscriber hears about a change: every filter that is set must match;
 * cosmetic changes only when asked for, whatever the minimum severity.
 */
export function matchesScope(scope: Scope, change: ChangeFacts): boolean {
  if (scope.vendorId && scope.vendorId !== change.vendorId) return false;
  if (scope.documentId && scope.documentId !== change.documentId) return false;
  if (scope.topic && !change.topics.includes(scope.topic)) return false;
  if (change.cosmetic || change.severity === 'cosmetic') return scope.includeCosmetic;
  return meetsSeverity(change.severity, scope.minSeverity);
}

/** The scope in words, for confirmation emails. */
export function describeScope(
  scope: Scope,
  names: { vendor?: string | null; document?: string | null } = {},
): string {
  const parts: string[] = [];
  parts.push(
    scope.documentId
      ? `changes to ${names.document ?? 'one document'}`
      : scope.vendorId
        ? `changes by ${names.vendor ?? 'one vendor'}`
        : 'changes by every vendor',
  );
  if (scope.topic) parts.push(`about ${scope.topic.replace(/-/g, ' ')}`);
  parts.push(
    scope.minSeverity === 'high'
      ? 'of high severity'
      : scope.minSeverity === 'medium'
        ? 'of medium severity or more'
        : 'of any severity',
  );
  if (scope.includeCosmetic) parts.push('including cosmetic edits');
  return parts.join(', ');
}
