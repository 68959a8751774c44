import { randomBytes } from 'node:crypto';

import { type Env } from '@fineprint/config';

import { type Job } from 'bullmq';

import { type AnyWorker, QueueBackend } from './queue-backend';
import { QueueProducer } from './queue-producer.service';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * "Check now" must lead to a check that starts after the request: a queued one is shared,
 * but one already running may have fetched the page before the change the caller saw.
 */
describe('enqueueUnlessQueued: "check now" while a check of the document is running (real Redis)', () => {
  const config = {
    REDIS_URL,
    DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test',
    QUEUE_PREFIX: `t-check-now-${randomBytes(4).toString('hex')}`,
  } as Env;
  const backend = new QueueBackend(config);
  const producer = new QueueProducer(backend, config);
  let worker: AnyWorker | null = null;

  afterAll(async () => {
    await worker?.close(true);
    await producer.queue('check').obliterate({ force: true });
    await producer.onModuleDestroy();
  });

  it('shares a queued check, adds one follow-up while a check runs, and shares that too', async () => {
    const documentId = '11111111-2222-4333-8444-555555555555';
    const started: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));

    const first = await producer.enqueueUnlessQueued('manualCheck', { documentId });
    const second = await producer.enqueueUnlessQueued('manualCheck', { documentId });
    expect(first).toEqual({ jobId: `check-now_${documentId}`, queued: true });
    expect(second).toEqual({ jobId: first.jobId, queued: false }); // not started: it will see the page as it is

    worker = backend.createWorker(
      'check',
      async (job: Job) => {
        started.push(job.id ?? '');
        if (started.length === 1) await held; // the first check is "fetching"
      },
      { concurrency: 1 },
    );
    for (let i = 0; i < 100 && started.length === 0; i++) await sleep(50);
    expect(started).toEqual([first.jobId]);

    // requested while the first runs: a follow-up, shared by every request during that run
    const third = await producer.enqueueUnlessQueued('manualCheck', { documentId });
    const fourth = await producer.enqueueUnlessQueued('manualCheck', { documentId });
    expect(third.queued).toBe(true);
    expect(third.jobId).toMatch(new RegExp(`^check-now_${documentId}\\+after-\\d+$`));
    expect(fourth).toEqual({ jobId: third.jobId, queued: false });

    release();
    for (let i = 0; i < 100 && started.length < 2; i++) await sleep(50);
    expect(started).toEqual([first.jobId, third.jobId]);
  }, 30_000);
});
