import { Injectable } from '@nestjs/common';

import { checkContextOfJob, CheckDocumentService, type CheckResult } from '@fineprint/pipeline';
import { type Job, JobHandler, type JobHandlerInstance, type JobPayloads } from '@fineprint/queue';

import { unrecoverableIfPermanent } from '../unrecoverable-if-permanent';

@Injectable()
@JobHandler('check', 'check-document')
export class CheckDocumentProcessor implements JobHandlerInstance {
  constructor(private readonly checks: CheckDocumentService) {}

  async handle(job: Job<JobPayloads['check']['check-document']>): Promise<CheckResult> {
    return unrecoverableIfPermanent(() => this.checks.check(job.data.documentId, checkContextOfJob(job)));
  }
}
