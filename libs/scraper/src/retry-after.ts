/** The longest a host's Retry-After is honoured: a server asking for days is asked again sooner. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * The time (epoch ms) a Retry-After header names, as delay-seconds or an HTTP date,
 * capped at `now + MAX_RETRY_AFTER_MS`; a date in the past is `now`. Null when the
 * header is absent or unreadable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return null;
  let at: number;
  if (/^\d+$/.test(raw)) at = now + Number(raw) * 1000;
  else {
    at = Date.parse(raw);
    if (Number.isNaN(at) || !/[a-z]/i.test(raw)) return null;
  }
  return Math.min(Math.max(at, now), now + MAX_RETRY_AFTER_MS);
}
