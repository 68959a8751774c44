import {
  createPostgresBackend,
  type Job,
  type JobsOptions,
  Queue,
  type QueueOptions,
  withBackend,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

import { type Env } from '@fineprint/config';

import { customBackoff } from './job-contracts';

export type QueueBackendKind = 'redis' | 'postgres';

/** A BullMQ queue whose backend (Redis or PostgreSQL) was chosen from the config. */
export interface AnyQueue {
  add(name: string, data: unknown, opts?: JobsOptions): Promise<Job>;
  addBulk(jobs: { name: string; data: unknown; opts?: JobsOptions }[]): Promise<Job[]>;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  upsertJobScheduler(
    id: string,
    repeat: { every: number; offset?: number } | { pattern: string },
    template: { name: string; data: unknown; opts?: Omit<JobsOptions, 'jobId' | 'repeat' | 'delay'> },
  ): Promise<unknown>;
  removeJobScheduler(id: string): Promise<boolean>;
  getJobSchedulers(
    start?: number,
    end?: number,
  ): Promise<{ key: string; id?: string | null; every?: number | null; next?: number }[]>;
  getJob(id: string): Promise<Job | undefined>;
  pause(): Promise<void>;
  obliterate(opts?: { force?: boolean }): Promise<void>;
  close(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface AnyWorker {
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'failed', listener: (job: Job | undefined, error: Error) => void): unknown;
  close(force?: boolean): Promise<void>;
  waitUntilReady(): Promise<unknown>;
  isRunning(): boolean;
}

export type Processor = (job: Job) => Promise<unknown>;

/**
 * Builds queues and workers on the configured backend: Redis when REDIS_URL is set
 * (production, many workers), else BullMQ's PostgreSQL backend on DATABASE_URL (the
 * embedded default for a machine with only Node.js).
 */
export class QueueBackend {
  readonly kind: QueueBackendKind;
  private readonly prefix: string;

  constructor(
    private readonly config: Pick<Env, 'REDIS_URL' | 'DATABASE_URL' | 'QUEUE_PREFIX'> &
      Partial<Pick<Env, 'JOB_LOCK_MS'>>,
  ) {
    this.kind = config.REDIS_URL ? 'redis' : 'postgres';
    this.prefix = config.QUEUE_PREFIX;
  }

  createQueue(name: string): AnyQueue {
    const opts = { prefix: this.prefix };
    if (this.kind === 'redis') {
      return new Queue(name, { ...opts, connection: this.redisOptions() } as QueueOptions);
    }
    const { Queue: PgQueue } = withBackend(createPostgresBackend);
    return new PgQueue(name, { ...opts, connection: this.postgresOptions() });
  }

  createWorker(
    name: string,
    processor: Processor,
    options: { concurrency: number; autorun?: boolean },
  ): AnyWorker {
    const lock = this.config.JOB_LOCK_MS ?? 15_000;
    // a job whose worker died is taken over once its lock lapses: the stalled-job check runs
    // every third of the lock, so a lost job is back within about 4/3 of JOB_LOCK_MS (20 s
    // by default); a job that stalls a third time fails instead of crashing worker after worker
    const opts = {
      prefix: this.prefix,
      concurrency: options.concurrency,
      autorun: options.autorun ?? true,
      lockDuration: lock,
      stalledInterval: Math.max(1000, Math.round(lock / 3)),
      maxStalledCount: 2,
      // the backoffs named in JOB_CONTRACTS that BullMQ does not know itself
      settings: { backoffStrategy: customBackoff },
    };
    if (this.kind === 'redis') {
      return new Worker(name, processor, {
        ...opts,
        connection: this.redisOptions(),
      } as WorkerOptions) as AnyWorker;
    }
    const { Worker: PgWorker } = withBackend(createPostgresBackend);
    return new PgWorker(name, processor, { ...opts, connection: this.postgresOptions() });
  }

  /** Options for ioredis as BullMQ needs them; reconnects forever with a capped backoff. */
  redisOptions(): RedisOptions {
    const url = new URL(this.config.REDIS_URL);
    return {
      host: url.hostname,
      port: Number(url.port || 6379),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      db: Number(url.pathname.replace('/', '') || 0),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
      maxRetriesPerRequest: null,
      retryStrategy: (times: number) => Math.min(250 * 2 ** Math.min(times, 5), 5000),
    };
  }

  private postgresOptions() {
    const url = new URL(this.config.DATABASE_URL);
    url.searchParams.delete('schema');
    return { connectionString: url.toString(), schema: 'bullmq', migrate: true };
  }

  /** A fast reachability probe: a dedicated client that fails instead of queueing. */
  async ping(timeoutMs = 1500): Promise<void> {
    if (this.kind === 'redis') {
      const client = new Redis({
        ...this.redisOptions(),
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
        connectTimeout: timeoutMs,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
      } finally {
        client.disconnect();
      }
      return;
    }
    const { Client } = await import('pg');
    const client = new Client({
      connectionString: this.postgresOptions().connectionString,
      connectionTimeoutMillis: timeoutMs,
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
