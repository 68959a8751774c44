export { BrowserFetcher, type BrowserFetcherOptions } from './browser-fetcher';
export {
  applyBuiltinFilter,
  BUILTIN_FILTERS,
  type FilterSpec,
  filterNameOf,
  isBuiltinFilter,
} from './builtin-filters';
export { COMBINED_CONTENT_TYPE, combinePages, isCombined, splitCombined } from './combined-page';
export { charsetFromContentType, decodeBody } from './decode-body';
export { extractDocument, type ExtractInput, pdfToMarkdown } from './extract-document';
export {
  type DocumentDeclaration,
  type ExtractedDocument,
  type FetchMode,
  type FetchResult,
  type SourceDeclaration,
} from './fetch-result';
export { filterHookFor, type FilterHook, filterPage } from './filter-page';
export { HostThrottle, type Throttle } from './host-throttle';
export { htmlToMarkdown, normalizeMarkdown } from './html-to-markdown';
export { DEFAULT_USER_AGENT, HttpFetcher, type HttpFetcherOptions } from './http-fetcher';
export { Scraper, type ScraperOptions } from './scraper';
export { FetchError, type FetchErrorCode, type FetchErrorKind, kindOfStatus } from './scraper.errors';
export {
  decodeSelector,
  describeSelector,
  encodeSelector,
  isRangeSelector,
  rangeSelectorProblem,
  type RangeSelector,
  type Selector,
} from './selector';
export { stripTrackingParams } from './strip-tracking-params';
