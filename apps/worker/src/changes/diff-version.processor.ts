import { Injectable } from '@nestjs/common';

import { DiffVersionService, type DiffVersionResult } from '@fineprint/pipeline';
import { type Job, JobHandler, type JobHandlerInstance, type JobPayloads } from '@fineprint/queue';

import { unrecoverableIfPermanent } from '../unrecoverable-if-permanent';

@Injectable()
@JobHandler('diff', 'diff-version')
export class DiffVersionProcessor implements JobHandlerInstance {
  constructor(private readonly diffs: DiffVersionService) {}

  handle(job: Job<JobPayloads['diff']['diff-version']>): Promise<DiffVersionResult> {
    return unrecoverableIfPermanent(() => this.diffs.diffVersion(job.data.versionId));
  }
}
