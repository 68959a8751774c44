import { BrowserFetcher } from './browser-fetcher';
import { extractPage, type HtmlFilters } from './extract-document';
import { type DocumentDeclaration, type ExtractedDocument, type FetchResult } from './fetch-result';
import { HostThrottle, type Throttle } from './host-throttle';
import { HttpFetcher } from './http-fetcher';
import { FetchError } from './scraper.errors';
import { decodeSelector } from './selector';

/** What the browser waits for: CSS selectors as they are, a range by its start node. */
function waitSelectors(select: string[] | undefined): string[] {
  return (select ?? []).map((s) => {
    const selector = decodeSelector(s);
    return typeof selector === 'string' ? selector : (selector.startBefore ?? selector.startAfter ?? '');
  });
}

export interface ScraperOptions {
  allowPrivateNetworks: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
  chromiumPath?: string;
  maxBrowserPages?: number;
  /** Spacing between two requests to one host (default 1000 ms). */
  hostSpacingMs?: number;
  /** A throttle shared across processes (e.g. on Redis); default: per process. */
  throttle?: Throttle;
}

/**
 * Fetches a document the way its declaration says: `http`, `browser`, or `auto` (HTTP
 * first; the browser when HTTP is blocked or the `select` selector is missing from the
 * plain HTML). Returns values; never touches the database.
 */
export class Scraper {
  readonly http: HttpFetcher;
  readonly browser: BrowserFetcher;
  private readonly throttle: Throttle & { close?: () => Promise<void> };

  constructor(options: ScraperOptions) {
    const throttle = options.throttle ?? new HostThrottle(options.hostSpacingMs ?? 1000);
    this.throttle = throttle;
    this.http = new HttpFetcher({
      allowPrivateNetworks: options.allowPrivateNetworks,
      throttle,
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxRedirects !== undefined ? { maxRedirects: options.maxRedirects } : {}),
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    });
    this.browser = new BrowserFetcher({
      allowPrivateNetworks: options.allowPrivateNetworks,
      ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxBrowserPages ? { maxPages: options.maxBrowserPages } : {}),
    });
  }

  async fetch(
    declaration: DocumentDeclaration,
    conditional: { etag?: string; lastModified?: string; knownSha256?: string } = {},
  ): Promise<FetchResult> {
    if (declaration.fetchMode === 'browser')
      return this.browser.fetch(declaration.url, waitSelectors(declaration.select), declaration.language);
    try {
      const result = await this.http.fetch(declaration.url, {
        ...conditional,
        language: declaration.language ?? null,
      });
      if (
        declaration.fetchMode === 'auto' &&
        !result.notModified &&
        result.sha256 !== conditional.knownSha256 &&
        declaration.select?.length
      ) {
        // a page whose content arrives by script: the selector is missing from the plain HTML
        try {
          // kept: `extract` of this page under this declaration reuses it (one extraction per new page)
          this.extracted.set(result, { declaration, document: await this.extract(result, declaration) });
        } catch (error) {
          if (error instanceof FetchError && error.code === 'SELECTOR_NOT_FOUND') {
            return this.browser.fetch(
              declaration.url,
              waitSelectors(declaration.select),
              declaration.language,
            );
          }
        }
      }
      return result;
    } catch (error) {
      if (declaration.fetchMode === 'auto' && error instanceof FetchError && error.kind === 'blocked') {
        return this.browser.fetch(declaration.url, waitSelectors(declaration.select), declaration.language);
      }
      throw error;
    }
  }

  /** Extractions made while fetching in `auto` mode, by page (dropped with the page). */
  private readonly extracted = new WeakMap<
    FetchResult,
    { declaration: DocumentDeclaration; document: ExtractedDocument }
  >();

  extract(
    result: FetchResult,
    declaration: DocumentDeclaration,
    options: { filters?: HtmlFilters } = {},
  ): Promise<ExtractedDocument> {
    // the probe of `auto` mode ran without filters: reuse it only for an extraction without them
    const done = options.filters ? undefined : this.extracted.get(result);
    if (done && sameSelectors(done.declaration, declaration)) return Promise.resolve(done.document);
    return extractPage(result, declaration, options);
  }

  async close(): Promise<void> {
    await Promise.all([this.http.close(), this.browser.close(), this.throttle.close?.()]);
  }
}

function sameSelectors(a: DocumentDeclaration, b: DocumentDeclaration): boolean {
  return (
    JSON.stringify([a.select ?? [], a.remove ?? []]) === JSON.stringify([b.select ?? [], b.remove ?? []])
  );
}
