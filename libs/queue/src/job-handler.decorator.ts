import { SetMetadata } from '@nestjs/common';
import { type Job } from 'bullmq';

import { type JobName, type QueueName } from './queue.definitions';

export const JOB_HANDLER_METADATA = 'fineprint:job-handler';

export interface JobHandlerMetadata {
  queue: QueueName;
  name: string;
}

/** What a processor implements: read ids from job.data, call one service method. */
export interface JobHandlerInstance {
  handle(job: Job): Promise<unknown>;
}

/** Marks a provider as the one handler of a job. The worker host finds it at boot. */
export function JobHandler<Q extends QueueName>(queue: Q, name: JobName<Q>): ClassDecorator {
  return SetMetadata(JOB_HANDLER_METADATA, { queue, name } satisfies JobHandlerMetadata);
}
