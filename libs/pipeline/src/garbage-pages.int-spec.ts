import { type INestApplicationContext } from '@nestjs/common';
import iconv from 'iconv-lite';

import { PrismaService } from '@fineprint/db';
import {
  createTestContext,
  createTestDatabase,
  type FixtureSite,
  startFixtureSite,
  type TestDatabase,
  createTestDocument,
} from '@fineprint/testing';

import { DiffVersionService } from './changes/diff-version.service';
import { CheckDocumentService } from './check/check-document.service';
import { PipelineModule } from './pipeline.module';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const JAPANESE = Array.from(
  { length: 12 },
  (_, i) =>
    `第${i + 1}条　当社は、お客様の個人情報を適切に管理し、法令に基づく場合を除き、お客様の同意なく第三者に提供しません。`,
);
const page = (paragraphs: string[], lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Notice</title></head><body><main id="doc"><h1>Notice</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main></body></html>`;
const ENGLISH = Array.from(
  { length: 30 },
  (_, i) => `Section ${i} explains how we use and protect the information you give us.`,
);
/** A PNG: its signature, an IHDR chunk header, then bytes that look compressed. */
const png = () => {
  const bytes = Buffer.alloc(6000);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(
    bytes,
  );
  let x = 5;
  for (let i = 16; i < bytes.length; i++) bytes[i] = x = (x * 1103515245 + 12345) & 0xff;
  return bytes;
};

describe('garbage pages never become a version or a change', () => {
  let db: TestDatabase;
  let site: FixtureSite;
  let app: INestApplicationContext;
  let checks: CheckDocumentService;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    site = await startFixtureSite();
    app = await createTestContext(
      { DATABASE_URL: db.url, REDIS_URL, CONFIRM_DELAY_MS: '0', FAILING_AFTER: '5' },
      [PipelineModule],
    );
    checks = app.get(CheckDocumentService);
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app?.close();
    await site.close();
    await db.drop();
  });

  const newDocument = async (path: string, language: string, fetchMode: 'http' | 'browser' = 'http') => {
    return createTestDocument(app, {
      slug: path.replace(/\W/g, ''),
      title: 'Acme Notice',
      url: `${site.url}${path}`,
      select: fetchMode === 'browser' ? [] : ['#doc'],
      fetchMode,
      language,
    });
  };
  const check = async (documentId: string) => {
    const result = await checks.check(documentId, { trigger: 'manual' });
    if (result.versionId) await app.get(DiffVersionService).diffVersion(result.versionId);
    return result;
  };
  const counts = async (documentId: string) => ({
    versions: await prisma.version.count({ where: { documentId } }),
    changes: await prisma.change.count({ where: { documentId } }),
  });
  const lastRun = (documentId: string) =>
    prisma.checkRun.findFirstOrThrow({ where: { documentId }, orderBy: { startedAt: 'desc' } });

  it('a PNG or a page of U+FFFD served as text/html is a failed check with its error code', async () => {
    site.setPage('/png', page(ENGLISH));
    const doc = await newDocument('/png', 'en');
    expect(await check(doc.id)).toMatchObject({ outcome: 'new_version', versionStatus: 'baseline' });
    const before = await counts(doc.id);

    site.setPage('/png', png(), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    await expect(check(doc.id)).rejects.toMatchObject({ kind: 'permanent', code: 'BINARY_CONTENT' });
    expect(await lastRun(doc.id)).toMatchObject({
      outcome: 'failed',
      errorKind: 'permanent',
      errorCode: 'BINARY_CONTENT',
    });
    expect(await counts(doc.id)).toEqual(before);

    site.setPage('/png', page([...ENGLISH.slice(0, 3), '\uFFFD'.repeat(400)]));
    await expect(check(doc.id)).rejects.toMatchObject({ kind: 'permanent', code: 'GARBLED_TEXT' });
    expect((await lastRun(doc.id)).errorCode).toBe('GARBLED_TEXT');
    expect(await counts(doc.id)).toEqual(before);

    // the real page again: nothing happened in between
    site.setPage('/png', page(ENGLISH));
    expect((await check(doc.id)).outcome).toBe('unchanged');
    expect(await counts(doc.id)).toEqual(before);
  }, 30_000);

  it('Shift_JIS served as UTF-8 is read as Shift_JIS: the same text, no change', async () => {
    site.setPage('/ja', page(JAPANESE, 'ja'));
    const doc = await newDocument('/ja', 'ja');
    expect(await check(doc.id)).toMatchObject({ outcome: 'new_version', versionStatus: 'baseline' });
    const before = await counts(doc.id);

    site.setPage('/ja', iconv.encode(page(JAPANESE, 'ja'), 'shift_jis'), {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    expect((await check(doc.id)).outcome).toBe('unchanged');
    expect(await counts(doc.id)).toEqual(before);
    const version = await prisma.version.findFirstOrThrow({ where: { documentId: doc.id } });
    expect(version.text).toContain(JAPANESE[0]);
  }, 30_000);

  it('in browser mode too, a PNG served as text/html never becomes a version', async () => {
    site.setPage('/shown', page(ENGLISH));
    const doc = await newDocument('/shown', 'en', 'browser');
    expect(await check(doc.id)).toMatchObject({ outcome: 'new_version', versionStatus: 'baseline' });
    const before = await counts(doc.id);
    site.setPage('/shown', png(), { headers: { 'content-type': 'text/html' } });
    const error = (await check(doc.id).catch((e: unknown) => e)) as { kind?: string; code?: string };
    expect(error.kind).toBe('permanent');
    expect(['BINARY_CONTENT', 'GARBLED_TEXT']).toContain(error.code); // as Chromium rendered it
    expect(await counts(doc.id)).toEqual(before);
  }, 60_000);
});
