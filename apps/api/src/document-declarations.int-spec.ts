import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { type INestApplication } from '@nestjs/common';
import { chromium } from 'playwright-core';
import request from 'supertest';

import { CatalogSyncService, importOtaFolder } from '@fineprint/catalog';
import { DocumentRepository, PrismaService, VendorRepository } from '@fineprint/db';
import { createTestDatabase, type TestDatabase, testConfig } from '@fineprint/testing';

import { createApiApp } from './create-api-app';
import { DASHBOARD_DIR } from './dashboard/serve-dashboard';

const TOKEN = 'test-admin-token-0123456789';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../../..');

/** An Open Terms Archive service file: a range-selected page with named filters, a combined one, a built-in filter. */
const ACME_OTA = {
  name: 'Acme',
  terms: {
    'Privacy Policy': {
      fetch: 'https://acme.example/privacy',
      select: ['#content', { startBefore: 'h1', endBefore: 'footer' }],
      remove: { startAfter: 'h2.toc', endBefore: '#end' },
      filter: ['removeAds', { removeQueryParams: ['utm_source'] }],
    },
    'Terms of Service': {
      select: 'main',
      combine: [
        { fetch: 'https://acme.example/terms/1' },
        {
          fetch: 'https://acme.example/terms/2',
          select: { startAfter: 'h1', endAfter: 'footer' },
          filter: ['removeBanner'],
        },
      ],
    },
    'Cookie Policy': {
      fetch: 'https://acme.example/cookies',
      select: 'main',
      filter: [{ removeQueryParams: ['sid'] }],
    },
  },
};
const ACME_FILTERS =
  "export function removeAds(document) { document.querySelectorAll('.ad').forEach((e) => e.remove()); }\n" +
  "export function removeBanner(document) { document.querySelectorAll('.banner').forEach((e) => e.remove()); }\n";

