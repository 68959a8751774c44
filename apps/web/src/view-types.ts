import { type ChangeState, type Severity, type VersionStatus } from '@fineprint/contracts';

export interface Vendor {
  id: string;
  slug: string;
  name: string;
  documents?: number;
}
export interface Citation {
  side: 'removed' | 'added';
  text: string;
}
export interface Tag {
  topic: string | null;
  kind: string | null;
  rule: string;
  citations: Citation[];
  /** Since issue #13 (absent on older changes): what decided the tag, its score, and its own severity. */
  source?: 'rule' | 'model';
  score?: number;
  severity?: Severity;
  severityRule?: string;
}
export interface ChangeItem {
  id: string;
  summary: string;
  severity: Severity;
  state: ChangeState;
  stateReason: string | null;
  cosmetic: boolean;
  tags: Tag[];
  topics: string[];
  kinds: string[];
  stats: { wordsAdded?: number; wordsRemoved?: number; changedShare?: number };
  detectedAt: string;
  document: { id: string; title: string; url: string; type: string };
  vendor: Vendor;
  fromVersion: { id: string; seq: number; rawUrl: string };
  toVersion: { id: string; seq: number; rawUrl: string };
  rendered?: { unified: string; inline: string; sideBySide: string };
}
export interface DocumentItem {
  id: string;
  vendor: Vendor;
  title: string;
  type: string;
  url: string;
  select: string[];
  remove: string[];
  fetch: string;
  intervalMinutes: number;
  active: boolean;
  status: 'unknown' | 'ok' | 'failing';
  unstable: boolean;
  consecutiveFailures: number;
  lastError: string | null;
  lastCheckedAt: string | null;
  lastChangedAt: string | null;
}
export interface VersionItem {
  id: string;
  seq: number;
  status: VersionStatus;
  statusReason: string | null;
  recordedAt: string;
  byteLength: number;
  links: { raw: string; text: string };
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
