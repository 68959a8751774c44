import { randomUUID } from 'node:crypto';

import { type PrismaService, scopeKey } from '@fineprint/db';
import { analyzeChange } from '@fineprint/diff';

type Prisma = Pick<PrismaService, 'vendor' | 'document' | 'snapshot' | 'version' | 'change'>;

const BEFORE = `# Alexa Privacy Settings

## Do Not Send Voice Recordings

On supported Echo devices you can choose to have your voice requests processed locally. When you turn on Do Not Send Voice Recordings, the audio of your Alexa requests is not sent to Amazon's cloud.`;
const AFTER = `# Alexa Privacy Settings

## How your voice requests are processed

Your voice requests are sent to and processed in the secure Amazon cloud.`;

/**
 * A vendor, a document with two versions and the announced change between them (the
 * Alexa story), written straight to the database for notification and API tests.
 */
export async function seedChange(
  prisma: Prisma,
  options: { vendorSlug?: string; before?: string; after?: string; title?: string } = {},
) {
  const slug = options.vendorSlug ?? 'amazon';
  const vendor = await prisma.vendor.upsert({
    where: { slug },
    create: { slug, name: slug === 'amazon' ? 'Amazon' : slug },
    update: {},
  });
  const title = options.title ?? 'Alexa Privacy Settings';
  const document = await prisma.document.create({
    data: {
      vendorId: vendor.id,
      slug: `doc-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      title,
      url: 'https://www.amazon.com/alexa-privacy',
      type: 'help_article',
    },
  });
  const snapshot = await prisma.snapshot.create({
    data: {
      documentId: document.id,
      sha256: `s-${document.id}`,
      body: new Uint8Array(Buffer.from('x')),
      byteLength: 1,
      finalUrl: document.url,
      fetchedWith: 'http',
    },
  });
  const before = options.before ?? BEFORE;
  const after = options.after ?? AFTER;
  const v1 = await prisma.version.create({
    data: {
      documentId: document.id,
      seq: 1,
      snapshotId: snapshot.id,
      text: before,
      sha256: 'a',
      byteLength: before.length,
      chainHash: 'c1',
      status: 'baseline',
    },
  });
  const v2 = await prisma.version.create({
    data: {
      documentId: document.id,
      seq: 2,
      snapshotId: snapshot.id,
      text: after,
      sha256: 'b',
      byteLength: after.length,
      chainHash: 'c2',
      previousChainHash: 'c1',
      status: 'confirmed',
    },
  });
  const analysis = analyzeChange(before, after, { title });
  const change = await prisma.change.create({
    data: {
      documentId: document.id,
      fromVersionId: v1.id,
      toVersionId: v2.id,
      severity: analysis.classification.severity,
      severityRule: analysis.classification.severityRule,
      cosmetic: analysis.classification.cosmetic,
      tags: JSON.parse(JSON.stringify(analysis.classification.tags)),
      topics: analysis.classification.topics,
      kinds: analysis.classification.kinds,
      summary: analysis.summary,
      stats: JSON.parse(JSON.stringify(analysis.diff.stats)),
      diff: JSON.parse(JSON.stringify(analysis.diff)),
      state: 'announced',
      announcedAt: new Date(),
    },
  });
  return { vendor, document, change, versions: [v1, v2] };
}

/** Rows per insert of the seed helpers below (well under PostgreSQL's 65,535 parameters). */
const SEED_CHUNK = 2000;

/** `count` confirmed subscribers to everything (addresses `<prefix><i>@example.com`), in inserts of SEED_CHUNK rows. */
export async function seedSubscribers(
  prisma: Pick<PrismaService, 'subscription'>,
  count: number,
  prefix = 'reader',
): Promise<void> {
  const scope = {
    vendorId: null,
    documentId: null,
    topic: null,
    minSeverity: 'low' as const,
    includeCosmetic: false,
  };
  const key = scopeKey(scope);
  // in chunks, one after the other: a createMany too big for one statement makes Prisma
  // send its chunks concurrently on one transaction's connection (a pg deprecation warning)
  for (let start = 0; start < count; start += SEED_CHUNK)
    await prisma.subscription.createMany({
      data: Array.from({ length: Math.min(SEED_CHUNK, count - start) }, (_, j) => {
        const i = start + j;
        return {
          id: randomUUID(),
          email: `${prefix}${i}@example.com`,
          ...scope,
          scopeKey: key,
          confirmed: true,
          unsubscribeTokenHash: `${prefix}-${i}-${randomUUID()}`,
        };
      }),
    });
}

/** `count` active endpoints for everything at `<baseUrl>/e<i>`, sharing one secret, in inserts of SEED_CHUNK rows. */
export async function seedEndpoints(
  prisma: Pick<PrismaService, 'webhookEndpoint'>,
  count: number,
  baseUrl: string,
  secret: string,
): Promise<void> {
  for (let start = 0; start < count; start += SEED_CHUNK)
    await prisma.webhookEndpoint.createMany({
      data: Array.from({ length: Math.min(SEED_CHUNK, count - start) }, (_, j) => ({
        url: `${baseUrl}/e${start + j}`,
        secret,
      })),
    });
}
