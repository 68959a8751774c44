/**
 * The rate of bare BullMQ jobs on one Redis, the reference for designs with one job per
 * item: `count` jobs added in bulk (1,000 per call) and run by one worker with
 * `concurrency`, each doing `work` with its index. The listeners are attached before the
 * first add, so fast completions are not missed; a failed job ends the run with its error.
 */
import { Queue, Worker } from 'bullmq';

export interface JobRateOptions {
  redisUrl: string;
  prefix: string;
  count: number;
  concurrency: number;
  work: (index: number) => Promise<unknown>;
  removeOnComplete: boolean;
  /** Called just before the first job is added and just after the last completes (e.g. to sample CPU). */
  onStart?: () => void;
  onFinish?: () => void;
}

export async function bullmqJobRate(options: JobRateOptions): Promise<number> {
  const { count } = options;
  const url = new URL(options.redisUrl);
  const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
  const queue = new Queue('bench-jobs', { connection, prefix: options.prefix });
  let done = 0;
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const worker = new Worker('bench-jobs', (job) => options.work((job.data as { i: number }).i), {
    connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
  });
  worker.on('completed', () => {
    if (++done >= count) finish();
  });
  worker.on('failed', (job, error) =>
    fail(new Error(`bench job ${JSON.stringify(job?.data)} failed: ${error.message}`)),
  );
  try {
    await worker.waitUntilReady();
    options.onStart?.();
    const started = performance.now();
    for (let i = 0; i < count; i += 1000)
      await queue.addBulk(
        Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
          name: 'job',
          data: { i: i + j },
          opts: { jobId: `job_${i + j}`, removeOnComplete: options.removeOnComplete },
        })),
      );
    await finished;
    const rate = count / ((performance.now() - started) / 1000);
    options.onFinish?.();
    return rate;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
