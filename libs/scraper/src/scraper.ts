import { decodeSelector } from '@fineprint/contracts';
import { type SandboxLimits } from '@fineprint/sandbox';

import { BrowserFetcher } from './browser-fetcher';
import { isCombined, splitCombined } from './combined-page';
import { extractPage, type HtmlFilters } from './extract-document';
import { fetchCombined } from './fetch-combined';
import {
  type ConditionalFetch,
  type DocumentDeclaration,
  type ExtractedDocument,
  type FetchResult,
} from './fetch-result';
import { filterHookFor } from './filter-page';
import { HostThrottle, type Throttle } from './host-throttle';
import { HttpFetcher } from './http-fetcher';
import { FetchError } from './scraper.errors';

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
  /** Limits of the sandbox that runs collections' filters (decision 0021). */
  filterLimits?: Partial<SandboxLimits>;
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
  private readonly filterLimits: Partial<SandboxLimits>;

  constructor(options: ScraperOptions) {
    this.filterLimits = options.filterLimits ?? {};
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
      throttle,
      ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxBrowserPages ? { maxPages: options.maxBrowserPages } : {}),
    });
  }

  async fetch(declaration: DocumentDeclaration, conditional: ConditionalFetch = {}): Promise<FetchResult> {
    if (declaration.sources?.length)
      return fetchCombined(declaration, conditional, (page, validators) => this.fetch(page, validators));
    if (declaration.fetchMode === 'browser')
      return this.browser.fetch(declaration.url, waitSelectors(declaration.select), declaration.language);
    try {
      const result = await this.http.fetch(declaration.url, {
        ...(conditional.etag ? { etag: conditional.etag } : {}),
        ...(conditional.lastModified ? { lastModified: conditional.lastModified } : {}),
        ...(conditional.knownSha256 ? { knownSha256: conditional.knownSha256 } : {}),
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
          // (without filters: a collection's filters run once, in `extract`)
          this.extracted.set(result, { declaration, document: await extractPage(result, declaration) });
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

  /**
   * The text of a fetched page under its declaration: filters first (the built-in ones, and
   * the collection's own in the sandbox when the operator opted in), then remove and select.
   * A combined snapshot gives its pages' texts, each under its source's declaration, in order.
   */
  async extract(
    result: FetchResult,
    declaration: DocumentDeclaration,
    options: { filters?: HtmlFilters } = {},
  ): Promise<ExtractedDocument> {
    if (isCombined(result.contentType)) return this.extractCombined(result, declaration);
    const filters = options.filters ?? filterHookFor(declaration, this.filterLimits) ?? undefined;
    // the probe of `auto` mode ran without filters: reuse it only for an extraction without them
    const done = filters ? undefined : this.extracted.get(result);
    if (done && sameSelectors(done.declaration, declaration)) return done.document;
    return extractPage(result, declaration, filters ? { filters } : {});
  }

  private async extractCombined(
    result: FetchResult,
    declaration: DocumentDeclaration,
  ): Promise<ExtractedDocument> {
    const pages = splitCombined(result.body);
    const sources = declaration.sources ?? [];
    if (pages.length !== sources.length)
      throw new FetchError(
        'permanent',
        'DECODE_FAILED',
        `The combined snapshot has ${pages.length} page(s), the declaration ${sources.length}`,
      );
    const texts: ExtractedDocument[] = [];
    for (const [index, { part, body }] of pages.entries()) {
      const source = sources[index] as NonNullable<DocumentDeclaration['sources']>[number];
      const page: FetchResult = {
        ...result,
        body,
        sha256: part.sha256,
        contentType: part.contentType,
        charset: part.charset,
        finalUrl: part.finalUrl,
      };
      texts.push(
        await this.extract(page, {
          url: source.url,
          fetchMode: source.fetchMode,
          ...(source.select ? { select: source.select } : {}),
          ...(source.remove ? { remove: source.remove } : {}),
          ...(source.filters ? { filters: source.filters } : {}),
          ...(declaration.filterCode ? { filterCode: declaration.filterCode } : {}),
        }),
      );
    }
    const main = texts.reduce((a, b) => (b.wordCount > a.wordCount ? b : a));
    return {
      markdown: texts.map((t) => t.markdown).join('\n\n'),
      title: texts[0]?.title ?? null,
      language: main.language,
      wordCount: texts.reduce((sum, t) => sum + t.wordCount, 0),
    };
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
