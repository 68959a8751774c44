import { type ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  endsAt: number;
  hits: number;
  blockedUntil: number;
}

/** Windows kept at most; past it, ended windows are swept (a flood of new addresses stays bounded). */
const SWEEP_AT = 50_000;

/**
 * Rate-limit counters in fixed windows: O(1) per request. The throttler's default store
 * keeps every hit's expiry and filters the list on each request, which costs a client
 * near its hourly limit thousands of comparisons per request. A fixed window lets a
 * client make up to twice the limit across a window boundary; the limits here are
 * generous bounds against abuse, for which that is fine.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();

  increment(key: string, ttl: number, limit: number, blockDuration: number) {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || (window.endsAt <= now && window.blockedUntil <= now)) {
      if (this.windows.size >= SWEEP_AT) this.sweep(now);
      window = { endsAt: now + ttl, hits: 0, blockedUntil: 0 };
      this.windows.set(key, window);
    }
    if (window.endsAt <= now) {
      window.endsAt = now + ttl;
      window.hits = 0;
    }
    const blocked = window.blockedUntil > now;
    if (!blocked) window.hits++;
    if (!blocked && window.hits > limit)
      window.blockedUntil = now + (blockDuration > 0 ? blockDuration : window.endsAt - now);
    const isBlocked = window.blockedUntil > now;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.endsAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    });
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows)
      if (w.endsAt <= now && w.blockedUntil <= now) this.windows.delete(key);
  }
}
