import { type INestApplicationContext } from '@nestjs/common';

import { PrismaService } from '@fineprint/db';
import {
  createTestContext,
  createTestDatabase,
  type FixtureSite,
  startFixtureSite,
  type TestDatabase,
  createTestDocument,
} from '@fineprint/testing';

import { CheckDocumentService } from './check/check-document.service';
import { PipelineModule } from './pipeline.module';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('a host that answers 429 with Retry-After (real PostgreSQL, Redis, local site)', () => {
  let db: TestDatabase;
  let site: FixtureSite;
  let app: INestApplicationContext;
  let other: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    site = await startFixtureSite();
    // two "workers" sharing one Redis (one queue prefix): the hold is shared through it
    const env = { DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: `ra-${process.pid}-${Date.now()}` };
    app = await createTestContext(env, [PipelineModule]);
    other = await createTestContext(env, [PipelineModule]);
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
    await site.close();
    await db.drop();
  });

  const newDocument = async (path: string) => {
    return createTestDocument(app, {
      vendor: { slug: 'busy', name: 'Busy' },
      slug: path.replace(/\W/g, ''),
      title: 'Busy Terms',
      type: 'terms',
      url: `${site.url}${path}`,
      fetchMode: 'auto',
    });
  };

  it('records a transient failure with the retry time, and no worker asks the host again before it', async () => {
    site.setPage('/terms', 'Too many requests', { status: 429, headers: { 'retry-after': '3600' } });
    site.setPage('/privacy', '<main><p>Our privacy notice.</p></main>');
    const terms = await newDocument('/terms');
    const privacy = await newDocument('/privacy');
    const before = Date.now();

    await expect(app.get(CheckDocumentService).check(terms.id, { trigger: 'manual' })).rejects.toMatchObject({
      kind: 'transient',
      code: 'RATE_LIMITED',
    });
    const prisma = app.get(PrismaService);
    const run = await prisma.checkRun.findFirstOrThrow({ where: { documentId: terms.id } });
    expect(run).toMatchObject({
      outcome: 'failed',
      errorKind: 'transient',
      errorCode: 'RATE_LIMITED',
      httpStatus: 429,
    });
    const retryAt = Date.parse(/\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(run.errorMessage ?? '')?.[0] ?? '');
    expect(retryAt).toBeGreaterThanOrEqual(before + 3_599_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(site.hits('/terms')).toBe(1); // auto mode did not hand a 429 with Retry-After to the browser

    // another document on the same host, checked by the other worker: not requested
    await expect(
      other.get(CheckDocumentService).check(privacy.id, { trigger: 'manual' }),
    ).rejects.toMatchObject({ kind: 'transient', code: 'RATE_LIMITED' });
    expect(site.hits('/privacy')).toBe(0);
    expect(await prisma.checkRun.findFirstOrThrow({ where: { documentId: privacy.id } })).toMatchObject({
      errorKind: 'transient',
      errorCode: 'RATE_LIMITED',
    });
    expect(await prisma.version.count({ where: { documentId: { in: [terms.id, privacy.id] } } })).toBe(0);
  }, 30_000);
});
