import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { type Request, type Response } from 'express';

/** Rendered answers kept per URL; the oldest go first. */
const MAX_ENTRIES = 500;

interface Entry {
  stamp: string;
  etag: string;
  type: string;
  body: string;
}

/**
 * Conditional and cached reads for the routes readers poll (feeds, the change list).
 * The caller gives a cheap stamp of what the answer depends on; the ETag comes from it,
 * so a conditional request is answered 304 before the heavy query or any rendering, and
 * an answer already rendered for the same stamp is sent again as it is.
 */
@Injectable()
export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  async serve(
    req: Request,
    res: Response,
    options: {
      key: string;
      /** What the answer depends on, cheaply; and the time of its newest item, if it has one. */
      stamp: () => Promise<{ stamp: string; lastModified?: Date }>;
      render: () => Promise<{ type: string; body: string }>;
      cacheControl?: string;
    },
  ): Promise<void> {
    const { stamp, lastModified } = await options.stamp();
    const etag = `W/"${createHash('sha256').update(`${options.key}\n${stamp}`).digest('base64url').slice(0, 27)}"`;
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
      entry = { stamp, etag, ...rendered };
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
