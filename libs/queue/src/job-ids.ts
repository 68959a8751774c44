/**
 * Deterministic job ids. BullMQ ignores an add whose id already exists, so a retried
 * producer (a fan-out that crashed half way, a double "check now") never enqueues the
 * same work twice. Ids must not contain ':' (BullMQ's key separator).
 */
export const jobIds = {
  manualCheck: (documentId: string) => `check-now_${documentId}`,
  confirmCheck: (documentId: string, versionId: string) => `confirm_${documentId}_${versionId}`,
  diffVersion: (versionId: string) => `diff_${versionId}`,
  fanOut: (changeId: string) => `fanout_${changeId}`,
  deliver: (deliveryId: string) => `deliver_${deliveryId}`,
  digest: (day: string) => `digest_${day}`,
  schedulerForDocument: (documentId: string) => `doc_${documentId}`,
};

/**
 * A stable offset inside the interval for a document's schedule, so that documents
 * sharing an interval do not all fire at the same instant (deterministic jitter).
 */
export function scheduleOffsetMs(documentId: string, intervalMs: number): number {
  let hash = 2166136261;
  for (let i = 0; i < documentId.length; i++) {
    hash ^= documentId.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  const window = Math.min(intervalMs, 15 * 60_000);
  return hash % Math.max(1, window);
}
