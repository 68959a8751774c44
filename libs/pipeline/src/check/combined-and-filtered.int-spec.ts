import { type INestApplicationContext } from '@nestjs/common';

import { decodeSnapshotBody, PrismaService } from '@fineprint/db';
import { COMBINED_CONTENT_TYPE, splitCombined } from '@fineprint/scraper';
import {
  createTestContext,
  createTestDatabase,
  type FixtureSite,
  startFixtureSite,
  type TestDatabase,
  createTestDocument,
} from '@fineprint/testing';

import { DiffVersionService } from '../changes/diff-version.service';
import { PipelineModule } from '../pipeline.module';
import { CheckDocumentService } from './check-document.service';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const page = (title: string, paragraphs: string[], extra = '') =>
  `<html><head><title>${title}</title></head><body><nav>Menu</nav><main id="doc"><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}${extra}</main><footer>${Date.now()}</footer></body></html>`;
const lines = (topic: string) =>
  Array.from(
    { length: 15 },
    (_, i) => `${topic} section ${i} explains how we handle the information you give us.`,
  );

describe('combined documents and named filters through a check (PostgreSQL, Redis, a local site)', () => {
  let db: TestDatabase;
  let site: FixtureSite;
  let app: INestApplicationContext;
  let prisma: PrismaService;

  const check = async (documentId: string) => {
    const result = await app.get(CheckDocumentService).check(documentId, { trigger: 'scheduled' });
    if (result.versionId) await app.get(DiffVersionService).diffVersion(result.versionId);
    return result;
  };
  const newDocument = async (slug: string, extra: Record<string, unknown>) => {
    return createTestDocument(app, {
      slug,
      title: `Acme ${slug}`,
      type: 'terms',
      url: `${site.url}/${slug}`,
      select: ['#doc'],
      source: 'ota:Acme.json',
      ...extra,
    });
  };
  const latestText = async (documentId: string) =>
    (await prisma.version.findFirstOrThrow({ where: { documentId }, orderBy: { seq: 'desc' } })).text;

  beforeAll(async () => {
    db = await createTestDatabase();
    site = await startFixtureSite();
    app = await createTestContext(
      { DATABASE_URL: db.url, REDIS_URL, CONFIRM_DELAY_MS: '0', FAILING_AFTER: '2' },
      [PipelineModule],
    );
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app?.close();
    await site?.close();
    await db?.drop();
  });

  it('a combined document is one text and one version from its pages in order; a change of any page is its change', async () => {
    site.setPage('/terms/general', page('General terms', lines('General')));
    site.setPage('/terms/refunds', page('Refund terms', lines('Refund')));
    const doc = await newDocument('terms', {
      url: `${site.url}/terms/general`,
      sources: [
        { url: `${site.url}/terms/general`, select: ['#doc'], remove: [], fetchMode: 'http', filters: [] },
        {
          url: `${site.url}/terms/refunds`,
          // a range (stored as its JSON): from after the heading to before the footer
          select: ['{"startAfter":"h1","endBefore":"footer"}'],
          remove: [],
          fetchMode: 'http',
          filters: [],
        },
      ],
    });

    expect(await check(doc.id)).toMatchObject({ outcome: 'new_version', versionStatus: 'baseline' });
    const text = await latestText(doc.id);
    expect(text.indexOf('# General terms')).toBe(0);
    expect(text.indexOf('General section 14')).toBeLessThan(text.indexOf('Refund section 0'));
    expect(text).not.toContain('Refund terms'); // the second source's own range starts after its heading
    expect(text).not.toContain('Menu');

    // one snapshot holding each page's own bytes
    const [snapshot] = await prisma.snapshot.findMany({ where: { documentId: doc.id } });
    expect(snapshot?.contentType).toBe(COMBINED_CONTENT_TYPE);
    const parts = splitCombined(decodeSnapshotBody(snapshot as NonNullable<typeof snapshot>));
    expect(parts.map((p) => p.part.url)).toEqual([`${site.url}/terms/general`, `${site.url}/terms/refunds`]);
    expect(parts[1]?.body.toString('utf8')).toContain('Refund section 3');

    expect((await check(doc.id)).outcome).toBe('unchanged');
    expect(await prisma.version.count({ where: { documentId: doc.id } })).toBe(1);

    site.setPage(
      '/terms/refunds',
      page('Refund terms', [...lines('Refund'), 'Refunds are no longer available.']),
    );
    const changed = await check(doc.id);
    expect(changed).toMatchObject({ outcome: 'new_version' });
    expect(await latestText(doc.id)).toContain('Refunds are no longer available.');
    const change = await prisma.change.findUniqueOrThrow({ where: { toVersionId: changed.versionId ?? '' } });
    expect(change.diff).toBeDefined();
    expect(await prisma.snapshot.count({ where: { documentId: doc.id } })).toBe(2);
  }, 60_000);

  it("runs built-in filters always, and the collection's own only once opted in, without announcing the switch", async () => {
    site.setPage(
      '/privacy',
      page(
        'Privacy',
        lines('Privacy'),
        '<p class="promo">Try our premium plan today!</p><p><a href="/contact?sid=81723&amp;lang=en">Contact</a></p>',
      ),
    );
    const doc = await newDocument('privacy', {
      filters: ['removePromo', { removeQueryParams: ['sid'] }],
      filterCode: {
        entry: 'Acme.filters.js',
        modules: {
          'Acme.filters.js':
            "export function removePromo(document) { document.querySelectorAll('.promo').forEach((el) => el.remove()); }",
        },
      },
      filtersApproved: false,
    });

    expect(await check(doc.id)).toMatchObject({ outcome: 'new_version', versionStatus: 'baseline' });
    const pending = await latestText(doc.id);
    expect(pending).toContain('Try our premium plan'); // not opted in: the collection's code did not run
    expect(pending).toContain('/contact?lang=en'); // the built-in filter did
    expect(pending).not.toContain('sid=');

    await prisma.document.update({ where: { id: doc.id }, data: { filtersApproved: true } });
    const result = await check(doc.id);
    expect(result.outcome).not.toBe('failed');
    expect(await latestText(doc.id)).not.toContain('Try our premium plan');
    // the narrower text is our change of declaration, never announced as the vendor's
    expect(await prisma.change.count({ where: { documentId: doc.id, state: 'announced' } })).toBe(0);
  }, 60_000);

  it('a filter that fails makes the check fail with a clear error, never a version', async () => {
    site.setPage('/broken', page('Broken', lines('Broken')));
    const doc = await newDocument('broken', {
      filters: ['spin'],
      filterCode: {
        entry: 'Acme.filters.js',
        modules: { 'Acme.filters.js': 'export function spin() { throw new Error("no heading here"); }' },
      },
      filtersApproved: true,
    });
    await expect(check(doc.id)).rejects.toMatchObject({ code: 'FILTER_FAILED' });
    const run = await prisma.checkRun.findFirstOrThrow({ where: { documentId: doc.id } });
    expect(run).toMatchObject({ outcome: 'failed', errorKind: 'declaration', errorCode: 'FILTER_FAILED' });
    expect(run.errorMessage).toMatch(/"spin" failed: no heading here/);
    expect(await prisma.version.count({ where: { documentId: doc.id } })).toBe(0);
  }, 60_000);
});
