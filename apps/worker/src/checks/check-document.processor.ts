import { Injectable } from '@nestjs/common';

import { CheckDocumentService, type CheckResult } from '@fineprint/pipeline';
import {
  checkRunKey,
  type Job,
  JobHandler,
  type JobHandlerInstance,
  type JobPayloads,
} from '@fineprint/queue';

import { unrecoverableIfPermanent } from '../unrecoverable-if-permanent';

@Injectable()
@JobHandler('check', 'check-document')
export class CheckDocumentProcessor implements JobHandlerInstance {
  constructor(private readonly checks: CheckDocumentService) {}

  async handle(job: Job<JobPayloads['check']['check-document']>): Promise<CheckResult> {
    const { documentId, trigger } = job.data;
    const runKey = checkRunKey(job);
    return unrecoverableIfPermanent(() =>
      this.checks.check(documentId, {
        trigger,
        ...(runKey ? { jobId: runKey } : {}),
        attempt: job.attemptsMade + 1,
      }),
    );
  }
}
