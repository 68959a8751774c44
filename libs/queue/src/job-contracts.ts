/**
 * Every job's whole contract in one table: the one place that answers "how is a job
 * retried?". For each way of enqueueing (a scheduled check, a manual one, a confirming
 * re-check, a diff, a fan-out, a delivery…): its queue and job name, its payload, its
 * deterministic id, its options and backoff, and for a scheduler its repeat rule.
 * Producers call `QueueProducer.enqueue.<job>(…)`; nothing else adds jobs (a test checks).
 */
import { randomUUID } from 'node:crypto';

import { type JobsOptions } from 'bullmq';

import { type JobData, type JobName, type QueueName } from './queue.definitions';

/** One way of enqueueing a job: what the producer passes (`A`) is all it decides. */
export interface JobContract<Q extends QueueName, N extends JobName<Q>, A> {
  queue: Q;
  name: N;
  /** The deterministic job id (or scheduler id): an add whose id exists adds nothing. */
  id: (args: A) => string;
  data: (args: A) => JobData<Q, N>;
  options: Omit<JobsOptions, 'jobId' | 'repeat'>;
  /** A job scheduler instead of one job: how often it fires. */
  repeat?: (args: A) => { every: number; offset?: number } | { pattern: string };
}

/** A contract for one-off jobs (`enqueue.<job>`). */
const job = <Q extends QueueName, N extends JobName<Q>, A>(c: Omit<JobContract<Q, N, A>, 'repeat'>) => ({
  ...c,
  kind: 'job' as const,
});
/** A contract for a job scheduler (`schedule(<job>)`). */
const scheduler = <Q extends QueueName, N extends JobName<Q>, A>(
  c: JobContract<Q, N, A> & Required<Pick<JobContract<Q, N, A>, 'repeat'>>,
) => ({ ...c, kind: 'scheduler' as const });

/** The custom backoff strategies the workers know, by `backoff.type`. */
export const BACKOFF = { fullJitter: 'full-jitter' } as const;

/**
 * Retry delay before retry n (1-based): exponential from 10 s, capped at 6 h, full jitter
 * (a uniform draw in [0, min(6 h, 10 s × 2^(n-1)))); docs/webhooks.md and decision 0012.
 * The delivery jobs' backoff (`BACKOFF.fullJitter`).
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(6 * 3600_000, 10_000 * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** BullMQ's hook for custom backoffs: `attemptsMade` is 1 after the first failure. */
export function customBackoff(attemptsMade: number, type?: string): number {
  if (type === BACKOFF.fullJitter) return retryDelayMs(attemptsMade);
  throw new Error(`unknown backoff type ${type ?? '(none)'}`);
}

/** Bounded retries with exponential backoff, bounded history: a job with no reason to differ. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const satisfies JobsOptions;

/** Scheduler ids of document checks start with this (strays are found by it). */
export const DOCUMENT_SCHEDULER_PREFIX = 'doc_';

/**
 * A stable offset inside the interval for a document's schedule, so that documents
 * sharing an interval do not all fire at the same instant (deterministic jitter).
 */
