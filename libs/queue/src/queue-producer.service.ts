import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type Job, type JobsOptions } from 'bullmq';

import { APP_CONFIG, type Env } from '@fineprint/config';

import { type AnyQueue, QueueBackend } from './queue-backend';
import { type JobData, type JobName, QUEUE_NAMES, type QueueName } from './queue.definitions';

/** Default options: bounded retries with exponential backoff, bounded history. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** Typed producers for every queue. The API and the worker enqueue through this. */
@Injectable()
export class QueueProducer implements OnModuleDestroy {
  private readonly logger = new Logger(QueueProducer.name);
  private readonly queues = new Map<QueueName, AnyQueue>();

  constructor(
    readonly backend: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  queue(name: QueueName): AnyQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.backend.createQueue(name);
      queue.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  add<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    data: JobData<Q, N>,
    opts: JobsOptions = {},
  ): Promise<Job> {
    return this.queue(queue).add(name, data, { ...DEFAULT_JOB_OPTIONS, ...opts });
  }

  addBulk<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    jobs: { data: JobData<Q, N>; opts?: JobsOptions }[],
  ): Promise<Job[]> {
    return this.queue(queue).addBulk(
      jobs.map((j) => ({ name, data: j.data, opts: { ...DEFAULT_JOB_OPTIONS, ...j.opts } })),
    );
  }

  /** Counts per state for every queue (operators' queue status). */
  async counts(): Promise<Record<QueueName, Record<string, number>>> {
    const entries = await Promise.all(
      QUEUE_NAMES.map(
        async (name) =>
          [
            name,
            await this.queue(name).getJobCounts(
              'waiting',
              'active',
              'delayed',
              'failed',
              'completed',
              'paused',
              'prioritized',
            ),
          ] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<QueueName, Record<string, number>>;
  }

  get prefix(): string {
    return this.config.QUEUE_PREFIX;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }
}
