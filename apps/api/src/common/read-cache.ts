import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { type Request, type Response } from 'express';

import { APP_CONFIG, type Env } from '@fineprint/config';

/** Rendered answers kept per URL; the oldest go first. */
const MAX_ENTRIES = 500;

interface Entry {
  stamp: string;
  etag: string;
  type: string;
  body: Buffer;
}

type Stamp = { stamp: string; lastModified?: Date };
type Stamped = Stamp & { etag: string };

/**
 * Conditional and cached reads for the routes readers poll (feeds, the change list).
 * The caller gives a cheap stamp of what the answer depends on; the ETag comes from it,
 * so a conditional request is answered 304 before the heavy query or any rendering, and
 * an answer already rendered for the same stamp is sent again as it is.
 *
 * A stamp is reused for READ_CACHE_MS (default 1 s; 0: asked on every request), so a
 * burst of readers costs one stamp query per route and second: what the worker announces
 * shows within that time. Any write through this API drops the stamps at once, so its
 * callers read their own writes.
 */
@Injectable()
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly stamps = new Map<string, { at: number; value: Promise<Stamped> }>();
  private readonly stampMs: number;

  constructor(@Inject(APP_CONFIG) config: Pick<Env, 'READ_CACHE_MS'>) {
    this.stampMs = config.READ_CACHE_MS;
  }

  /** Forget every stamp (after a write), so the next read asks the database again. */
  invalidate(): void {
    this.stamps.clear();
  }

  private stampOf(key: string, load: () => Promise<Stamp>): Promise<Stamped> {
    const withEtag = () =>
      load().then((s) => ({
        ...s,
        etag: `W/"${createHash('sha256').update(`${key}\n${s.stamp}`).digest('base64url').slice(0, 27)}"`,
      }));
    if (this.stampMs <= 0) return withEtag();
    const now = Date.now();
    const kept = this.stamps.get(key);
    if (kept && now - kept.at < this.stampMs) return kept.value;
    const value = withEtag();
    this.stamps.set(key, { at: now, value });
    // a failed stamp is not kept: the next request asks again
    value.catch(() => {
      if (this.stamps.get(key)?.value === value) this.stamps.delete(key);
    });
    if (this.stamps.size > MAX_ENTRIES) this.stamps.delete(this.stamps.keys().next().value as string);
    return value;
  }

  async serve(
    req: Request,
    res: Response,
    options: {
      key: string;
      /** What the answer depends on, cheaply; and the time of its newest item, if it has one. */
      stamp: () => Promise<Stamp>;
      render: () => Promise<{ type: string; body: string }>;
      cacheControl?: string;
    },
  ): Promise<void> {
    const { stamp, lastModified, etag } = await this.stampOf(options.key, options.stamp);
    // answered meanwhile (a 503 from the backend deadline): nothing more to send
    if (res.headersSent) return;
    res.setHeader('etag', etag);
    res.setHeader('vary', 'accept-encoding');
    if (options.cacheControl) res.setHeader('cache-control', options.cacheControl);
    if (lastModified) res.setHeader('last-modified', lastModified.toUTCString());
    if (isFresh(req, etag, lastModified)) {
      res.status(304).end();
      return;
    }
    let entry = this.entries.get(options.key);
    if (!entry || entry.stamp !== stamp) {
      const rendered = await options.render();
      if (res.headersSent) return;
      entry = { stamp, etag, type: rendered.type, body: Buffer.from(rendered.body) };
      this.entries.delete(options.key);
      this.entries.set(options.key, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    }
    res.status(200).type(entry.type).send(entry.body);
  }
}

function isFresh(req: Request, etag: string, lastModified?: Date): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch) return noneMatch.split(/\s*,\s*/).some((t) => t === etag || t === '*');
  const since = req.headers['if-modified-since'] ? Date.parse(req.headers['if-modified-since']) : NaN;
  return lastModified !== undefined && Number.isFinite(since) && lastModified.getTime() <= since;
}
