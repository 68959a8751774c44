import { type FilterBundle } from '@fineprint/sandbox';

import { type FilterSpec } from './builtin-filters';

export type FetchMode = 'http' | 'browser' | 'auto';

/** What a fetch brings back, before extraction. */
export interface FetchResult {
  /** Raw bytes (after transfer decoding). */
  body: Buffer;
  /** SHA-256 of `body`, hex. */
  sha256: string;
  contentType: string | null;
  charset: string | null;
  status: number;
  headers: {
    etag?: string;
    lastModified?: string;
    contentLanguage?: string;
    contentType?: string;
    /** A combined snapshot: each page's validators, in the declared order (decision 0026). */
    sources?: SourceValidators[];
  };
  finalUrl: string;
  fetchedWith: 'http' | 'browser';
  notModified: boolean;
  durationMs: number;
}

/** One page's HTTP validators, kept to ask for it conditionally next time. */
export interface SourceValidators {
  url: string;
  etag?: string;
  lastModified?: string;
}

/**
 * What a fetch may send conditionally: the validators of the page as last stored, and the
 * hash of its bytes when they were accepted (the fetcher then skips re-vetting them).
 */
export interface ConditionalFetch {
  etag?: string;
  lastModified?: string;
  knownSha256?: string;
  /** A combined document: each page's validators as stored with the previous snapshot. */
  sources?: SourceValidators[];
  /**
   * A combined document: the previous snapshot's bytes, asked for only when some pages
   * answered 304 and others did not, to rebuild the snapshot without fetching those again.
   */
  previousBody?: () => Promise<Buffer | null>;
}

export interface DocumentDeclaration {
  url: string;
  select?: string[];
  remove?: string[];
  fetchMode: FetchMode;
  language?: string | null;
  /** Named filters (Open Terms Archive's shape), run before `remove` and `select`. */
  filters?: FilterSpec[];
  /**
   * The collection's filter code, given only when the operator opted in: without it, the
   * built-in filters run and the collection's own are skipped.
   */
  filterCode?: FilterBundle | null;
  /** A document made of several pages, in order (decision 0021); absent for one page. */
  sources?: SourceDeclaration[] | null;
}

/** One page of a combined document. */
export interface SourceDeclaration {
  url: string;
  /** Stored selectors, as the document's own (CSS, or a range as its JSON). */
  select?: string[];
  remove?: string[];
  fetchMode: FetchMode;
  filters?: FilterSpec[];
}

export interface ExtractedDocument {
  markdown: string;
  title: string | null;
  language: string | null;
  wordCount: number;
}
