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
  headers: { etag?: string; lastModified?: string; contentLanguage?: string; contentType?: string };
  finalUrl: string;
  fetchedWith: 'http' | 'browser';
  notModified: boolean;
  durationMs: number;
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
