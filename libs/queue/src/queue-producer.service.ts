import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type JobsOptions } from 'bullmq';

import { APP_CONFIG, type Env } from '@fineprint/config';

import {
  DOCUMENT_SCHEDULER_PREFIX,
  JOB_CONTRACTS,
  type JobArgs,
  type JobKind,
  type OneOffJob,
  type ScheduledJob,
} from './job-contracts';
import { type AnyQueue, QueueBackend } from './queue-backend';
import { QUEUE_NAMES, type QueueName } from './queue.definitions';

/** A contract of JOB_CONTRACTS seen without its argument types (they are checked at the call). */
interface UntypedContract {
  queue: QueueName;
  name: string;
  id: (args: unknown) => string;
  data: (args: unknown) => unknown;
  options: JobsOptions;
  repeat?: (args: unknown) => { every: number; offset?: number } | { pattern: string };
}
const contractOf = (kind: JobKind) => JOB_CONTRACTS[kind] as unknown as UntypedContract;

/** When a one-off job should run, if not at once. */
export interface EnqueueAt {
  delayMs?: number;
}

/** `enqueue.<job>(args)`: one typed producer per contract of JOB_CONTRACTS. */
export type Enqueue = { [K in OneOffJob]: (args: JobArgs<K>, at?: EnqueueAt) => Promise<void> };
/** `enqueueMany.<job>(args[])`: the same in one round trip. */
export type EnqueueMany = { [K in OneOffJob]: (args: JobArgs<K>[]) => Promise<void> };

/**
 * The only way jobs are added: `enqueue.<job>(…)` takes the job's queue, name, payload,
 * id and options from its contract (job-contracts.ts). Also schedulers, and queue status.
 */
@Injectable()
export class QueueProducer implements OnModuleDestroy {
  private readonly logger = new Logger(QueueProducer.name);
  private readonly queues = new Map<QueueName, AnyQueue>();

  readonly enqueue: Enqueue;
  readonly enqueueMany: EnqueueMany;

  constructor(
    readonly backend: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {
    const kinds = (Object.keys(JOB_CONTRACTS) as JobKind[]).filter(
      (k): k is OneOffJob => JOB_CONTRACTS[k].kind === 'job',
    );
    this.enqueue = Object.fromEntries(
      kinds.map((k) => [k, (args: never, at?: EnqueueAt) => this.addOne(k, args, at)]),
    ) as Enqueue;
    this.enqueueMany = Object.fromEntries(
      kinds.map((k) => [k, (args: never[]) => this.addMany(k, args)]),
    ) as EnqueueMany;
  }

  /** The BullMQ queue (to read jobs and counts; adding goes through `enqueue`). */
  queue(name: QueueName): AnyQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.backend.createQueue(name);
      queue.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** The job a contract would add now: its queue, name, payload and options with its id. */
  private build<K extends JobKind>(kind: K, args: JobArgs<K>, at?: EnqueueAt) {
    const c = contractOf(kind);
    const opts: JobsOptions = {
      ...c.options,
      jobId: c.id(args),
      ...(at?.delayMs ? { delay: at.delayMs } : {}),
    };
    return { queue: c.queue, name: c.name, data: c.data(args), opts };
  }

  private async addOne<K extends OneOffJob>(kind: K, args: JobArgs<K>, at?: EnqueueAt): Promise<void> {
    const job = this.build(kind, args, at);
    await this.queue(job.queue).add(job.name, job.data, job.opts);
  }

  private async addMany<K extends OneOffJob>(kind: K, args: JobArgs<K>[]): Promise<void> {
    if (args.length === 0) return;
    const jobs = args.map((a) => this.build(kind, a));
    await this.queue(JOB_CONTRACTS[kind].queue).addBulk(
      jobs.map(({ name, data, opts }) => ({ name, data, opts })),
    );
  }

  /**
   * Adds the job unless one that has not started yet is waiting for it: a second "check now"
   * while one is queued adds nothing, since the queued check will see the page as it is
   * when it runs. A job with the id that is already running started before this request and
   * may have fetched the page before the change the caller wants seen: then one follow-up
   * (`<id>+after-<its start>`) is added, and requests during that run share it. A finished
   * job with the id is replaced.
   */
  async enqueueUnlessQueued<K extends OneOffJob>(
    kind: K,
    args: JobArgs<K>,
  ): Promise<{ jobId: string; queued: boolean }> {
    const job = this.build(kind, args);
    const queue = this.queue(job.queue);
    const baseId = job.opts.jobId as string;
    let jobId = baseId;
    for (let hop = 0; hop < 5; hop++) {
      const existing = await queue.getJob(jobId);
      const state = existing ? await existing.getState() : 'none';
      if (existing && state === 'active') {
        // started before this request: the follow-up is named after that start, so every
        // request made during this run shares one
        jobId = `${baseId}+after-${existing.processedOn ?? existing.timestamp}`;
        continue;
      }
      if (state !== 'none' && state !== 'completed' && state !== 'failed' && state !== 'unknown')
        return { jobId, queued: false }; // waiting, delayed or prioritized: it has not started
      if (existing) await existing.remove().catch(() => undefined);
      await queue.add(job.name, job.data, { ...job.opts, jobId });
      return { jobId, queued: true };
    }
    return { jobId, queued: false };
  }

  /** Creates or updates a job scheduler of a contract with `repeat`. */
  async schedule<K extends ScheduledJob>(kind: K, args: JobArgs<K>): Promise<void> {
    const c = contractOf(kind);
    if (!c.repeat) throw new Error(`${kind} is not a job scheduler`);
    await this.queue(c.queue).upsertJobScheduler(c.id(args), c.repeat(args), {
      name: c.name,
      data: c.data(args),
      opts: c.options,
    });
  }

  /** Removes a job scheduler of a contract with `repeat`. */
  async unschedule<K extends ScheduledJob>(kind: K, args: JobArgs<K>): Promise<void> {
    const c = contractOf(kind);
    await this.queue(c.queue).removeJobScheduler(c.id(args));
  }

  /**
   * Removes the document schedulers whose id is not in `keep` (documents deleted or paused
   * while no worker ran); returns how many.
   */
  async removeStrayDocumentSchedulers(keep: ReadonlySet<string>): Promise<number> {
    const queue = this.queue(JOB_CONTRACTS.scheduledCheck.queue);
    let removed = 0;
    for (let start = 0; ; start += 500) {
      const page = await queue.getJobSchedulers(start, start + 499);
      for (const scheduler of page) {
        const id = scheduler.id ?? scheduler.key;
        if (id.startsWith(DOCUMENT_SCHEDULER_PREFIX) && !keep.has(id)) {
          await queue.removeJobScheduler(id);
          removed++;
        }
      }
      if (page.length < 500) break;
    }
    return removed;
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
