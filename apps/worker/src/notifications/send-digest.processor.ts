import { Injectable } from '@nestjs/common';

import { DigestService } from '@fineprint/notify';
import { type Job, JobHandler, type JobHandlerInstance, type JobPayloads } from '@fineprint/queue';

@Injectable()
@JobHandler('notify', 'send-digest')
export class SendDigestProcessor implements JobHandlerInstance {
  constructor(private readonly digests: DigestService) {}

  handle(job: Job<JobPayloads['notify']['send-digest']>): Promise<{ emails: number; changes: number }> {
    const day = job.data.day || new Date().toISOString().slice(0, 10);
    return this.digests.sendDigests(day);
  }
}
