import { Injectable } from '@nestjs/common';

import { type DeliverOutcome, DeliverService } from '@fineprint/notify';
import { type Job, JobHandler, type JobHandlerInstance, type JobPayloads } from '@fineprint/queue';

import { unrecoverableIfPermanent } from '../unrecoverable-if-permanent';

@Injectable()
@JobHandler('deliver', 'deliver')
export class DeliverProcessor implements JobHandlerInstance {
  constructor(private readonly deliveries: DeliverService) {}

  handle(job: Job<JobPayloads['deliver']['deliver']>): Promise<DeliverOutcome> {
    const number = job.attemptsMade + 1;
    const last = number >= (job.opts.attempts ?? 1);
    // attemptsStarted also counts the starts a dead worker never finished (stalled jobs)
    const started = job.attemptsStarted;
    return unrecoverableIfPermanent(() =>
      this.deliveries.deliver(job.data.deliveryId, { number, last, started }),
    );
  }
}
