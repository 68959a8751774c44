import { checkRunKey, type Job, type JobPayloads } from '@fineprint/queue';

import { type CheckContext } from './check-document.service';

/**
 * What a check-document job tells the check: its trigger, and the key and attempt number
 * its CheckRun is recorded under (one CheckRun per attempt of each enqueued job, even when
 * a later job reuses the id, as every "check now" of a document does).
 */
export function checkContextOfJob(job: Job<JobPayloads['check']['check-document']>): CheckContext {
  const runKey = checkRunKey(job);
  return {
    trigger: job.data.trigger,
    ...(runKey ? { jobId: runKey } : {}),
    attempt: job.attemptsMade + 1,
  };
}
