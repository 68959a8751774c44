import { type FetchErrorKind } from '@fineprint/contracts';
import {
  type ConditionalFetch,
  type DocumentDeclaration,
  type ExtractedDocument,
  type FetchResult,
  type HtmlFilters,
} from '@fineprint/scraper';

/**
 * What the check service needs from the scraper: `@fineprint/scraper`'s Scraper, seen
 * through this narrow interface so the service can be given another implementation.
 */
export type Declaration = DocumentDeclaration;

export interface ScraperPort {
  fetch(
    declaration: Declaration,
    /**
     * The stored page's validators (a combined document's: each page's, and a way to read
     * the stored bytes); `knownSha256`: the bytes as last accepted (not vetted again).
     */
    conditional?: ConditionalFetch,
  ): Promise<FetchResult>;
  /** `filters`: rewrites the raw HTML before selection (a collection's sandboxed named filters). */
  extract(
    page: FetchResult,
    declaration: Declaration,
    options?: { filters?: HtmlFilters },
  ): Promise<ExtractedDocument>;
}

/** A fetch or extraction failure as the scraper reports it. */
export interface ScrapeFailure {
  kind: FetchErrorKind;
  code: string;
  message: string;
  httpStatus?: number;
}

export const SCRAPER = Symbol('SCRAPER');
