import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { applyMigrationsToSchema } from './apply-migrations';
import { type Env } from '@fineprint/config';

import { createPrismaClient, parseDatabaseUrl } from './prisma-client.factory';
import { PrismaService } from './prisma.service';
import { CheckRunRepository } from './repositories/check-run.repository';
import {
  type ContentDecision,
  type VersionHistory,
  VersionRepository,
} from './repositories/version.repository';

// libs/testing depends on this library, so this test makes its schema by hand
async function createTestDatabase() {
  const url = new URL(process.env['DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/test');
  const schema = `t_db_${randomBytes(4).toString('hex')}`;
  url.searchParams.set('schema', schema);
  await applyMigrationsToSchema(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: parseDatabaseUrl(url.toString()).connectionString });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

describe('database schema (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('applies the migrations into an isolated schema and enforces one snapshot per content hash', async () => {
    const prisma = createPrismaClient(db.url);
    try {
      const vendor = await prisma.vendor.create({ data: { slug: 'amazon', name: 'Amazon' } });
      const document = await prisma.document.create({
        data: { vendorId: vendor.id, slug: 'privacy', title: 'Privacy Notice', url: 'https://example.com/p' },
      });
      const snapshot = {
        documentId: document.id,
        sha256: 'a'.repeat(64),
        body: Buffer.from('x'),
        byteLength: 1,
        finalUrl: document.url,
        fetchedWith: 'http' as const,
      };
      await prisma.snapshot.create({ data: snapshot });
      await expect(prisma.snapshot.create({ data: snapshot })).rejects.toMatchObject({ code: 'P2002' });
      expect(await prisma.document.count()).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('opens at most DATABASE_POOL_SIZE connections per process', async () => {
    const prisma = new PrismaService({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: 2 } as Env);
    try {
      expect(prisma.pool.options.max).toBe(2);
      // four queries at once: two run, two wait for a connection
      const running = Array.from({ length: 4 }, () => prisma.pool.query('SELECT pg_sleep(0.2)'));
      await new Promise((r) => setTimeout(r, 100));
      expect(prisma.pool.totalCount).toBe(2);
      expect(prisma.pool.waitingCount).toBe(2);
      await Promise.all(running);
    } finally {
      await prisma.onModuleDestroy();
    }
  });

  it('batches concurrent quiet checks: one run per job attempt, every document stamped, contexts per id', async () => {
    const prisma = new PrismaService({ DATABASE_URL: db.url } as Env);
    const repository = new CheckRunRepository(prisma);
    try {
      const vendor = await prisma.vendor.create({ data: { slug: 'batch', name: 'Batch' } });
      await prisma.document.createMany({
        data: Array.from({ length: 40 }, (_, i) => ({
          vendorId: vendor.id,
          slug: `d${i}`,
          title: `D${i}`,
          url: `https://example.com/${i}`,
          select: ['main', `#d${i}`],
          consecutiveFailures: 2,
          status: 'failing' as const,
        })),
      });
      const documents = await prisma.document.findMany({
        where: { vendorId: vendor.id },
        orderBy: { slug: 'asc' },
      });
      const missing = '00000000-0000-4000-8000-000000000000';

      const contexts = await Promise.all(
        [...documents.map((d) => d.id), missing].map((id) => repository.loadContext(id)),
      );
      expect(contexts.at(-1)).toBeNull();
      contexts.slice(0, -1).forEach((c, i) => {
        expect(c?.document.id).toBe(documents[i]?.id);
        expect(c?.document.select).toEqual(['main', `#d${documents[i]?.slug.slice(1)}`]);
        expect(c?.document.createdAt).toBeInstanceOf(Date);
        expect(c?.tip).toEqual({ snapshot: null, version: null });
      });

      const at = new Date('2026-11-25T10:00:00.000Z');
      const run = (documentId: string, jobId: string) => ({
        documentId,
        jobId,
        attempt: 1,
        trigger: 'scheduled' as const,
        outcome: 'unchanged' as const,
        httpStatus: 200,
        fetchedWith: 'http' as const,
        snapshotId: null,
        versionId: null,
        startedAt: at,
        durationMs: 12,
        at,
      });
      // every document twice under the same job id (a replayed attempt), concurrently
      await Promise.all(
        [...documents, ...documents].map((d) => repository.recordSuccess(run(d.id, `job-${d.slug}`))),
      );
      expect(await prisma.checkRun.count({ where: { document: { vendorId: vendor.id } } })).toBe(40);
      const stamped = await prisma.document.findMany({
        where: { lastCheckedAt: at, status: 'ok', consecutiveFailures: 0 },
      });
      expect(stamped).toHaveLength(40);

      // a bad item (unknown document: foreign key) fails alone; its neighbours are written
      const results = await Promise.allSettled([
        repository.recordSuccess(run(missing, 'job-missing')),
        repository.recordSuccess(run(documents[0]?.id as string, 'job-next')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
      expect(await prisma.checkRun.count({ where: { jobId: 'job-next' } })).toBe(1);
    } finally {
      await prisma.onModuleDestroy();
    }
  });

  it('stores new content in one serialised transaction: concurrent texts chain in order, a failure leaves nothing, reverts find their bytes', async () => {
    const prisma = new PrismaService({ DATABASE_URL: db.url } as Env);
    const versions = new VersionRepository(prisma);
    try {
      const vendor = await prisma.vendor.create({ data: { slug: 'content', name: 'Content' } });
      const document = await prisma.document.create({
        data: { vendorId: vendor.id, slug: 'c', title: 'C', url: 'https://example.com/c' },
      });
      let encoded = 0;
      const record = (text: string, bytes: string, decide?: (h: VersionHistory) => ContentDecision) =>
        versions.recordContent({
          documentId: document.id,
          text,
          textSha256: `t-${text}`,
          extractionKey: 'k',
          at: new Date(),
          snapshot: {
            sha256: `s-${bytes}`,
            encode: () => {
              encoded++;
              return { body: Buffer.from(bytes), compression: 'none' };
            },
            byteLength: bytes.length,
            contentType: 'text/html',
            charset: 'utf-8',
            httpStatus: 200,
            headers: { etag: `"${bytes}"` },
            finalUrl: document.url,
            fetchedWith: 'http',
          },
          // a new text is a version, a text the latest already has is nothing new
          decide:
            decide ??
            ((h) =>
              h.latest?.sha256 === `t-${text}`
                ? { action: 'unchanged' }
                : { action: 'record', status: h.latest ? 'confirmed' : 'baseline', reason: null }),
        });

      // ten different texts at once: the row lock serialises them into seq 1..10, one chain
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => record(`text ${i}`, `page ${i}`)),
      );
      expect(results.map((r) => r.version?.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 10 }, (_, i) => i + 1),
      );
      expect(results.filter((r) => r.version?.status === 'baseline')).toHaveLength(1);
      expect(await versions.verifyChain(document.id)).toBeNull();
      expect(encoded).toBe(10);

      // the same text twice at once: the second sees the first's commit and adds nothing
      const twice = await Promise.all([record('same', 'same page'), record('same', 'same page')]);
      expect(twice.filter((r) => r.version)).toHaveLength(1);
      expect(twice.filter((r) => r.snapshotCreated)).toHaveLength(1);
      expect(await prisma.version.count({ where: { documentId: document.id } })).toBe(11);

      // a decision that throws rolls everything back, and the pool still works after it
      await expect(
        record('doomed', 'doomed page', () => {
          throw new Error('decide failed');
        }),
      ).rejects.toThrow('decide failed');
      expect(await prisma.snapshot.count({ where: { sha256: 's-doomed page' } })).toBe(0);

      // bytes seen before come back: no new snapshot, no re-encoding, and they are the newest again
      const before = encoded;
      const back = await record('text 0', 'page 0');
      expect(back.snapshotCreated).toBe(false);
      expect(encoded).toBe(before);
      expect(back.version).toMatchObject({ seq: 12, status: 'confirmed' });
      const [context] = await Promise.all([new CheckRunRepository(prisma).loadContext(document.id)]);
      expect(context?.tip.snapshot?.sha256).toBe('s-page 0');
      expect(context?.tip.version?.id).toBe(back.version?.id);
      expect(await versions.verifyChain(document.id)).toBeNull();
    } finally {
      await prisma.onModuleDestroy();
    }
  });
});
