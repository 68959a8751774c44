import { namedFilterStatus } from '@fineprint/catalog';
import {
  decodeSelector,
  type DocumentSourceView,
  type DocumentView,
  FETCH_MODES,
  type FetchMode,
  type FilterView,
  type SelectorView,
  type VendorView,
  type VersionView,
} from '@fineprint/contracts';
import { type DocumentWithVendor, type Version } from '@fineprint/db';

export function presentVendor(vendor: { id: string; slug: string; name: string }): VendorView {
  return { id: vendor.id, slug: vendor.slug, name: vendor.name };
}

export function presentDocument(doc: DocumentWithVendor): DocumentView<Date> {
  const named = namedFilterStatus(doc);
  return {
    id: doc.id,
    vendor: presentVendor(doc.vendor),
    slug: doc.slug,
    title: doc.title,
    type: doc.type,
    url: doc.url,
    select: doc.select,
    remove: doc.remove,
    fetch: doc.fetchMode,
    language: doc.language,
    intervalMinutes: doc.intervalMinutes,
    active: doc.active,
    status: doc.status,
    unstable: doc.unstable,
    consecutiveFailures: doc.consecutiveFailures,
    lastError: doc.lastError,
    source: doc.source,
    lastCheckedAt: doc.lastCheckedAt,
    lastSuccessAt: doc.lastSuccessAt,
    lastChangedAt: doc.lastChangedAt,
    createdAt: doc.createdAt,
    deletedAt: doc.deletedAt,
    selectors: { select: declared(doc.select), remove: declared(doc.remove) },
    sources: presentSources(doc.sources),
    filters: filterList(doc.filters),
    namedFilters: named.names,
    filtersPending: named.pending,
  };
}

/** Stored selectors as declared: a range's JSON text back to its object (left as text if malformed). */
function declared(stored: unknown): SelectorView[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((s): s is string => typeof s === 'string')
    .map((s) => {
      try {
        return decodeSelector(s);
      } catch {
        return s;
      }
    });
}

function filterList(value: unknown): FilterView[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is FilterView =>
      typeof f === 'string' || (typeof f === 'object' && f !== null && !Array.isArray(f)),
  );
}

/** A combined document's stored sources (`{ url, select, remove, fetchMode, filters }`), read defensively. */
function presentSources(stored: unknown): DocumentSourceView[] | null {
  if (!Array.isArray(stored) || stored.length === 0) return null;
  return stored.map((item): DocumentSourceView => {
    const source = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const fetch = source['fetchMode'];
    return {
      url: typeof source['url'] === 'string' ? source['url'] : '',
      select: declared(source['select']),
      remove: declared(source['remove']),
      fetch: (FETCH_MODES as readonly unknown[]).includes(fetch) ? (fetch as FetchMode) : 'auto',
      filters: filterList(source['filters']),
    };
  });
}

export function presentVersion(
  v: Omit<Version, 'text'> & { text?: string },
  publicUrl: string,
): VersionView<Date> {
  return {
    id: v.id,
    documentId: v.documentId,
    seq: v.seq,
    status: v.status,
    statusReason: v.statusReason,
    revertOfId: v.revertOfId,
    sha256: v.sha256,
    chainHash: v.chainHash,
    previousChainHash: v.previousChainHash,
    byteLength: v.byteLength,
    recordedAt: v.recordedAt,
    confirmedAt: v.confirmedAt,
    snapshotId: v.snapshotId,
    links: {
      self: `${publicUrl}/api/v1/versions/${v.id}`,
      text: `${publicUrl}/api/v1/versions/${v.id}/text`,
      raw: `${publicUrl}/api/v1/snapshots/${v.snapshotId}/raw`,
    },
    ...(v.text !== undefined ? { text: v.text } : {}),
  };
}
