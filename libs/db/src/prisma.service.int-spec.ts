import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { applyMigrationsToSchema } from './apply-migrations';
import { createPrismaClient, parseDatabaseUrl } from './prisma-client.factory';

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
});
