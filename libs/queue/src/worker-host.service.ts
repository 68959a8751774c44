import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type Job, UnrecoverableError } from 'bullmq';

import { APP_CONFIG, type Env } from '@fineprint/config';

import { assertHandlerCoverage } from './handler-coverage';
import {
  JOB_HANDLER_METADATA,
  type JobHandlerInstance,
  type JobHandlerMetadata,
} from './job-handler.decorator';
import { type AnyWorker, QueueBackend } from './queue-backend';
import { QUEUE_NAMES, type QueueName } from './queue.definitions';

/** Which queues a worker process serves, and with what concurrency. */
export const WORKER_QUEUES = Symbol('WORKER_QUEUES');
export interface WorkerQueuesOptions {
  queues: readonly QueueName[];
  concurrency?: Partial<Record<QueueName, number>>;
}

/**
 * Finds every @JobHandler provider, refuses to start unless each job of the served
 * queues has exactly one, and runs one BullMQ worker per queue that dispatches by
 * job name. Several worker processes can run side by side: BullMQ hands each job
 * to one of them.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerHost.name);
  private readonly workers: AnyWorker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly backend: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: Env,
    @Inject(WORKER_QUEUES) private readonly options: WorkerQueuesOptions,
  ) {}

  onApplicationBootstrap(): void {
    const handlers = new Map<string, JobHandlerInstance>();
    const registered: JobHandlerMetadata[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const meta = wrapper.metatype
        ? (Reflect.getMetadata(JOB_HANDLER_METADATA, wrapper.metatype) as JobHandlerMetadata | undefined)
        : undefined;
      if (!meta) continue;
      registered.push(meta);
      handlers.set(`${meta.queue}/${meta.name}`, wrapper.instance as JobHandlerInstance);
    }
    const served = this.options.queues.filter((q) => QUEUE_NAMES.includes(q));
    assertHandlerCoverage(
      registered.filter((r) => served.includes(r.queue)),
      served,
    );

    for (const queue of served) {
      const concurrency = this.options.concurrency?.[queue] ?? this.config.WORKER_CONCURRENCY;
      const worker = this.backend.createWorker(
        queue,
        async (job: Job) => {
          const handler = handlers.get(`${queue}/${job.name}`);
          if (!handler) throw new UnrecoverableError(`No handler for ${queue}/${job.name}`);
          return handler.handle(job);
        },
        { concurrency },
      );
      worker.on('error', (error) => this.logger.warn(`worker ${queue}: ${error.message} (reconnecting)`));
      worker.on('failed', (job, error) =>
        this.logger.warn(`job ${queue}/${job?.name ?? '?'} ${job?.id ?? ''} failed: ${error.message}`),
      );
      this.workers.push(worker);
    }
    this.logger.log(`serving queues ${served.join(', ')} on ${this.backend.kind}`);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close().catch(() => undefined)));
    this.workers.length = 0;
  }
}
