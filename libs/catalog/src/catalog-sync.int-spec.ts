import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { type INestApplicationContext } from '@nestjs/common';

import { PrismaService } from '@fineprint/db';
import { createTestContext, createTestDatabase, type TestDatabase } from '@fineprint/testing';

import { CatalogModule } from './catalog.module';
import { CatalogSyncService } from './catalog-sync.service';
import { importOtaFolder } from './import-ota';

const OTA_MAIN = resolve(__dirname, '../../../../shared/ota-declarations/declarations');

(existsSync(OTA_MAIN) ? describe : describe.skip)('importing an OTA collection into PostgreSQL', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestContext({ DATABASE_URL: db.url }, [CatalogModule]);
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('stores all 816 documents with their ranges, combined pages and filters; the opt-in is per import', async () => {
    const imported = await importOtaFolder(OTA_MAIN);
    const report = await app.get(CatalogSyncService).sync(imported.files, 'ota');
    expect(report.upserted).toHaveLength(816);
    expect(await prisma.document.count({ where: { source: { startsWith: 'ota:' } } })).toBe(816);

    // every selector comes back from the database as stored (a range as its JSON: decodeSelector reads it)
    const rows = await prisma.document.findMany({ include: { vendor: true } });
    const byKey = new Map(rows.map((r) => [`${r.vendor.slug}/${r.slug}`, r]));
    let ranges = 0;
    for (const { content } of imported.files)
      for (const doc of content.documents) {
        const row = byKey.get(`${content.vendor.slug}/${doc.slug}`);
        expect(row?.select).toEqual(doc.select);
        expect(row?.remove).toEqual(doc.remove);
        ranges += row?.select.filter((s) => s.startsWith('{')).length ?? 0;
      }
    expect(ranges).toBeGreaterThan(0);

    const substack = byKey.get('substack/terms-of-service');
    expect(substack?.sources).toEqual([
      expect.objectContaining({
        url: 'https://substack.com/tos',
        select: ['{"startBefore":"h1","endBefore":".footer-wrap"}'],
      }),
      expect.objectContaining({ url: 'https://substack.com/chatbot-tos' }),
    ]);
    expect(rows.filter((r) => r.sources !== null)).toHaveLength(12);
    expect(rows.filter((r) => r.filterCode !== null)).toHaveLength(39);
    expect(await prisma.document.count({ where: { filtersApproved: true } })).toBe(0);
    expect(byKey.get('gitlab/privacy-policy')?.filters).toEqual([
      { removeCloudflareEmailProtection: 'DPO@gitlab.com' },
    ]);

    // the operator opts in for this collection: the same documents, now allowed to run their filters
    const optedIn = await importOtaFolder(OTA_MAIN, { runFilters: true });
    const again = await app.get(CatalogSyncService).sync(optedIn.files, 'ota', { runFilters: true });
    expect(new Set(again.upserted)).toEqual(new Set(report.upserted));
    expect(await prisma.document.count({ where: { filtersApproved: true } })).toBe(39);
    const facebook = await prisma.document.findFirstOrThrow({
      where: { vendor: { slug: 'facebook' }, slug: 'privacy-policy' },
    });
    expect((facebook.filterCode as { entry: string }).entry).toBe('Facebook.filters.js');
  }, 120_000);
});
