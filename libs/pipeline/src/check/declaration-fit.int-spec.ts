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

import { PipelineModule } from '../pipeline.module';
import { CheckDocumentService } from './check-document.service';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const TEXT = Array.from({ length: 30 }, (_, i) => `<p>Section ${i} says how we use your data.</p>`).join('');

describe('a check whose declaration does not fit the page, on real PostgreSQL and a local site', () => {
  let db: TestDatabase;
  let site: FixtureSite;
  let app: INestApplicationContext;

  const newDocument = async (path: string, select: string[]) => {
    return createTestDocument(app, {
      slug: path.replace(/\W/g, ''),
      title: 'Acme Privacy Notice',
      url: `${site.url}${path}`,
      select,
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    site = await startFixtureSite();
    app = await createTestContext({ DATABASE_URL: db.url, REDIS_URL, CONFIRM_DELAY_MS: '0' }, [
      PipelineModule,
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await site.close();
    await db.drop();
  });

  it('tracks a <main> inside an aria-hidden wrapper (a cookie dialog is open)', async () => {
    site.setPage(
      '/dialog',
      `<body><div aria-hidden="true"><main id="doc"><h1>Privacy</h1>${TEXT}</main></div><div role="dialog">Cookies?</div></body>`,
    );
    const doc = await newDocument('/dialog', ['#doc']);
    expect((await app.get(CheckDocumentService).check(doc.id, { trigger: 'scheduled' })).outcome).toBe(
      'new_version',
    );
  });

  it('records a missing select as a declaration problem (not retried), never as blocked', async () => {
    site.setPage('/moved', `<body><main id="elsewhere">${TEXT}</main></body>`);
    const doc = await newDocument('/moved', ['#doc']);
    await expect(app.get(CheckDocumentService).check(doc.id, { trigger: 'scheduled' })).rejects.toMatchObject(
      {
        kind: 'declaration',
        code: 'SELECTOR_NOT_FOUND',
        permanent: true,
      },
    );
    const run = await app.get(PrismaService).checkRun.findFirst({ where: { documentId: doc.id } });
    expect(run).toMatchObject({
      outcome: 'failed',
      errorKind: 'declaration',
      errorCode: 'SELECTOR_NOT_FOUND',
    });
  });
});
