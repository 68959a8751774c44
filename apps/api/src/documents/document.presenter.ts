import { type DocumentView, type VendorView, type VersionView } from '@fineprint/contracts';
import { type DocumentWithVendor, type Version } from '@fineprint/db';

export function presentVendor(vendor: { id: string; slug: string; name: string }): VendorView {
  return { id: vendor.id, slug: vendor.slug, name: vendor.name };
}

export function presentDocument(doc: DocumentWithVendor): DocumentView<Date> {
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
  };
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
