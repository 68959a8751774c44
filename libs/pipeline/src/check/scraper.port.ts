/**
 * What the check service needs from the scraper. `@fineprint/scraper`'s Scraper
 * implements it; tests of the service use the real one against a local fixture site.
 */
export interface FetchedPage {
  body: Buffer;
  contentType: string | null;
  charset: string | null;
  status: number;
  headers: { etag?: string; lastModified?: string; contentLanguage?: string; contentType?: string };
  finalUrl: string;
  fetchedWith: 'http' | 'browser';
  notModified: boolean;
  durationMs: number;
}

export interface ExtractedPage {
  markdown: string;
  title: string | null;
  language: string | null;
}

export interface Declaration {
  url: string;
  select?: string[];
  remove?: string[];
  fetchMode: 'http' | 'browser' | 'auto';
  language?: string | null;
}

export interface ScraperPort {
  fetch(
    declaration: Declaration,
    conditional?: { etag?: string; lastModified?: string },
  ): Promise<FetchedPage>;
  extract(page: FetchedPage, declaration: Declaration): Promise<ExtractedPage>;
}

/** A fetch or extraction failure as the scraper reports it. */
export interface ScrapeFailure {
  kind: 'transient' | 'blocked' | 'permanent';
  code: string;
  message: string;
  httpStatus?: number;
}

export const SCRAPER = Symbol('SCRAPER');
