import { type DocumentTip, type SnapshotHeaders } from '@fineprint/db';
import { type ConditionalFetch, type SourceValidators } from '@fineprint/scraper';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** A combined snapshot's per-page validators as stored (decision 0026), read defensively. */
function sourceValidators(headers: SnapshotHeaders): SourceValidators[] | undefined {
  const sources = headers['sources'];
  if (!Array.isArray(sources)) return undefined;
  return sources.map((item): SourceValidators => {
    const source = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const etag = text(source['etag']);
    const lastModified = text(source['lastModified']);
    return {
      url: text(source['url']) ?? '',
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  });
}

/**
 * What a check may ask conditionally: the newest snapshot's validators (a single page's, or
 * each page of a combined document's, with a way to read its stored bytes), sent only when
 * the newest version was extracted under the current declaration. After a change of
 * declaration the page is fetched in full, so the new selectors apply at once instead of
 * waiting for the vendor's next edit.
 */
export function conditionalOf(
  tip: DocumentTip,
  extractionKey: string,
  options: { knownSha256?: string; storedBody: (snapshotId: string) => Promise<Buffer | null> },
): ConditionalFetch {
  const known = options.knownSha256 ? { knownSha256: options.knownSha256 } : {};
  const { snapshot, version } = tip;
  if (!snapshot || version?.extractionKey !== extractionKey) return known;
  const headers = snapshot.headers ?? {};
  const etag = text(headers['etag']);
  const lastModified = text(headers['lastModified']);
  const sources = sourceValidators(headers);
  return {
    ...known,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    ...(sources ? { sources, previousBody: () => options.storedBody(snapshot.id) } : {}),
  };
}
