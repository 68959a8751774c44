import { Injectable } from '@nestjs/common';

import { SubscriptionRequestService } from '@fineprint/notify';
import { type Job, JobHandler, type JobHandlerInstance, type JobPayloads } from '@fineprint/queue';

@Injectable()
@JobHandler('notify', 'request-subscription')
export class RequestSubscriptionProcessor implements JobHandlerInstance {
  constructor(private readonly requests: SubscriptionRequestService) {}

  handle(job: Job<JobPayloads['notify']['request-subscription']>): Promise<string> {
    return this.requests.handle(job.data);
  }
}
