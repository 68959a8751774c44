import { type INestApplicationContext } from '@nestjs/common';

import {
  ChangeRepository,
  CheckRunRepository,
  DocumentRepository,
  PrismaService,
  VersionRepository,
} from '@fineprint/db';
import { type Job, QueueProducer } from '@fineprint/queue';
import {
  createTestContext,
  createTestDatabase,
  type FixtureSite,
  startFixtureSite,
  type TestDatabase,
  createTestDocument,
} from '@fineprint/testing';

import { DiffVersionService } from './changes/diff-version.service';
import { checkContextOfJob } from './check/check-context-of-job';
import { CheckDocumentService } from './check/check-document.service';
import { SCRAPER, type ScraperPort } from './check/scraper.port';
import { PipelineModule } from './pipeline.module';
import { DocumentScheduleService } from './schedule/document-schedule.service';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const policy = (paragraphs: string[]) =>
  `<html><head><title>Privacy Notice</title></head><body><nav>Menu</nav><main id="doc"><h1>Privacy Notice</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main><footer>${Date.now()}</footer></body></html>`;
const BASE = Array.from(
  { length: 40 },
  (_, i) => `Section ${i} explains how we use and protect the information you give us.`,
);

describe('the tracking pipeline on real PostgreSQL, Redis and a local site', () => {
  let db: TestDatabase;
  let site: FixtureSite;
  let app: INestApplicationContext;
  let checks: CheckDocumentService;
  let diffs: DiffVersionService;
  let prisma: PrismaService;

  const open = async (confirmDelayMs: number) => {
    await app?.close();
    app = await createTestContext(
      {
        DATABASE_URL: db.url,
        REDIS_URL,
        CONFIRM_DELAY_MS: String(confirmDelayMs),
        FAILING_AFTER: '2',
      },
      [PipelineModule],
    );
    checks = app.get(CheckDocumentService);
    diffs = app.get(DiffVersionService);
    prisma = app.get(PrismaService);
  };

  const newDocument = async (path: string) => {
    return createTestDocument(app, {
      slug: path.replace(/\W/g, '') || 'doc',
      title: 'Acme Privacy Notice',
      url: `${site.url}${path}`,
      select: ['#doc'],
    });
  };

  /** A check as the worker runs it, with the diff job done inline. */
  const check = async (documentId: string, trigger: 'scheduled' | 'confirm' = 'scheduled') => {
    const result = await checks.check(documentId, { trigger });
    if (result.versionId) await diffs.diffVersion(result.versionId);
    return result;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    site = await startFixtureSite();
    await open(0);
  });
  afterAll(async () => {
    await app?.close();
    await site.close();
    await db.drop();
  });

  it('records a baseline, writes only a check run when nothing changed, and a version + change when it did', async () => {
    site.setPage('/p1', policy(BASE));
    const doc = await newDocument('/p1');
    expect(await check(doc.id)).toMatchObject({ outcome: 'new_version', versionStatus: 'baseline' });
    const snapshotsBefore = await prisma.snapshot.count({ where: { documentId: doc.id } });
    const stamps = () =>
      prisma.document.findUniqueOrThrow({
        where: { id: doc.id },
        select: { status: true, lastCheckedAt: true, lastSuccessAt: true, lastChangedAt: true },
      });
    // a baseline is a success, not a change
    const afterBaseline = await stamps();
    expect(afterBaseline).toMatchObject({ status: 'ok', lastChangedAt: null });
    expect(afterBaseline.lastSuccessAt).toEqual(afterBaseline.lastCheckedAt);

    const quiet = await check(doc.id);
    expect(quiet.outcome).toBe('unchanged');
    expect(await prisma.version.count({ where: { documentId: doc.id } })).toBe(1);
    // the same bytes again: no snapshot, no version, only the check run
    expect(await prisma.snapshot.count({ where: { documentId: doc.id } })).toBe(snapshotsBefore);
    site.setPage('/p1', policy(BASE)); // same text, new footer timestamp
    expect((await check(doc.id)).outcome).toBe('unchanged');
    expect(await prisma.snapshot.count({ where: { documentId: doc.id } })).toBe(snapshotsBefore + 1);
    expect(await prisma.version.count({ where: { documentId: doc.id } })).toBe(1);

    site.setPage('/p1', policy([...BASE, 'We use your voice recordings to train our models.']));
    const changed = await check(doc.id);
    expect(changed).toMatchObject({ outcome: 'new_version', versionStatus: 'confirmed' });
    const change = await prisma.change.findUniqueOrThrow({ where: { toVersionId: changed.versionId ?? '' } });
    expect(change.kinds).toContain('new-data-use');
    expect(change.topics).toEqual(expect.arrayContaining(['ai-training', 'voice-recordings']));
    expect(change.state).toBe('announced');
    expect(await app.get(VersionRepository).verifyChain(doc.id)).toBeNull();
    const afterChange = await stamps();
    expect(afterChange.lastChangedAt).toBeInstanceOf(Date);
    expect(afterChange.lastChangedAt?.getTime()).toBeGreaterThan(
      afterBaseline.lastCheckedAt?.getTime() ?? Infinity,
    );
    expect(afterChange.lastSuccessAt).toEqual(afterChange.lastChangedAt);

    const runs = await prisma.checkRun.groupBy({
      by: ['outcome'],
      where: { documentId: doc.id },
      _count: true,
    });
    expect(Object.fromEntries(runs.map((r) => [r.outcome, r._count]))).toEqual({
      new_version: 2,
      unchanged: 2,
    });
  });

  it('a change of declaration is a new baseline from the stored page, never announced; the next change by the vendor is', async () => {
    site.setPage('/rescoped', policy(BASE));
    const doc = await newDocument('/rescoped');
    expect(await check(doc.id)).toMatchObject({ versionStatus: 'baseline' });

    // the operator narrows the declaration: the heading is no longer part of the text
    await prisma.document.update({ where: { id: doc.id }, data: { remove: ['h1'] } });
    expect(await check(doc.id)).toMatchObject({ outcome: 'unchanged' });
    const versions = await prisma.version.findMany({
      where: { documentId: doc.id },
      orderBy: { seq: 'asc' },
    });
    expect(versions.map((v) => v.status)).toEqual(['baseline', 'baseline']);
    expect(versions[1]?.statusReason).toMatch(/^re-extracted/);
    expect(versions[1]?.snapshotId).toBe(versions[0]?.snapshotId); // the same stored page
    expect(versions[1]?.text).not.toContain('# Privacy Notice');
    expect(await prisma.change.count({ where: { documentId: doc.id } })).toBe(0);
    expect(await check(doc.id)).toMatchObject({ outcome: 'unchanged' }); // and quiet from then on

    // the vendor then changes the page: announced against the re-extracted base only
    site.setPage('/rescoped', policy([...BASE, 'We use your voice recordings to train our models.']));
    const changed = await check(doc.id);
    expect(changed).toMatchObject({ outcome: 'new_version', versionStatus: 'confirmed' });
    const change = await prisma.change.findUniqueOrThrow({ where: { toVersionId: changed.versionId ?? '' } });
    expect(change.state).toBe('announced');
    expect(change.fromVersionId).toBe(versions[1]?.id);
    expect(change.stats).toMatchObject({ wordsRemoved: 0 });

    // a declaration whose selector the stored page lacks: the fetched text itself is the new baseline
    site.setPage(
      '/rescoped',
      policy([...BASE, 'We use your voice recordings to train our models.']).replace(
        '<nav>Menu</nav>',
        '<nav>Menu</nav><article id="new">Policy moved into an article.</article>',
      ),
    );
    await prisma.document.update({ where: { id: doc.id }, data: { select: ['#new'], remove: [] } });
    const rescoped = await check(doc.id);
    expect(rescoped).toMatchObject({ outcome: 'new_version', versionStatus: 'baseline' });
    expect(rescoped.reason).toMatch(/^re-extracted/);
    expect(await prisma.change.count({ where: { documentId: doc.id } })).toBe(1);
  });

  it('a failed fetch records a check run, never a version, and the document turns failing after N failures', async () => {
    site.setPage('/p2', policy(BASE));
    const doc = await newDocument('/p2');
    await check(doc.id);
    site.setPage('/p2', '<h1>Internal Server Error</h1>', { status: 500 });
    await expect(check(doc.id)).rejects.toMatchObject({ kind: 'transient' });
    await expect(check(doc.id)).rejects.toMatchObject({ kind: 'transient' });
    const after = await app.get(DocumentRepository).findById(doc.id);
    expect(after).toMatchObject({ status: 'failing', consecutiveFailures: 2 });
    expect(await prisma.version.count({ where: { documentId: doc.id } })).toBe(1);
    site.setPage('/p2', policy(BASE));
    expect((await check(doc.id)).outcome).toBe('unchanged');
    expect(await app.get(DocumentRepository).findById(doc.id)).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
    });
  });

  it('an error page served once is quarantined, nothing is announced, and the next good check is not a change', async () => {
    site.setPage('/p3', policy(BASE));
    const doc = await newDocument('/p3');
    await check(doc.id);
    site.setPage(
      '/p3',
      '<html><head><title>Sorry</title></head><body><main id="doc"><h1>We\'re Sorry</h1><p>Something went wrong on our end.</p></main></body></html>',
    );
    expect(await check(doc.id)).toMatchObject({ outcome: 'quarantined', versionStatus: 'quarantined' });
    site.setPage('/p3', policy(BASE));
    expect((await check(doc.id)).outcome).toBe('unchanged');
    expect(await prisma.change.count({ where: { documentId: doc.id } })).toBe(0);
    expect(
      await prisma.version.findMany({
        where: { documentId: doc.id },
        select: { status: true },
        orderBy: { seq: 'asc' },
      }),
    ).toEqual([{ status: 'baseline' }, { status: 'quarantined' }]);
  });

  it('a page that flips between two texts is announced once at most, then flagged unstable', async () => {
    const a = policy(BASE);
    const b = policy([...BASE, 'We share your information with advertising partners.']);
    site.setPage('/p4', a);
    const doc = await newDocument('/p4');
    await check(doc.id);
    for (const html of [b, a, b, a, b]) {
      site.setPage('/p4', html);
      await check(doc.id);
    }
    expect(await prisma.change.count({ where: { documentId: doc.id, state: 'announced' } })).toBe(1);
    // b, then a back (a revert); from then on the switches are flaps: checks only (decision 0023)
    expect(await prisma.version.count({ where: { documentId: doc.id, status: 'revert' } })).toBe(1);
    expect(await prisma.version.count({ where: { documentId: doc.id } })).toBe(3);
    expect((await app.get(DocumentRepository).findById(doc.id))?.unstable).toBe(true);
  });

  it('a page back to bytes it had before makes their snapshot the tip again, so the next check of them is quiet without extracting', async () => {
    const a = policy(BASE);
    const b = policy([...BASE, 'We share your information with advertising partners.']);
    site.setPage('/p4b', a);
    const doc = await newDocument('/p4b');
    await check(doc.id);
    site.setPage('/p4b', b);
    await check(doc.id);
    site.setPage('/p4b', a);
    expect(await check(doc.id)).toMatchObject({ outcome: 'new_version', versionStatus: 'revert' });

    const snapshots = await prisma.snapshot.findMany({
      where: { documentId: doc.id },
      orderBy: { firstSeenAt: 'asc' },
    });
    expect(snapshots).toHaveLength(2);
    const [first, second] = snapshots;
    // A's snapshot was seen again after B's
    expect(first?.lastSeenAt.getTime()).toBeGreaterThan(second?.lastSeenAt.getTime() ?? Infinity);

    const extract = jest.spyOn(app.get<ScraperPort>(SCRAPER), 'extract');
    try {
      expect(await check(doc.id)).toMatchObject({ outcome: 'unchanged' });
      expect(extract).not.toHaveBeenCalled();
    } finally {
      extract.mockRestore();
    }
    expect(await prisma.snapshot.count({ where: { documentId: doc.id } })).toBe(2);
  });

  it('with confirmation on: a change that reverts before its re-check is never announced; one that stays is announced once', async () => {
    // (one whose first sighting flickered back is announced once the old text has not been seen for the variant window)
    await open(60_000);
    const a = policy(BASE);
    const b = policy([...BASE, 'We keep voice recordings for 3 years.']);
    site.setPage('/p5', a);
    const doc = await newDocument('/p5');
    await check(doc.id);

    site.setPage('/p5', b);
    const pending = await check(doc.id);
    expect(pending.versionStatus).toBe('pending');
    const confirmJob = await app
      .get(QueueProducer)
      .queue('check')
      .getJob(`confirm_${doc.id}_${pending.versionId}`);
    expect(confirmJob).toBeDefined();
    site.setPage('/p5', a);
    await check(doc.id, 'confirm');
    const changes = app.get(ChangeRepository);
    expect((await changes.findByToVersion(pending.versionId ?? ''))?.state).toBe('suppressed');
    expect((await app.get(VersionRepository).findById(pending.versionId ?? ''))?.status).toBe('transient');

    // b again while a is still seen: a variant the page alternates with, not yet a change (decision 0023)
    site.setPage('/p5', b);
    expect(await check(doc.id)).toMatchObject({
      outcome: 'unchanged',
      reason: expect.stringMatching(/variant/),
    });
    // a month later, b the only text seen since: it is the document's text, confirmed and announced once
    for (const table of ['CheckRun', 'Version'] as const) {
      const column = table === 'CheckRun' ? 'startedAt' : 'recordedAt';
      await prisma.$executeRawUnsafe(
        `UPDATE "${table}" SET "${column}" = "${column}" - interval '31 days' WHERE "documentId" = $1::uuid`,
        doc.id,
      );
    }
    const again = await check(doc.id);
    expect(again.versionStatus).toBe('pending');
    await check(doc.id, 'confirm');
    const change = await changes.findByToVersion(again.versionId ?? '');
    expect(change?.state).toBe('announced');
    expect(change?.kinds).toContain('retention-changed');
    expect(await prisma.change.count({ where: { documentId: doc.id, state: 'announced' } })).toBe(1);
    await open(0);
  });

  it('a retried check after a crash creates no duplicate, and the lost diff job is enqueued again', async () => {
    site.setPage('/p6', policy(BASE));
    const doc = await newDocument('/p6');
    await check(doc.id);
    site.setPage('/p6', policy([...BASE, 'We may sell your personal information.']));
    // the check stores the version; the "crash" loses its diff (we do not run it)
    const first = await checks.check(doc.id, { trigger: 'scheduled', jobId: 'job-1', attempt: 1 });
    const queue = app.get(QueueProducer).queue('diff');
    await (await queue.getJob(`diff_${first.versionId}`))?.remove();
    // the retry sees the same text: nothing new, and the follow-up is restored
    const retry = await checks.check(doc.id, { trigger: 'scheduled', jobId: 'job-1', attempt: 2 });
    expect(retry.outcome).toBe('unchanged');
    expect(await prisma.version.count({ where: { documentId: doc.id } })).toBe(2);
    expect(await queue.getJob(`diff_${first.versionId}`)).toBeDefined();
    await diffs.diffVersion(first.versionId ?? '');
    await diffs.diffVersion(first.versionId ?? '');
    expect(await prisma.change.count({ where: { documentId: doc.id } })).toBe(1);
  });
  it('leaves one CheckRun per attempt: three manual checks through a BullMQ worker, three runs, counted by the metrics', async () => {
    const documentPage = (extra: string) => policy([...BASE, extra]);
    site.setPage('/p7', documentPage('First text.'));
    const doc = await newDocument('/p7');
    const failed: string[] = [];
    // the worker's processor, as apps/worker runs it
    const worker = app
      .get(QueueProducer)
      .backend.createWorker(
        'check',
        (job: Job) => checks.check((job.data as { documentId: string }).documentId, checkContextOfJob(job)),
        { concurrency: 1 },
      );
    worker.on('failed', (job) => failed.push(job?.id ?? '?'));
    const runs = () => prisma.checkRun.count({ where: { documentId: doc.id } });
    try {
      for (const [n, text] of [
        [1, 'First text.'],
        [2, 'First text.'],
        [3, 'We now keep voice recordings for three years.'],
      ] as const) {
        site.setPage('/p7', documentPage(text));
        expect((await app.get(DocumentScheduleService).checkNow(doc.id)).queued).toBe(true);
        for (const deadline = Date.now() + 20_000; (await runs()) < n && Date.now() < deadline;)
          await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300)); // let any extra run surface
    } finally {
      await worker.close();
    }
    expect(failed).toEqual([]);
    const history = await prisma.checkRun.findMany({
      where: { documentId: doc.id },
      orderBy: { startedAt: 'asc' },
      select: { outcome: true, trigger: true },
    });
    expect(history).toEqual([
      { outcome: 'new_version', trigger: 'manual' },
      { outcome: 'unchanged', trigger: 'manual' },
      { outcome: 'new_version', trigger: 'manual' },
    ]);
    const counted = await app.get(CheckRunRepository).countAllByOutcome();
    expect(counted.reduce((sum, r) => sum + r.count, 0)).toBe(await prisma.checkRun.count());
  });
});
