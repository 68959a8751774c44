import { createHash } from 'node:crypto';

import { type Document } from '@fineprint/db';
import {
  type DocumentDeclaration,
  type ExtractedDocument,
  type FetchResult,
  type FilterSpec,
  type SourceDeclaration,
} from '@fineprint/scraper';

/**
 * What the check service needs from the scraper: `@fineprint/scraper`'s Scraper, seen
 * through this narrow interface so the service can be given another implementation.
 */
export type Declaration = DocumentDeclaration;

export interface ScraperPort {
  fetch(
    declaration: Declaration,
    /** `knownSha256`: the bytes of the page as last accepted (the fetcher skips re-vetting them). */
    conditional?: { etag?: string; lastModified?: string; knownSha256?: string },
  ): Promise<FetchResult>;
  extract(page: FetchResult, declaration: Declaration): Promise<ExtractedDocument>;
}

/** A fetch or extraction failure as the scraper reports it. */
export interface ScrapeFailure {
  kind: 'transient' | 'blocked' | 'permanent';
  code: string;
  message: string;
  httpStatus?: number;
}

export const SCRAPER = Symbol('SCRAPER');

type DeclaredDocument = Pick<
  Document,
  | 'url'
  | 'select'
  | 'remove'
  | 'fetchMode'
  | 'language'
  | 'sources'
  | 'filters'
  | 'filterCode'
  | 'filtersApproved'
>;

/**
 * What the scraper is told about a document: its pages (one, or a combined document's
 * sources), selectors, filters, and the collection's filter code only if the operator
 * opted in to run it (decision 0021).
 */
export function declarationOf(document: DeclaredDocument): Declaration {
  const filters = (document.filters ?? []) as FilterSpec[];
  const sources = document.sources as SourceDeclaration[] | null;
  const filterCode = document.filtersApproved ? (document.filterCode as Declaration['filterCode']) : null;
  return {
    url: document.url,
    select: document.select,
    remove: document.remove,
    fetchMode: document.fetchMode,
    language: document.language,
    ...(filters.length ? { filters } : {}),
    ...(filterCode ? { filterCode } : {}),
    ...(sources?.length ? { sources } : {}),
  };
}

/**
 * The parts of a declaration beyond select/remove that shape its text (pages, filters and
 * the code that runs them), for the extraction key; empty for a plain one-page document, so
 * its key is what it always was.
 */
export function declarationExtras(document: Partial<DeclaredDocument>): unknown[] {
  const filters = (document.filters ?? []) as unknown[];
  const sources = document.sources ?? null;
  if (!filters.length && !sources) return [];
  const code = document.filtersApproved && document.filterCode ? JSON.stringify(document.filterCode) : '';
  return [
    {
      sources,
      filters,
      code: code ? createHash('sha256').update(code).digest('hex') : null,
    },
  ];
}
