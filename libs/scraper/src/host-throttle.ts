/**
 * Spaces requests to the same host by `spacingMs`, however many callers share it;
 * requests to other hosts are not delayed. In-process: each worker replica keeps its own.
 */
/** Spaces requests per host; the in-process one below, or a shared one across workers. */
export interface Throttle {
  acquire(host: string): Promise<void>;
}

export class HostThrottle implements Throttle {
  private readonly next = new Map<string, number>();

  constructor(private readonly spacingMs = 1000) {}

  async acquire(host: string): Promise<void> {
    if (this.spacingMs <= 0) return;
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.spacingMs);
    if (this.next.size > 10_000) {
      for (const [h, t] of this.next) if (t < now) this.next.delete(h);
    }
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
