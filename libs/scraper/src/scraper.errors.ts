export type FetchErrorKind = 'transient' | 'blocked' | 'permanent';

export type FetchErrorCode =
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'REDIRECT_LOOP'
  | 'TOO_MANY_REDIRECTS'
  | 'HTTP_STATUS'
  | 'PRIVATE_ADDRESS'
  | 'DNS'
  | 'CONNECTION'
  | 'CAPTCHA'
  | 'BROWSER_UNAVAILABLE'
  | 'BROWSER_FAILED'
  | 'SELECTOR_NOT_FOUND'
  | 'EMPTY_CONTENT'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'INVALID_URL'
  | 'DECODE_FAILED'
  | 'FILTER_FAILED';

/**
 * Why a fetch or an extraction failed, and whether trying again can help:
 * `transient` (retry with backoff), `blocked` (try the browser, then report),
 * `permanent` (record, do not retry). Callers branch on `kind` and `code`, never on
 * the message.
 */
export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly code: FetchErrorCode;
  readonly httpStatus: number | undefined;

  constructor(
    kind: FetchErrorKind,
    code: FetchErrorCode,
    message: string,
    options: { httpStatus?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.code = code;
    this.httpStatus = options.httpStatus;
  }
}

/** The kind of an HTTP status that is not a success. */
export function kindOfStatus(status: number): FetchErrorKind {
  if (status === 401 || status === 403 || status === 429) return 'blocked';
  if (status === 408 || status >= 500) return 'transient';
  return 'permanent';
}
