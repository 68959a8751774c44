import { parseRetryAfter } from './retry-after';
import { FetchError } from './scraper.errors';

/**
 * Spaces requests per host, and holds a host that asked to be left alone (a 429 or 503
 * with Retry-After) until the time it named: the in-process one below, or a shared one
 * across workers (on Redis).
 */
export interface Throttle {
  /**
   * Resolves when a request to `host` may be sent. Throws HostHeldError at once when the
   * host is held for longer than MAX_HOLD_WAIT_MS: the caller records the failure and
   * retries later instead of keeping a job waiting for hours.
   */
  acquire(host: string): Promise<void>;
  /** Holds every request to `host` until `until` (epoch ms), unless a later hold is set. */
  holdUntil?(host: string, until: number): Promise<void>;
}

/** The longest a request waits for a held host; a longer hold fails the request at once. */
export const MAX_HOLD_WAIT_MS = 10_000;

/** The host asked not to be requested before `until` (its Retry-After). */
export class HostHeldError extends Error {
  constructor(
    readonly host: string,
    readonly until: Date,
  ) {
    super(`${host} asked not to be requested before ${until.toISOString()}`);
    this.name = 'HostHeldError';
  }
}

/**
 * Waits for the host's turn on `throttle`; a host held by its Retry-After fails at once as a
 * transient RATE_LIMITED error, without a request. Used by the HTTP and the browser fetcher.
 */
export async function acquireHost(throttle: Throttle, url: URL): Promise<void> {
  try {
    await throttle.acquire(url.host);
  } catch (error) {
    if (!(error instanceof HostHeldError)) throw error;
    throw new FetchError(
      'transient',
      'RATE_LIMITED',
      `${url.host} asked to be left alone until ${error.until.toISOString()} (Retry-After); not requested before then`,
      { retryAt: error.until, cause: error },
    );
  }
}

/**
 * A 429 or 503 with a Retry-After (seconds or an HTTP date, capped at 6 h): every worker
 * holds the host until then, and the check fails as transient with that time. Returns
 * without throwing when the answer has no usable Retry-After.
 */
export async function honourRetryAfter(
  throttle: Throttle,
  url: URL,
  status: number,
  header: string | string[] | undefined,
  via = '',
): Promise<void> {
  const until = parseRetryAfter(header);
  if (until === null) return;
  await throttle.holdUntil?.(url.host, until).catch(() => undefined); // best effort
  const retryAt = new Date(until);
  throw new FetchError(
    'transient',
    'RATE_LIMITED',
    `HTTP ${status} from ${url.href}${via}: the host asks to be left alone until ${retryAt.toISOString()} (Retry-After)`,
    { httpStatus: status, retryAt },
  );
}

/** In-process: each worker replica keeps its own spacing and holds. */
export class HostThrottle implements Throttle {
  private readonly next = new Map<string, number>();
  private readonly holds = new Map<string, number>();

  constructor(private readonly spacingMs = 1000) {}

  async acquire(host: string): Promise<void> {
    const now = Date.now();
    const held = this.holds.get(host) ?? 0;
    if (held > now + MAX_HOLD_WAIT_MS) throw new HostHeldError(host, new Date(held));
    if (held <= now) this.holds.delete(host);
    const at = Math.max(now, held, this.next.get(host) ?? 0);
    if (this.spacingMs > 0) this.next.set(host, at + this.spacingMs);
    if (this.next.size > 10_000) {
      for (const [h, t] of this.next) if (t < now) this.next.delete(h);
    }
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  holdUntil(host: string, until: number): Promise<void> {
    if (until > (this.holds.get(host) ?? 0)) this.holds.set(host, until);
    return Promise.resolve();
  }
}
