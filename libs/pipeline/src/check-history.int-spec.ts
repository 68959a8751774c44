import { type INestApplicationContext } from '@nestjs/common';

import { CheckRunRepository, DocumentRepository, PrismaService, VendorRepository } from '@fineprint/db';
import { type AnyWorker, type Job, QueueProducer } from '@fineprint/queue';
import {
  createTestContext,
  createTestDatabase,
  type FixtureSite,
  startFixtureSite,
  type TestDatabase,
} from '@fineprint/testing';

import { checkContextOfJob } from './check/check-context-of-job';
import { CheckDocumentService } from './check/check-document.service';
import { PipelineModule } from './pipeline.module';
import { DocumentScheduleService } from './schedule/document-schedule.service';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const page = (extra: string) =>
  `<html><head><title>Terms</title></head><body><main id="doc"><h1>Terms</h1>${Array.from(
    { length: 30 },
    (_, i) => `<p>Clause ${i} says what we do with the information you give us.</p>`,
  ).join('')}<p>${extra}</p></main></body></html>`;

describe('check history: one CheckRun per attempt (real PostgreSQL, Redis, BullMQ worker, local site)', () => {
  let db: TestDatabase;
  let site: FixtureSite;
  let app: INestApplicationContext;
  let worker: AnyWorker;
  const finished: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    site = await startFixtureSite();
    app = await createTestContext({ DATABASE_URL: db.url, REDIS_URL }, [PipelineModule]);
    const checks = app.get(CheckDocumentService);
    // the worker's processor, as apps/worker runs it
    worker = app
      .get(QueueProducer)
      .backend.createWorker(
        'check',
        (job: Job) => checks.check((job.data as { documentId: string }).documentId, checkContextOfJob(job)),
        { concurrency: 1 },
      );
    worker.on('failed', (job) => finished.push(`failed ${job?.id ?? ''}`));
    await worker.waitUntilReady();
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await site?.close();
    await db?.drop();
  });

  const until = async (what: () => Promise<boolean>) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      if (await what()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out');
  };

  it('three manual checks of one document leave three CheckRuns, and the metrics count the table', async () => {
    site.setPage('/terms', page('First text.'));
    const vendor = await app.get(VendorRepository).upsertBySlug('acme', 'Acme');
    const doc = await app.get(DocumentRepository).create({
      vendorId: vendor.id,
      slug: 'terms',
      title: 'Acme Terms',
      type: 'terms',
      url: `${site.url}/terms`,
      select: ['#doc'],
      remove: [],
      fetchMode: 'http',
      language: 'en',
      intervalMinutes: 60,
      active: true,
      source: 'api',
    });
    const prisma = app.get(PrismaService);
    const runs = () => prisma.checkRun.count({ where: { documentId: doc.id } });
    const schedules = app.get(DocumentScheduleService);
    for (const [n, text] of [
      [1, 'First text.'],
      [2, 'First text.'],
      [3, 'We now keep voice recordings for three years.'],
    ] as const) {
      site.setPage('/terms', page(text));
      expect((await schedules.checkNow(doc.id)).queued).toBe(true);
      await until(async () => (await runs()) >= n);
    }
    await new Promise((r) => setTimeout(r, 300)); // let any extra run surface
    expect(finished).toEqual([]);
    expect(await runs()).toBe(3);
    const outcomes = await prisma.checkRun.findMany({
      where: { documentId: doc.id },
      orderBy: { startedAt: 'asc' },
      select: { outcome: true, trigger: true },
    });
    expect(outcomes).toEqual([
      { outcome: 'new_version', trigger: 'manual' },
      { outcome: 'unchanged', trigger: 'manual' },
      { outcome: 'new_version', trigger: 'manual' },
    ]);
    const counted = await app.get(CheckRunRepository).countAllByOutcome();
    expect(counted.reduce((sum, r) => sum + r.count, 0)).toBe(3);
  });
});
