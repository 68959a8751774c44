/**
 * What the API answers. The presenters in apps/api are typed against these (with `Date`
 * fields, which JSON turns into ISO strings); the dashboard reads them with `string`.
 */
import { type RangeSelector } from './selector';
import {
  type ChangeState,
  type DocumentStatus,
  type DocumentType,
  type FetchMode,
  type Kind,
  type Severity,
  type Topic,
  type VersionStatus,
} from './vocabulary';

/** A time as the presenter holds it (`Date`) or as the client receives it (`string`). */
type Time = Date | string;

/** A page of results with the cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface VendorView {
  id: string;
  slug: string;
  name: string;
  /** In the vendor list only: how many documents are tracked. */
  documents?: number;
}

export interface CitationView {
  side: 'removed' | 'added';
  text: string;
}

export interface ChangeTagView {
  topic: Topic | null;
  kind: Kind | null;
  rule: string;
  citations: CitationView[];
  /** Since issue #13 (absent on older changes): what decided the tag, its score, and its own severity. */
  source?: 'rule' | 'model';
  score?: number;
  severity?: Severity;
  severityRule?: string;
}

export interface DocumentView<T extends Time = string> {
  id: string;
  vendor: VendorView;
  slug: string;
  title: string;
  type: DocumentType;
  url: string;
  select: string[];
  remove: string[];
  fetch: FetchMode;
  language: string | null;
  intervalMinutes: number;
  active: boolean;
  status: DocumentStatus;
  unstable: boolean;
  consecutiveFailures: number;
  lastError: string | null;
  source: string | null;
  lastCheckedAt: T | null;
  lastSuccessAt: T | null;
  lastChangedAt: T | null;
  createdAt: T;
  deletedAt: T | null;
  /**
   * Since issue #15. `select` and `remove` as declared (decision 0020): a CSS selector as a
   * string, a range selector as its object; the `select`/`remove` fields above keep the
   * stored form (a range as its JSON text).
   */
  selectors: { select: SelectorView[]; remove: SelectorView[] };
  /**
   * A combined document's pages, in order (Open Terms Archive's `combine`, decision 0021):
   * each page's URL with its own selectors, fetch mode and filters. Null for one page.
   */
  sources: DocumentSourceView[] | null;
  /** The document's filters as declared: `"name"` or `{ "name": parameters }`. */
  filters: FilterView[];
  /**
   * The collection's own (named) filters the document or one of its sources declares (not
   * the built-in ones, which always run).
   */
  namedFilters: string[];
  /**
   * True when those named filters have not run: the operator has not opted in to the
   * collection's filter code (`catalog import-ota --run-filters`), so the text may be wider
   * than the declaration.
   */
  filtersPending: boolean;
}

/** A selector as declared: CSS, or a range `{ startBefore | startAfter, endBefore | endAfter }`. */
export type SelectorView = string | RangeSelector;

/** A filter as Open Terms Archive declares it: a name, or `{ name: parameters }`. */
export type FilterView = string | Record<string, unknown>;

/** One page of a combined document. */
export interface DocumentSourceView {
  url: string;
  select: SelectorView[];
  remove: SelectorView[];
  fetch: FetchMode;
  filters: FilterView[];
}

export interface VersionView<T extends Time = string> {
  id: string;
  documentId: string;
  seq: number;
  status: VersionStatus;
  statusReason: string | null;
  revertOfId: string | null;
  sha256: string;
  chainHash: string;
  previousChainHash: string | null;
  byteLength: number;
  recordedAt: T;
  confirmedAt: T | null;
  snapshotId: string;
  links: { self: string; text: string; raw: string };
  text?: string;
}

export interface VersionRefView {
  id: string;
  seq: number;
  snapshotId: string;
  rawUrl: string;
}

export interface ChangeStatsView {
  wordsBefore?: number;
  wordsAfter?: number;
  wordsAdded?: number;
  wordsRemoved?: number;
  changedShare?: number;
  diffMs?: number;
}

export interface ChangeView<T extends Time = string> {
  id: string;
  summary: string;
  severity: Severity;
  severityRule: string | null;
  cosmetic: boolean;
  state: ChangeState;
  stateReason: string | null;
  tags: ChangeTagView[];
  topics: Topic[];
  kinds: Kind[];
  stats: ChangeStatsView;
  detectedAt: T;
  announcedAt: T | null;
  document: { id: string; title: string; url: string; type: DocumentType };
  vendor: VendorView;
  fromVersion: VersionRefView;
  toVersion: VersionRefView;
  links: { self: string; page: string; fromVersion: string; toVersion: string };
  /** One change asked for by id: the diff and its renderings. */
  diff?: unknown;
  rendered?: { unified: string; inline: string; sideBySide: string };
}
