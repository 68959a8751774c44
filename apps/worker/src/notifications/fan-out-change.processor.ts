import { Injectable } from '@nestjs/common';

import { type FanOutReport, FanOutService } from '@fineprint/notify';
import { type Job, JobHandler, type JobHandlerInstance, type JobPayloads } from '@fineprint/queue';

import { unrecoverableIfPermanent } from '../unrecoverable-if-permanent';

@Injectable()
@JobHandler('notify', 'fan-out-change')
export class FanOutChangeProcessor implements JobHandlerInstance {
  constructor(private readonly fanOut: FanOutService) {}

  handle(job: Job<JobPayloads['notify']['fan-out-change']>): Promise<FanOutReport> {
    return unrecoverableIfPermanent(() => this.fanOut.fanOut(job.data.changeId));
  }
}
