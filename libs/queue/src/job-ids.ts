import { JOB_CONTRACTS } from './job-contracts';

/**
 * Deterministic job ids, as the contracts compute them (tests and tools that look a job
 * up use these). BullMQ ignores an add whose id already exists, so a retried producer (a
 * fan-out that crashed half way, a double "check now") never enqueues the same work twice.
 */
export const jobIds = {
  manualCheck: (documentId: string) => JOB_CONTRACTS.manualCheck.id({ documentId }),
  confirmCheck: (documentId: string, versionId: string) =>
    JOB_CONTRACTS.confirmCheck.id({ documentId, versionId }),
  diffVersion: (versionId: string) => JOB_CONTRACTS.diffVersion.id({ versionId }),
  fanOut: (changeId: string) => JOB_CONTRACTS.fanOutChange.id({ changeId }),
  deliver: (deliveryId: string) => JOB_CONTRACTS.deliver.id({ deliveryId }),
  schedulerForDocument: (documentId: string) =>
    JOB_CONTRACTS.scheduledCheck.id({ documentId, intervalMinutes: 0 }),
};
