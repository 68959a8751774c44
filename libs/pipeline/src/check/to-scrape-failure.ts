import { FETCH_ERROR_KINDS, type FetchErrorKind } from '@fineprint/contracts';

import { type ScrapeFailure } from './scraper.port';

const isKind = (kind: string): kind is FetchErrorKind =>
  (FETCH_ERROR_KINDS as readonly string[]).includes(kind);

/**
 * Reads the kind and code a scraper error carries (never its message text). Anything
 * without a kind is an unexpected error: transient, so the job retries and it is logged.
 */
export function toScrapeFailure(error: unknown): ScrapeFailure {
  if (typeof error === 'object' && error !== null) {
    const e = error as { kind?: unknown; code?: unknown; message?: unknown; httpStatus?: unknown };
    if (typeof e.kind === 'string' && isKind(e.kind)) {
      return {
        kind: e.kind,
        code: typeof e.code === 'string' ? e.code : 'FETCH_FAILED',
        message: typeof e.message === 'string' ? e.message : 'fetch failed',
        ...(typeof e.httpStatus === 'number' ? { httpStatus: e.httpStatus } : {}),
      };
    }
  }
  return {
    kind: 'transient',
    code: 'UNEXPECTED',
    message: error instanceof Error ? error.message : String(error),
  };
}