export function scheduleOffsetMs(documentId: string, intervalMs: number): number {
  let hash = 2166136261;
  for (let i = 0; i < documentId.length; i++) {
    hash ^= documentId.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  const window = Math.min(intervalMs, 15 * 60_000);
  return hash % Math.max(1, window);
}

/** Ids must not contain ':' (BullMQ's key separator). */
export const JOB_CONTRACTS = {
  /** A document's own schedule: every `intervalMinutes`, at a stable offset. */
  scheduledCheck: scheduler({
    queue: 'check',
    name: 'check-document',
    id: (a: { documentId: string; intervalMinutes: number }) => `${DOCUMENT_SCHEDULER_PREFIX}${a.documentId}`,
    data: (a) => ({ documentId: a.documentId, trigger: 'scheduled' as const }),
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    },
    repeat: (a) => {
      const every = a.intervalMinutes * 60_000;
      return { every, offset: scheduleOffsetMs(a.documentId, every) };
    },
  }),
  /** "Check now" (and a new document's first check): one at a time per document, first in line. */
  manualCheck: job({
    queue: 'check',
    name: 'check-document',
    id: (a: { documentId: string }) => `check-now_${a.documentId}`,
    data: (a) => ({ documentId: a.documentId, trigger: 'manual' as const }),
    options: { ...DEFAULT_JOB_OPTIONS, priority: 1, attempts: 2, removeOnComplete: true, removeOnFail: true },
  }),
  /** A new document's first check, at once instead of at its first slot (once: the id is kept a day). */
  firstCheck: job({
    queue: 'check',
    name: 'check-document',
    id: (a: { documentId: string }) => `first_${a.documentId}`,
    data: (a) => ({ documentId: a.documentId, trigger: 'created' as const }),
    options: { ...DEFAULT_JOB_OPTIONS, priority: 1 },
  }),
  /** The re-check that confirms a pending version (delayed by CONFIRM_DELAY_MS). */
  confirmCheck: job({
    queue: 'check',
    name: 'check-document',
    id: (a: { documentId: string; versionId: string }) => `confirm_${a.documentId}_${a.versionId}`,
    data: (a) => ({ documentId: a.documentId, trigger: 'confirm' as const }),
    options: DEFAULT_JOB_OPTIONS,
  }),
  diffVersion: job({
    queue: 'diff',
    name: 'diff-version',
    id: (a: { versionId: string }) => `diff_${a.versionId}`,
    data: (a) => ({ versionId: a.versionId }),
    options: DEFAULT_JOB_OPTIONS,
  }),
  fanOutChange: job({
    queue: 'notify',
    name: 'fan-out-change',
    id: (a: { changeId: string }) => `fanout_${a.changeId}`,
    data: (a) => ({ changeId: a.changeId }),
    options: DEFAULT_JOB_OPTIONS,
  }),
  /** The daily digest, at 07:00 UTC. */
  dailyDigest: scheduler({
    queue: 'notify',
    name: 'send-digest',
    id: (_: Record<string, never>) => 'daily-digest',
    data: () => ({ day: '' }),
    options: { attempts: 3 },
    repeat: () => ({ pattern: '0 7 * * *' }),
  }),
  /**
   * One delivery (an email or a webhook): 8 attempts, full jitter capped at 6 h. A completed
   * job is removed at once: its Delivery row is the record, and a fan-out run again enqueues
   * only the rows still pending.
   */
  deliver: job({
    queue: 'deliver',
    name: 'deliver',
    id: (a: { deliveryId: string }) => `deliver_${a.deliveryId}`,
    data: (a) => ({ deliveryId: a.deliveryId }),
    options: {
      ...DEFAULT_JOB_OPTIONS,
      attempts: 8,
      backoff: { type: BACKOFF.fullJitter },
      removeOnComplete: true,
    },
  }),
  /**
   * A subscribe request, handled by the worker off the API's request path (the same answer and
   * timing whatever the address; issue #14). Each request is its own job (the worker locks per
   * mailbox and is idempotent); the job holds an email address, so it is removed once done.
   */
  requestSubscription: job({
    queue: 'notify',
    name: 'request-subscription',
    id: (_: JobData<'notify', 'request-subscription'>) => `subreq_${randomUUID()}`,
    data: (a) => a,
    options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
  }),
  /** An administrator's redelivery: one attempt, whose result the administrator reads. */
  redeliver: job({
    queue: 'deliver',
    name: 'deliver',
    id: (a: { deliveryId: string; attempts: number }) => `deliver_${a.deliveryId}_r${a.attempts}`,
    data: (a) => ({ deliveryId: a.deliveryId }),
    options: { ...DEFAULT_JOB_OPTIONS, attempts: 1 },
  }),
} as const;

export type JobKind = keyof typeof JOB_CONTRACTS;
export type JobArgs<K extends JobKind> = Parameters<(typeof JOB_CONTRACTS)[K]['id']>[0];
export type OneOffJob = {
  [K in JobKind]: (typeof JOB_CONTRACTS)[K]['kind'] extends 'job' ? K : never;
}[JobKind];
export type ScheduledJob = Exclude<JobKind, OneOffJob>;

/**
 * The key of one check attempt's CheckRun: the job's id and the time it was enqueued, so
 * a job replayed after a crash maps to the same record while a new job that reuses an id
 * (every "check now" of a document) gets its own.
 */
export function checkRunKey(job: { id?: string | undefined; timestamp: number }): string | null {
  return job.id ? `${job.id}@${job.timestamp}` : null;
}