describe('a document’s declaration through the API and the dashboard (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let prisma: PrismaService;
  let otaDir: string;
  const admin = { Authorization: `Bearer ${TOKEN}` };

  /** `catalog import-ota <dir> [--run-filters]`, as the CLI does it: convert, then sync. */
  const importOta = async (runFilters: boolean) => {
    const { files, issues } = await importOtaFolder(otaDir, { runFilters });
    expect(issues).toEqual([]);
    await new CatalogSyncService(app.get(VendorRepository), app.get(DocumentRepository)).sync(files, 'ota', {
      runFilters,
    });
  };
  const view = async (slug: string) => {
    const list = await http.get('/api/v1/documents?vendor=acme');
    expect(list.status).toBe(200);
    const found = (list.body.items as { id: string; slug: string }[]).find((d) => d.slug === slug);
    if (!found) throw new Error(`no document ${slug}`);
    const one = await http.get(`/api/v1/documents/${found.id}`);
    expect(one.status).toBe(200);
    expect(found).toEqual(one.body); // the list shows the same view
    return one.body as Record<string, unknown> & { id: string };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(
      testConfig({
        DATABASE_URL: db.url,
        REDIS_URL,
        ADMIN_TOKEN: TOKEN,
        ALLOW_PRIVATE_NETWORKS: 'false',
        PUBLIC_URL: 'http://fineprint.test',
      }),
      { logger: false },
    );
    await app.init();
    http = request(app.getHttpServer());
    prisma = app.get(PrismaService);
    otaDir = mkdtempSync(join(tmpdir(), 'fineprint-ota-'));
    writeFileSync(join(otaDir, 'Acme.json'), JSON.stringify(ACME_OTA));
    writeFileSync(join(otaDir, 'Acme.filters.js'), ACME_FILTERS);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (otaDir) rmSync(otaDir, { recursive: true, force: true });
  });

  describe('the document view shows sources, range selectors, named filters and the pending flag', () => {
    it('an imported OTA collection without the opt-in: filters pending, every page with its own selectors', async () => {
      await importOta(false);

      const privacy = await view('privacy-policy');
      expect(privacy).toMatchObject({
        url: 'https://acme.example/privacy',
        // the stored form stays as it was (a range as its JSON text)
        select: ['#content', '{"startBefore":"h1","endBefore":"footer"}'],
        selectors: {
          select: ['#content', { startBefore: 'h1', endBefore: 'footer' }],
          remove: [{ startAfter: 'h2.toc', endBefore: '#end' }],
        },
        sources: null,
        filters: ['removeAds', { removeQueryParams: ['utm_source'] }],
        namedFilters: ['removeAds'],
        filtersPending: true,
      });

      const terms = await view('terms-of-service');
      expect(terms).toMatchObject({
        url: 'https://acme.example/terms/1',
        sources: [
          { url: 'https://acme.example/terms/1', select: ['main'], remove: [], fetch: 'auto', filters: [] },
          {
            url: 'https://acme.example/terms/2',
            select: [{ startAfter: 'h1', endAfter: 'footer' }],
            remove: [],
            fetch: 'auto',
            filters: ['removeBanner'],
          },
        ],
        namedFilters: ['removeBanner'],
        filtersPending: true,
      });

      // a built-in filter always runs: nothing pending
      expect(await view('cookie-policy')).toMatchObject({
        filters: [{ removeQueryParams: ['sid'] }],
        namedFilters: [],
        filtersPending: false,
        sources: null,
      });
    });

    it('after `import-ota --run-filters` the named filters run: not pending any more', async () => {
      await importOta(true);
      expect(await view('privacy-policy')).toMatchObject({
        namedFilters: ['removeAds'],
        filtersPending: false,
      });
      expect(await view('terms-of-service')).toMatchObject({
        namedFilters: ['removeBanner'],
        filtersPending: false,
      });
      await importOta(false); // a re-import without the flag withdraws the opt-in
      expect(await view('privacy-policy')).toMatchObject({ filtersPending: true });
    });

    it('the OpenAPI document describes exactly the fields the API answers, and the new input', async () => {
      const spec = (await http.get('/api/docs/openapi.json')).body as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
      };
      const schemaOf = (path: string, method: string, status: string) =>
        (
          spec.paths[path]?.[method]?.['responses'] as Record<
            string,
            { content: Record<string, { schema: Record<string, unknown> }> }
          >
        )[status]?.content['application/json']?.schema as {
          properties: Record<string, { items?: { properties: Record<string, unknown> } }>;
          required: string[];
        };
      const documented = schemaOf('/api/v1/documents/{id}', 'get', '200');
      const terms = await view('terms-of-service');
      expect(Object.keys(documented.properties).sort()).toEqual(Object.keys(terms).sort());
      expect([...documented.required].sort()).toEqual(Object.keys(terms).sort());
      const source = (terms['sources'] as Record<string, unknown>[])[0] ?? {};
      expect(Object.keys(documented.properties['sources']?.items?.properties ?? {}).sort()).toEqual(
        Object.keys(source).sort(),
      );
      expect(schemaOf('/api/v1/documents', 'post', '201').properties).toHaveProperty('filtersPending');
      const body = (
        spec.paths['/api/v1/documents']?.['post']?.['requestBody'] as {
          content: Record<string, { schema: { properties: Record<string, unknown> } }>;
        }
      ).content['application/json']?.schema;
      expect(Object.keys(body?.properties ?? {})).toEqual(expect.arrayContaining(['select', 'combine']));
      expect(JSON.stringify(body?.properties['select'])).toMatch(/startBefore/);
    });
  });

  describe('selectors are validated at the edge', () => {
    const base = { vendor: 'Edge', title: 'Edge Terms', url: 'https://93.184.216.34/terms' };
    const countEdge = () => prisma.document.count({ where: { vendor: { slug: 'edge' } } });

    it('accepts CSS and range selectors (objects, or their stored JSON) and answers them as declared', async () => {
      const created = await http
        .post('/api/v1/documents')
        .set(admin)
        .send({
          ...base,
          select: ['main', { endBefore: 'footer', startAfter: 'h1' }],
          remove: '{"startBefore":".ad","endAfter":".ad-end"}',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        select: ['main', '{"startAfter":"h1","endBefore":"footer"}'],
        remove: ['{"startBefore":".ad","endAfter":".ad-end"}'],
        selectors: {
          select: ['main', { startAfter: 'h1', endBefore: 'footer' }],
          remove: [{ startBefore: '.ad', endAfter: '.ad-end' }],
        },
      });
      const row = await prisma.document.findUniqueOrThrow({ where: { id: created.body.id as string } });
      expect(row.select).toEqual(['main', '{"startAfter":"h1","endBefore":"footer"}']);
    });

    it.each([
      [
        'a range with two starts',
        { select: [{ startBefore: 'h1', startAfter: 'h2', endBefore: 'footer' }] },
        /select\.0: a range needs exactly one of startBefore and startAfter/,
      ],
      [
        'a range with no end',
        { select: { startBefore: 'h1' } },
        /select\.0: a range needs exactly one of endBefore and endAfter/,
      ],
      [
        'a range with an empty bound',
        { remove: [{ startBefore: ' ', endBefore: 'p' }] },
        /remove\.0: startBefore must be a non-empty CSS selector/,
      ],
      [
        'a range with an unknown key',
        { select: [{ from: 'h1', endBefore: 'p' }] },
        /select\.0: unknown key\(s\) from/,
      ],
      [
        'a range bound that is not CSS',
        { select: ['main', { startAfter: 'h1', endBefore: 'div[' }] },
        /select\.1\.endBefore: "div\[" is not valid CSS/,
      ],
      [
        'a CSS selector that does not parse',
        { select: 'main >> p' },
        /select\.0: "main >> p" is not valid CSS/,
      ],
      [
        'an unknown pseudo-class',
        { remove: ['.x:hovered'] },
        /remove\.0: ".x:hovered" is not valid CSS \(Unknown pseudo-class/,
      ],
      [
        'a pseudo-element the extractor cannot select',
        { select: 'p::before' },
        /select\.0: "p::before" is not valid CSS/,
      ],
      ['HTML instead of CSS', { select: '<main>' }, /select\.0: "<main>" is HTML markup, not a CSS selector/],
      ['a stored range that is not JSON', { select: '{"startBefore":"h1"' }, /select\.0: .* not valid JSON/],
      ['a number', { select: [42] }, /select\.0: must be a CSS selector \(a string\) or a range/],
    ])('400 for %s, naming the field; nothing is stored', async (_what, selectors, message) => {
      const before = await countEdge();
      const res = await http
        .post('/api/v1/documents')
        .set(admin)
        .send({ ...base, title: 'Edge Refused', ...selectors });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_input');
      expect(res.body.message).toMatch(message);
      expect(await countEdge()).toBe(before);
    });

    it('a PATCH with a bad selector is refused and changes nothing', async () => {
      const created = await http
        .post('/api/v1/documents')
        .set(admin)
        .send({ ...base, title: 'Edge Patch', select: 'main' });
      const id = created.body.id as string;
      const res = await http
        .patch(`/api/v1/documents/${id}`)
        .set(admin)
        .send({ title: 'Renamed', select: [{ startAfter: 'h1', endBefore: 'p:nope' }] });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/select\.0\.endBefore: "p:nope" is not valid CSS/);
      expect(await prisma.document.findUniqueOrThrow({ where: { id } })).toMatchObject({
        title: 'Edge Patch',
        select: ['main'],
      });
      const ok = await http
        .patch(`/api/v1/documents/${id}`)
        .set(admin)
        .send({ select: [{ startAfter: 'h1', endBefore: 'footer' }] });
      expect(ok.status).toBe(200);
      expect(ok.body.selectors.select).toEqual([{ startAfter: 'h1', endBefore: 'footer' }]);
    });
  });

  describe('combined documents through the API', () => {
    const sources = [
      { url: 'https://93.184.216.34/terms/general' },
      {
        url: 'https://93.184.216.34/terms/refunds',
        select: { startAfter: 'h1', endBefore: 'footer' },
        fetch: 'http',
      },
    ];

    it('creates one: each source keeps its own selectors or takes the document’s; url is the first page', async () => {
      const created = await http
        .post('/api/v1/documents')
        .set(admin)
        .send({ vendor: 'Combo', title: 'Combo Terms', select: '#doc', remove: '.ad', combine: sources });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        url: 'https://93.184.216.34/terms/general',
        sources: [
          {
            url: 'https://93.184.216.34/terms/general',
            select: ['#doc'],
            remove: ['.ad'],
            fetch: 'auto',
            filters: [],
          },
          {
            url: 'https://93.184.216.34/terms/refunds',
            select: [{ startAfter: 'h1', endBefore: 'footer' }],
            remove: ['.ad'],
            fetch: 'http',
            filters: [],
          },
        ],
        filtersPending: false,
      });
      // stored as the check reads it (decision 0021): fetchMode, selectors in their stored form
      const row = await prisma.document.findUniqueOrThrow({ where: { id: created.body.id as string } });
      expect(row.sources).toEqual([
        {
          url: 'https://93.184.216.34/terms/general',
          select: ['#doc'],
          remove: ['.ad'],
          fetchMode: 'auto',
          filters: [],
        },
        {
          url: 'https://93.184.216.34/terms/refunds',
          select: ['{"startAfter":"h1","endBefore":"footer"}'],
          remove: ['.ad'],
          fetchMode: 'http',
          filters: [],
        },
      ]);

      const single = await http
        .patch(`/api/v1/documents/${created.body.id as string}`)
        .set(admin)
        .send({ combine: null });
      expect(single.status).toBe(200);
      expect(single.body.sources).toBeNull();
      const again = await http
        .patch(`/api/v1/documents/${created.body.id as string}`)
        .set(admin)
        .send({ combine: [{ url: 'https://93.184.216.34/a' }, { url: 'https://93.184.216.34/b' }] });
      expect(again.body).toMatchObject({
        url: 'https://93.184.216.34/a',
        sources: [{ url: 'https://93.184.216.34/a', select: ['#doc'] }, { url: 'https://93.184.216.34/b' }],
      });
    });

    it('refuses a bad source with 400 naming it, and stores nothing', async () => {
      const count = () => prisma.document.count({ where: { vendor: { slug: 'combo' } } });
      const before = await count();
      const post = (combine: unknown, extra: Record<string, unknown> = {}) =>
        http
          .post('/api/v1/documents')
          .set(admin)
          .send({ vendor: 'Combo', title: 'Combo Bad', combine, ...extra });

      const badRange = await post([
        sources[0],
        { url: 'https://93.184.216.34/x', select: { startAfter: 'h1' } },
      ]);
      expect(badRange.status).toBe(400);
      expect(badRange.body.message).toMatch(
        /combine\.1\.select\.0: a range needs exactly one of endBefore and endAfter/,
      );
      const badCss = await post([{ url: 'https://93.184.216.34/x', remove: ['nav[role='] }]);
      expect(badCss.body.message).toMatch(/combine\.0\.remove\.0: "nav\[role=" is not valid CSS/);
      expect((await post([{ url: 'ftp://93.184.216.34/x' }])).body.message).toMatch(/combine\.0\.url/);
      expect((await post([{ url: 'https://93.184.216.34/x', filters: ['removeAds'] }])).body.message).toMatch(
        /combine\.0/,
      );
      expect((await post([])).body.message).toMatch(/combine: a combined document has at least one source/);
      expect((await post(undefined)).body.message).toMatch(
        /url: a document needs a url \(or combine sources\)/,
      );
      // every page is fetched later: each must be a public address, as `url` must
      const privateSource = await post([sources[0], { url: 'http://169.254.169.254/latest/meta-data/' }]);
      expect(privateSource.status).toBe(400);
      expect(privateSource.body).toMatchObject({ error: 'private_address' });
      expect(privateSource.body.message).toMatch(/^combine\.1\.url:/);
      expect(await count()).toBe(before);
    });
  });

  const withBrowser = existsSync(CHROMIUM) ? it : it.skip;
  withBrowser(
    'the dashboard’s document page shows the pending filters notice and the list of pages (Playwright)',
    async () => {
      buildDashboardIfStale();
      await importOta(false);
      const privacy = await view('privacy-policy');
      const terms = await view('terms-of-service');
      const cookies = await view('cookie-policy');
      await app.listen(0, '127.0.0.1');
      const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const page = await browser.newPage();
        await page.goto(`${base}/documents/${privacy.id}`);
        const notice = page.getByRole('note');
        await notice.waitFor({ timeout: 15_000 });
        const text = await notice.innerText();
        expect(text).toMatch(/Filters pending/);
        expect(text).toMatch(/fineprint catalog import-ota <folder> --run-filters/);
        expect(text).toMatch(/These named filters have not run: removeAds\./);
        expect(text).toMatch(/The text may be wider than the declaration\./);
        const selects = await page.locator('tr', { hasText: 'Selects' }).innerText();
        expect(selects).toMatch(/#content/);
        expect(selects).toMatch(/range from before h1 to before footer/);

        await page.goto(`${base}/documents/${terms.id}`);
        const pages = page.locator('ol.sources > li');
        await pages.first().waitFor({ timeout: 15_000 });
        expect(await pages.count()).toBe(2);
        expect(await pages.nth(0).innerText()).toMatch(/https:\/\/acme\.example\/terms\/1/);
        const second = await pages.nth(1).innerText();
        expect(second).toMatch(/https:\/\/acme\.example\/terms\/2/);
        expect(second).toMatch(/range from after h1 to after footer/);
        expect(second).toMatch(/removeBanner/);
        expect(await page.getByRole('note').innerText()).toMatch(
          /These named filters have not run: removeBanner\./,
        );

        await page.goto(`${base}/documents/${cookies.id}`);
        await page.getByRole('heading', { level: 1, name: 'Cookie Policy' }).waitFor({ timeout: 15_000 });
        expect(await page.getByRole('note').count()).toBe(0);
        expect(await page.locator('ol.sources').count()).toBe(0);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

/** The dashboard bundle, rebuilt when a source file is newer than it (npm test builds it first). */
function buildDashboardIfStale(): void {
  const bundle = join(DASHBOARD_DIR, 'assets', 'app.js');
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  const sources = Math.max(newest(join(ROOT, 'apps/web/src')), newest(join(ROOT, 'libs/contracts/src')));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { cwd: ROOT, stdio: 'ignore' });
}
