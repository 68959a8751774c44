import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { type INestApplicationContext } from '@nestjs/common';

import { decodeSnapshotBody, PrismaService } from '@fineprint/db';
import { splitCombined } from '@fineprint/scraper';
import {
  createTestContext,
  createTestDatabase,
  createTestDocument,
  type TestDatabase,
} from '@fineprint/testing';

import { DiffVersionService } from '../changes/diff-version.service';
import { PipelineModule } from '../pipeline.module';
import { CheckDocumentService } from './check-document.service';
import { SCRAPER, type ScraperPort } from './scraper.port';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

interface Served {
  path: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  status: number;
}

/**
 * A vendor site that honours conditional requests: each page has an ETag (a hash of its
 * bytes) or only a Last-Modified date, and every request is recorded with what it asked.
 */
async function startValidatingSite() {
  const pages = new Map<string, { body: string; etag: string | null; lastModified: string }>();
  const log: Served[] = [];
  let clock = Date.UTC(2026, 0, 1);
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const page = pages.get(path);
    const record = (status: number) =>
      log.push({
        path,
        ifNoneMatch: req.headers['if-none-match'] ?? null,
        ifModifiedSince: req.headers['if-modified-since'] ?? null,
        status,
      });
    if (!page) {
      record(404);
      return void res.writeHead(404).end();
    }
    const validators = { ...(page.etag ? { etag: page.etag } : {}), 'last-modified': page.lastModified };
    const ims = req.headers['if-modified-since'];
    const unchanged = page.etag
      ? req.headers['if-none-match'] === page.etag
      : typeof ims === 'string' && Date.parse(ims) >= Date.parse(page.lastModified);
    if (unchanged) {
      record(304);
      return void res.writeHead(304, validators).end();
    }
    record(200);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...validators }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    log,
    /** A page with an ETag, or (`etag: false`) with only a Last-Modified date. */
    setPage(path: string, body: string, options: { etag?: boolean } = {}) {
      clock += 60_000;
      const etag =
        options.etag === false ? null : `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      pages.set(path, { body, etag, lastModified: new Date(clock).toUTCString() });
    },
    requests: (path: string) => log.filter((r) => r.path === path),
    clear: () => void log.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const page = (title: string, extra = '') =>
  `<html><head><title>${title}</title></head><body><nav>Menu</nav><main id="doc"><h1>${title}</h1>${Array.from(
    { length: 12 },
    (_, i) => `<p>${title} section ${i} explains how we handle the information you give us.</p>`,
  ).join('')}${extra}</main><footer>Footer</footer></body></html>`;

describe('conditional requests for single and combined documents (a local site, PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let site: Awaited<ReturnType<typeof startValidatingSite>>;
  let app: INestApplicationContext;
  let prisma: PrismaService;
  let extractions: jest.SpyInstance;

  const check = async (documentId: string) => {
    site.clear();
    const result = await app.get(CheckDocumentService).check(documentId, { trigger: 'scheduled' });
    if (result.versionId) await app.get(DiffVersionService).diffVersion(result.versionId);
    return result;
  };
  const latestText = async (documentId: string) =>
    (await prisma.version.findFirstOrThrow({ where: { documentId }, orderBy: { seq: 'desc' } })).text;
  /** What each page was asked and answered during the last check. */
  const asked = (...paths: string[]) =>
    paths.map((path) =>
      site.requests(path).map((r) => ({
        conditional: Boolean(r.ifNoneMatch ?? r.ifModifiedSince),
        status: r.status,
      })),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    site = await startValidatingSite();
    app = await createTestContext(
      { DATABASE_URL: db.url, REDIS_URL, CONFIRM_DELAY_MS: '0', FAILING_AFTER: '2' },
      [PipelineModule],
    );
    prisma = app.get(PrismaService);
    extractions = jest.spyOn(app.get<ScraperPort>(SCRAPER), 'extract');
  });
  afterAll(async () => {
    extractions?.mockRestore();
    await app?.close();
    await site?.close();
    await db?.drop();
  });

  it('reference: a single page sends If-None-Match and a 304 is "not modified", without extraction', async () => {
    site.setPage('/single', page('Single'));
    const doc = await createTestDocument(app, { slug: 'single', title: 'Single', url: `${site.url}/single` });
    expect((await check(doc.id)).outcome).toBe('new_version');
    extractions.mockClear();
    expect((await check(doc.id)).outcome).toBe('not_modified');
    expect(asked('/single')).toEqual([[{ conditional: true, status: 304 }]]);
    expect(extractions).not.toHaveBeenCalled();
  }, 30_000);

  it('a combined document asks each page conditionally; all 304 is "not modified"; one change refetches only that page', async () => {
    site.setPage('/c/one', page('One'));
    site.setPage('/c/two', page('Two'));
    site.setPage('/c/three', page('Three'), { etag: false }); // Last-Modified only
    const pages = ['/c/one', '/c/two', '/c/three'];
    const doc = await createTestDocument(app, {
      slug: 'combined',
      title: 'Combined',
      url: `${site.url}/c/one`,
      sources: pages.map((path) => ({
        url: `${site.url}${path}`,
        select: ['#doc'],
        remove: [],
        fetchMode: 'http',
        filters: [],
      })),
    });

    expect(await check(doc.id)).toMatchObject({ outcome: 'new_version', versionStatus: 'baseline' });
    expect(asked(...pages)).toEqual(pages.map(() => [{ conditional: false, status: 200 }]));
    const [first] = await prisma.snapshot.findMany({ where: { documentId: doc.id } });
    expect((first?.headers as { sources: unknown[] }).sources).toEqual([
      { url: `${site.url}/c/one`, etag: expect.any(String), lastModified: expect.any(String) },
      { url: `${site.url}/c/two`, etag: expect.any(String), lastModified: expect.any(String) },
      { url: `${site.url}/c/three`, lastModified: expect.any(String) },
    ]);

    // nothing changed: one conditional request per page, each a 304; no extraction, nothing stored
    extractions.mockClear();
    expect((await check(doc.id)).outcome).toBe('not_modified');
    expect(asked(...pages)).toEqual(pages.map(() => [{ conditional: true, status: 304 }]));
    expect(site.requests('/c/one')[0]?.ifNoneMatch).toMatch(/^"/);
    expect(site.requests('/c/three')[0]).toMatchObject({
      ifNoneMatch: null,
      ifModifiedSince: expect.any(String),
    });
    expect(extractions).not.toHaveBeenCalled();
    expect(await prisma.snapshot.count({ where: { documentId: doc.id } })).toBe(1);
    expect(await prisma.version.count({ where: { documentId: doc.id } })).toBe(1);

    // the second page changes: it alone comes in full; the others are rebuilt from the stored bytes
    site.setPage('/c/two', page('Two', '<p>Refunds are no longer available.</p>'));
    expect((await check(doc.id)).outcome).toBe('new_version');
    expect(asked(...pages)).toEqual([
      [{ conditional: true, status: 304 }],
      [{ conditional: true, status: 200 }],
      [{ conditional: true, status: 304 }],
    ]);
    const text = await latestText(doc.id);
    expect(text).toContain('Refunds are no longer available.');
    expect(text.indexOf('One section 11')).toBeLessThan(text.indexOf('Two section 0'));
    expect(text.indexOf('Two section 11')).toBeLessThan(text.indexOf('Three section 0'));
    const newest = await prisma.snapshot.findFirstOrThrow({
      where: { documentId: doc.id },
      orderBy: { lastSeenAt: 'desc' },
    });
    const parts = splitCombined(decodeSnapshotBody(newest));
    expect(parts.map((p) => p.body.toString('utf8'))).toEqual([
      page('One'),
      page('Two', '<p>Refunds are no longer available.</p>'),
      page('Three'),
    ]);
    // the rebuilt snapshot is what a full fetch of the same pages gives, byte for byte
    expect(parts.map((p) => p.part.url)).toEqual(pages.map((path) => `${site.url}${path}`));

    // and the changed page's new validators are the ones asked next
    expect((await check(doc.id)).outcome).toBe('not_modified');
    expect(asked(...pages)).toEqual(pages.map(() => [{ conditional: true, status: 304 }]));
  }, 60_000);

  it('after a change of declaration every page comes in full, so the new selectors apply at once; then conditional again', async () => {
    site.setPage('/d/one', page('DeclOne', '<aside class="promo">Try premium!</aside>'));
    site.setPage('/d/two', page('DeclTwo'));
    const source = (path: string, remove: string[] = []) => ({
      url: `${site.url}${path}`,
      select: ['#doc'],
      remove,
      fetchMode: 'http',
      filters: [],
    });
    const doc = await createTestDocument(app, {
      slug: 'declared',
      title: 'Declared',
      url: `${site.url}/d/one`,
      sources: [source('/d/one'), source('/d/two')],
    });
    await check(doc.id);
    expect(await latestText(doc.id)).toContain('Try premium!');

    await prisma.document.update({
      where: { id: doc.id },
      data: { sources: [source('/d/one', ['.promo']), source('/d/two')] },
    });
    const rechecked = await check(doc.id);
    expect(rechecked.outcome).not.toBe('not_modified');
    expect(asked('/d/one', '/d/two')).toEqual([
      [{ conditional: false, status: 200 }],
      [{ conditional: false, status: 200 }],
    ]);
    expect(await latestText(doc.id)).not.toContain('Try premium!');
    // our change of declaration is a new baseline, never announced as the vendor's
    expect(await prisma.change.count({ where: { documentId: doc.id, state: 'announced' } })).toBe(0);

    expect((await check(doc.id)).outcome).toBe('not_modified');
    expect(asked('/d/one', '/d/two')).toEqual([
      [{ conditional: true, status: 304 }],
      [{ conditional: true, status: 304 }],
    ]);
  }, 60_000);

  it('a single page’s new selectors apply at the next check too, not after the vendor’s next edit', async () => {
    site.setPage('/s/page', page('Plain', '<aside class="promo">Try premium!</aside>'));
    const doc = await createTestDocument(app, {
      slug: 'plain',
      title: 'Plain',
      url: `${site.url}/s/page`,
      select: ['#doc'],
    });
    await check(doc.id);
    expect(await latestText(doc.id)).toContain('Try premium!');
    await prisma.document.update({ where: { id: doc.id }, data: { remove: ['.promo'] } });
    expect((await check(doc.id)).outcome).not.toBe('not_modified');
    expect(await latestText(doc.id)).not.toContain('Try premium!');
    expect((await check(doc.id)).outcome).toBe('not_modified');
  }, 60_000);
});
