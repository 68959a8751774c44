import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { type Env } from '@fineprint/config';

import { applyMigrationsToSchema } from '../apply-migrations';
import { parseDatabaseUrl } from '../prisma-client.factory';
import { PrismaService } from '../prisma.service';

/** For repository specs: a migrated schema of its own on the real PostgreSQL, and seed helpers. */
export interface RepositoryHarness {
  prisma: PrismaService;
  /** A vendor and an active document (unique slugs each call). */
  seedDocument(overrides?: {
    slug?: string;
    active?: boolean;
  }): Promise<{ vendorId: string; documentId: string }>;
  /** A stored version (and its snapshot) of a document. */
  seedVersion(
    documentId: string,
    seq: number,
    status: 'baseline' | 'pending' | 'confirmed' | 'transient' | 'revert' | 'quarantined' | 'released',
  ): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens a harness before the file's tests and closes it after; `t.repo` is the repository
 * under test, built on the harness's client.
 */
export function useRepository<R>(make: (prisma: PrismaService) => R): {
  harness: RepositoryHarness;
  repo: R;
} {
  const t = {} as { harness: RepositoryHarness; repo: R };
  beforeAll(async () => {
    t.harness = await openRepositoryHarness();
    t.repo = make(t.harness.prisma);
  });
  afterAll(() => t.harness?.close());
  return t;
}

/** A scope with no filter but a topic and a minimum severity. */
export const TEST_SCOPE = {
  vendorId: null,
  documentId: null,
  topic: 'retention',
  minSeverity: 'medium' as const,
  includeCosmetic: false,
};

// libs/testing depends on libs/db, so these specs make their schema here
export async function openRepositoryHarness(): Promise<RepositoryHarness> {
  const url = new URL(process.env['DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/test');
  const schema = `t_repo_${randomBytes(4).toString('hex')}`;
  url.searchParams.set('schema', schema);
  await applyMigrationsToSchema(url.toString());
  const prisma = new PrismaService({ DATABASE_URL: url.toString() } as Env);
  let n = 0;
  return {
    prisma,
    async seedDocument(overrides = {}) {
      n++;
      const vendor = await prisma.vendor.upsert({
        where: { slug: 'acme' },
        create: { slug: 'acme', name: 'Acme' },
        update: {},
      });
      const document = await prisma.document.create({
        data: {
          vendorId: vendor.id,
          slug: overrides.slug ?? `doc-${n}`,
          title: `Document ${n}`,
          url: `https://acme.example/${n}`,
          active: overrides.active ?? true,
        },
      });
      return { vendorId: vendor.id, documentId: document.id };
    },
    async seedVersion(documentId, seq, status) {
      const sha256 = randomBytes(32).toString('hex');
      const snapshot = await prisma.snapshot.create({
        data: {
          documentId,
          sha256,
          body: Buffer.from(`page ${seq}`),
          byteLength: 6,
          finalUrl: 'https://acme.example',
          fetchedWith: 'http',
        },
      });
      const version = await prisma.version.create({
        data: {
          documentId,
          seq,
          snapshotId: snapshot.id,
          text: `text ${seq}`,
          sha256,
          byteLength: 6,
          chainHash: sha256,
          status,
        },
      });
      return version.id;
    },
    async close() {
      await prisma.onModuleDestroy();
      const client = new Client({ connectionString: parseDatabaseUrl(url.toString()).connectionString });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}
