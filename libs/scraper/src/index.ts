export { BrowserFetcher, type BrowserFetcherOptions, CHROMIUM_ARGS } from './browser-fetcher';
export {
  applyBuiltinFilter,
  BUILTIN_FILTERS,
  type FilterSpec,
  filterNameOf,
  isBuiltinFilter,
} from './builtin-filters';
export { COMBINED_CONTENT_TYPE, combinePages, isCombined, splitCombined } from './combined-page';
export { cssSelectorProblem } from './css-selector-problem';
export { charsetFromContentType, decodeBody } from './decode-body';
export {
  extractDocument,
  type ExtractInput,
  extractPage,
  type HtmlFilters,
  pdfToMarkdown,
} from './extract-document';
export {
  type ConditionalFetch,
  type DocumentDeclaration,
  type ExtractedDocument,
  type FetchMode,
  type FetchResult,
  type SourceDeclaration,
  type SourceValidators,
} from './fetch-result';
export { filterHookFor, type FilterHook } from './filter-page';
export { HostHeldError, HostThrottle, MAX_HOLD_WAIT_MS, type Throttle } from './host-throttle';
export { htmlToMarkdown, type HtmlToMarkdownOptions, normalizeMarkdown } from './html-to-markdown';
export { DEFAULT_USER_AGENT, HttpFetcher, type HttpFetcherOptions } from './http-fetcher';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after';
export { Scraper, type ScraperOptions } from './scraper';
export { FetchError, type FetchErrorCode, type FetchErrorKind, kindOfStatus } from './scraper.errors';
export { isOpaqueToken, stripTrackingParams } from './strip-tracking-params';
