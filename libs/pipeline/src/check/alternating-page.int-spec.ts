import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { type INestApplicationContext } from '@nestjs/common';

import { DocumentRepository, PrismaService } from '@fineprint/db';
import {
  createTestContext,
  createTestDatabase,
  createTestDocument,
  type TestDatabase,
} from '@fineprint/testing';

import { DiffVersionService } from '../changes/diff-version.service';
import { PipelineModule } from '../pipeline.module';
import { CheckDocumentService } from './check-document.service';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const SECTIONS = Array.from(
  { length: 40 },
  (_, i) => `Section ${i} explains how we use and protect the information you give us.`,
);
let served = 0;
/** A page as the vendor serves it: every response carries its own nonce, so no two are byte-identical. */
const page = (title: string, paragraphs: string[]) => () =>
  `<html><head><title>${title}</title></head><body><main id="doc"><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</main><footer>request ${++served}</footer></body></html>`;
// two documents served at one address (Finya's members' and public policies)
const MEMBERS = page('Privacy Policy (members)', [...SECTIONS, 'Members see each other’s profiles.']);
const PUBLIC = page('Privacy Policy', [...SECTIONS, 'Visitors are measured with cookies.']);
const CHANGED = page('Privacy Policy (members)', [
  ...SECTIONS,
  'Members see each other’s profiles.',
  'We share your information with advertising partners.',
]);

describe('a page that alternates between two texts, through the check path (PostgreSQL, Redis, local HTTP)', () => {
  let db: TestDatabase;
  let server: Server;
  let base: string;
  /** What the local site answers next: one page for every request, or pages in turn. */
  let answer: () => string = MEMBERS;
  let app: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(answer());
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // a confirming re-check is scheduled (not run by a worker here: the test runs it, as the job would)
    app = await createTestContext({ DATABASE_URL: db.url, REDIS_URL, CONFIRM_DELAY_MS: '60000' }, [
      PipelineModule,
    ]);
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((done) => server.close(done));
    await db.drop();
  });

  /** A scheduled check as the worker runs it (diff job inline), then its confirming re-check if it asked for one. */
  const check = async (documentId: string) => {
    const checks = app.get(CheckDocumentService);
    const diffs = app.get(DiffVersionService);
    const result = await checks.check(documentId, { trigger: 'scheduled' });
    if (result.versionId) await diffs.diffVersion(result.versionId);
    if (result.versionStatus === 'pending') {
      const confirm = await checks.check(documentId, { trigger: 'confirm' });
      if (confirm.versionId) await diffs.diffVersion(confirm.versionId);
      return { result, confirm };
    }
    return { result, confirm: null };
  };
  const versionsOf = (documentId: string) =>
    prisma.version.findMany({
      where: { documentId },
      orderBy: { seq: 'asc' },
      select: { id: true, status: true },
    });
  const announced = (documentId: string) =>
    prisma.change.count({ where: { documentId, state: 'announced' } });

  it('served in turn faster than the re-check: one transient version, then flaps that record only their checks; a real change is announced', async () => {
    answer = MEMBERS;
    const servedBefore = served;
    const doc = await createTestDocument(app, {
      slug: 'turns',
      title: 'Privacy',
      url: `${base}/privacy`,
      select: ['#doc'],
    });
    expect((await check(doc.id)).result.versionStatus).toBe('baseline');

    // from now on the address answers the two documents in turn, request after request
    let turn = 0;
    answer = () => (turn++ % 2 === 0 ? PUBLIC() : MEMBERS());
    const first = await check(doc.id); // the public text; its re-check sees the members' one
    expect(first.result.versionStatus).toBe('pending');
    expect(first.confirm?.outcome).toBe('unchanged');
    expect((await versionsOf(doc.id)).map((v) => v.status)).toEqual(['baseline', 'transient']);

    const flaps = [];
    for (let i = 0; i < 6; i++) flaps.push((await check(doc.id)).result);
    // the public text is a variant: no version, no re-check, nothing announced; the members' text is no change
    expect(flaps.map((r) => [r.outcome, r.versionId ?? null])).toEqual(
      Array.from({ length: 6 }, () => ['unchanged', null]),
    );
    expect(flaps.filter((_, i) => i % 2 === 0).every((r) => /variant/.test(r.reason ?? ''))).toBe(true);
    const versions = await versionsOf(doc.id);
    expect(versions.map((v) => v.status)).toEqual(['baseline', 'transient']);
    expect(await announced(doc.id)).toBe(0);
    expect((await app.get(DocumentRepository).findById(doc.id))?.unstable).toBe(true);
    // nothing is lost: every response is a snapshot, and each check's run names the text it saw
    expect(await prisma.snapshot.count({ where: { documentId: doc.id } })).toBe(served - servedBefore);
    const runs = await prisma.checkRun.findMany({
      where: { documentId: doc.id },
      orderBy: { startedAt: 'asc' },
      select: { versionId: true },
    });
    const [members, publicText] = versions.map((v) => v.id);
    expect(runs.slice(-6).map((r) => r.versionId)).toEqual([
      publicText,
      members,
      publicText,
      members,
      publicText,
      members,
    ]);

    // the vendor really changes its text, and serves it on every request: announced once, after its re-check
    answer = CHANGED;
    const change = await check(doc.id);
    expect(change.result.versionStatus).toBe('pending');
    expect(change.confirm?.outcome).toBe('unchanged');
    expect(await announced(doc.id)).toBe(1);
    const [announcedChange] = await prisma.change.findMany({
      where: { documentId: doc.id, state: 'announced' },
    });
    expect(announcedChange?.kinds).toContain('sharing-expanded');
  }, 30_000);

  it('switching every few days (the re-check confirms the first switch): after one revert, the switches are flaps', async () => {
    answer = MEMBERS;
    const doc = await createTestDocument(app, {
      slug: 'days',
      title: 'Privacy',
      url: `${base}/days`,
      select: ['#doc'],
    });
    await check(doc.id);
    answer = PUBLIC;
    // the first switch cannot be told from a change: confirmed and announced
    expect((await check(doc.id)).confirm).toMatchObject({ outcome: 'unchanged' });
    expect(await announced(doc.id)).toBe(1);
    answer = MEMBERS;
    expect((await check(doc.id)).result.versionStatus).toBe('revert');
    for (const next of [PUBLIC, PUBLIC, MEMBERS, PUBLIC, MEMBERS, MEMBERS, PUBLIC]) {
      answer = next;
      expect((await check(doc.id)).result).toMatchObject({ outcome: 'unchanged' });
    }
    expect((await versionsOf(doc.id)).map((v) => v.status)).toEqual(['baseline', 'confirmed', 'revert']);
    expect(await announced(doc.id)).toBe(1);
    expect((await app.get(DocumentRepository).findById(doc.id))?.unstable).toBe(true);
  }, 30_000);
});
