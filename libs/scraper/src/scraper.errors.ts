import { type FetchErrorKind } from '@fineprint/contracts';

/**
 * Kinds (libs/contracts): `declaration` means the page arrived, but the declaration does not
 * fit it (its `select` matches nothing, or a selector is not valid CSS). Our side or the
 * page's layout, never the vendor blocking us: fix the declaration; not retried.
 */
export { type FetchErrorKind };

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
  | 'INVALID_SELECTOR'
  | 'EMPTY_CONTENT'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'INVALID_URL'
  | 'DECODE_FAILED'
  /** Binary data (an image, an archive) where a page of text was expected. */
  | 'BINARY_CONTENT'
  /** Bytes that are not valid in the declared charset, and no other charset could be told. */
  | 'UNDECODABLE_TEXT'
  /** A text mostly of U+FFFD replacement characters. */
  | 'GARBLED_TEXT'
  /** 429 or 503 with Retry-After, or a host still inside the wait it asked for. */
  | 'RATE_LIMITED'
  /** A collection's named filter failed or broke a limit of the sandbox (decision 0021). */
  | 'FILTER_FAILED';

/**
 * Why a fetch or an extraction failed, and whether trying again can help:
 * `transient` (retry with backoff), `blocked` (try the browser, then report),
 * `permanent` (record, do not retry), `declaration` (the declaration does not fit the page:
 * record, do not retry). Callers branch on `kind` and `code`, never on
 * the message.
 */
export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly code: FetchErrorCode;
  readonly httpStatus: number | undefined;
  /** When the host said it may be asked again (RATE_LIMITED). */
  readonly retryAt: Date | undefined;

  constructor(
    kind: FetchErrorKind,
    code: FetchErrorCode,
    message: string,
    options: { httpStatus?: number; retryAt?: Date; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.code = code;
    this.httpStatus = options.httpStatus;
    this.retryAt = options.retryAt;
  }
}

/** The kind of an HTTP status that is not a success. */
export function kindOfStatus(status: number): FetchErrorKind {
  if (status === 401 || status === 403 || status === 429) return 'blocked';
  if (status === 408 || status >= 500) return 'transient';
  return 'permanent';
}
