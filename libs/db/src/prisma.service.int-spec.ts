import { createTestDatabase, type TestDatabase } from '@fineprint/testing';

import { createPrismaClient } from './prisma-client.factory';

describe('database schema (real PostgreSQL)', () => {
  let db: TestDatabase;
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
});
