import { createHash } from 'node:crypto';

import { type FetchResult } from './fetch-result';
import { FetchError } from './scraper.errors';

/**
 * A combined document's snapshot (decision 0021): every source page's raw bytes, in order,
 * in one container, so one snapshot and one version stand for the whole document and a
 * change of any page is a change of it.
 *
 *   FINEPRINT-COMBINED 1\n
 *   {"parts":[{ url, finalUrl, contentType, charset, sha256, byteLength }, ...]}\n
 *   <bytes of page 1><bytes of page 2>...
 *
 * The header keeps what extraction needs and what identifies each page's bytes; how a page
 * was fetched (HTTP or browser) stays out, so the container's hash changes only with content.
 */
export const COMBINED_CONTENT_TYPE = 'application/vnd.fineprint.combined';

const MAGIC = 'FINEPRINT-COMBINED 1\n';

export interface CombinedPart {
  url: string;
  finalUrl: string;
  contentType: string | null;
  charset: string | null;
  sha256: string;
  byteLength: number;
}

export const isCombined = (contentType: string | null): boolean =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === COMBINED_CONTENT_TYPE;

/** The sources' fetch results (in the declared order) as one. */
export function combinePages(sources: { url: string; result: FetchResult }[]): FetchResult {
  const parts: CombinedPart[] = sources.map(({ url, result }) => ({
    url,
    finalUrl: result.finalUrl,
    contentType: result.contentType,
    charset: result.charset,
    sha256: result.sha256,
    byteLength: result.body.length,
  }));
  const body = Buffer.concat([
    Buffer.from(`${MAGIC}${JSON.stringify({ parts })}\n`, 'utf8'),
    ...sources.map(({ result }) => result.body),
  ]);
  const first = sources[0]?.result;
  return {
    body,
    sha256: createHash('sha256').update(body).digest('hex'),
    contentType: COMBINED_CONTENT_TYPE,
    charset: null,
    status: Math.max(...sources.map(({ result }) => result.status)),
    headers: {},
    finalUrl: first?.finalUrl ?? '',
    fetchedWith: sources.some(({ result }) => result.fetchedWith === 'browser') ? 'browser' : 'http',
    notModified: false,
    durationMs: sources.reduce((sum, { result }) => sum + result.durationMs, 0),
  };
}

/** A combined snapshot back into its pages. */
export function splitCombined(body: Buffer): { part: CombinedPart; body: Buffer }[] {
  const bad = (why: string) =>
    new FetchError('permanent', 'DECODE_FAILED', `Not a combined snapshot: ${why}`);
  if (body.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) throw bad('no header');
  const end = body.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw bad('unterminated header');
  let parts: CombinedPart[];
  try {
    parts = (JSON.parse(body.subarray(MAGIC.length, end).toString('utf8')) as { parts: CombinedPart[] })
      .parts;
  } catch (cause) {
    throw new FetchError('permanent', 'DECODE_FAILED', 'Not a combined snapshot: bad header', { cause });
  }
  let offset = end + 1;
  const out = parts.map((part) => {
    const slice = body.subarray(offset, offset + part.byteLength);
    offset += part.byteLength;
    return { part, body: slice };
  });
  if (offset !== body.length) throw bad('the sizes do not add up');
  return out;
}
