import { brotliCompressSync } from 'node:zlib';

import { type INestApplication } from '@nestjs/common';
import Parser from 'rss-parser';
import request from 'supertest';

import { type Env } from '@fineprint/config';
import { PrismaService } from '@fineprint/db';
import { QueueProducer } from '@fineprint/queue';
import { SubscriptionTokens } from '@fineprint/notify';
import { createTestDatabase, seedChange, type TestDatabase, testConfig } from '@fineprint/testing';

import { createApiApp } from './create-api-app';
import { startSubscriptionRequestWorker } from './test/subscription-request-worker';

const TOKEN = 'test-admin-token-0123456789';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('REST API end to end (supertest, real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let config: Env;
  let http: ReturnType<typeof request>;
  let prisma: PrismaService;
  const admin = { Authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig({
      DATABASE_URL: db.url,
      REDIS_URL,
      ADMIN_TOKEN: TOKEN,
      PUBLIC_URL: 'http://fineprint.test',
    });
    app = await createApiApp(config, { logger: false });
    await app.init();
    http = request(app.getHttpServer());
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  describe('documents', () => {
    it('admin writes need the bearer token', async () => {
      const body = { vendor: 'Acme', title: 'Acme Privacy', url: 'https://acme.example/privacy' };
      expect((await http.post('/api/v1/documents').send(body)).status).toBe(401);
      expect(
        (
          await http
            .post('/api/v1/documents')
            .set({ Authorization: 'Bearer wrong-token-wrong-token' })
            .send(body)
        ).status,
      ).toBe(403);
    });

    it('creates a document (201 with id), reads it, checks it now (202, not twice), lists its versions', async () => {
      const created = await http.post('/api/v1/documents').set(admin).send({
        vendor: 'Acme',
        title: 'Acme Privacy Notice',
        url: 'https://acme.example/privacy',
        type: 'privacy_notice',
        select: '#main',
        intervalMinutes: 60,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        title: 'Acme Privacy Notice',
        select: ['#main'],
        fetch: 'auto',
        status: 'unknown',
        vendor: { slug: 'acme' },
      });
      const id = created.body.id as string;
      const read = await http.get(`/api/v1/documents/${id}`);
      expect(read.status).toBe(200);
      expect(read.body).toHaveProperty('lastCheckedAt', null);
      expect(read.body).toHaveProperty('lastChangedAt', null);
      const first = await http.post(`/api/v1/documents/${id}/check`).set(admin);
      const second = await http.post(`/api/v1/documents/${id}/check`).set(admin);
      expect([first.status, second.status]).toEqual([202, 202]);
      expect([first.body.queued, second.body.queued]).toEqual([true, false]);
      expect((await http.get(`/api/v1/documents/${id}/versions`)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      const paused = await http.patch(`/api/v1/documents/${id}`).set(admin).send({ active: false });
      expect(paused.body.active).toBe(false);
      expect((await http.delete(`/api/v1/documents/${id}`).set(admin)).status).toBe(204);
      expect((await http.get(`/api/v1/documents/${id}`)).body.deletedAt).not.toBeNull();
    });

    it('checks a new document at once (not at its first slot), and takes the catalog spelling of its type', async () => {
      const create = (title: string, type: string) =>
        http
          .post('/api/v1/documents')
          .set(admin)
          .send({ vendor: 'Acme', title, url: 'https://acme.example/help', type });
      const created = await create('Acme Help', 'help-article');
      expect(created.status).toBe(201);
      expect(created.body.type).toBe('help_article');
      const id = created.body.id as string;
      const first = await app.get(QueueProducer).queue('check').getJob(`first_${id}`);
      expect(first?.data).toEqual({ documentId: id, trigger: 'created' });
      expect(await first?.getState()).toMatch(/^(waiting|prioritized)$/);
      const bad = await create('Acme Blog', 'blog');
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(
        /privacy_notice, terms, help_article, faq, cookie_policy, other/,
      );
    });

    it('answers bad input with 400 naming the field, and unknown ids with 404, never 500', async () => {
      const bad = await http
        .post('/api/v1/documents')
        .set(admin)
        .send({ vendor: '', title: 'x', url: 'ftp://nope', extra: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/vendor/);
      expect(bad.body.message).toMatch(/url/);
      expect(bad.body.correlationId).toEqual(expect.any(String));
      expect(
        (
          await http
            .post('/api/v1/documents')
            .set(admin)
            .set('content-type', 'application/json')
            .send('{not json')
        ).status,
      ).toBe(400);
      expect((await http.get('/api/v1/documents/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await http.get('/api/v1/documents/not-an-id')).status).toBe(404);
      expect((await http.get('/api/v1/changes?severity=extreme')).status).toBe(400);
      expect((await http.get('/api/v1/changes?limit=100000')).status).toBe(400);
    });
  });

  describe('changes and feeds', () => {
    let changeId: string;
    beforeAll(async () => {
      changeId = (await seedChange(prisma)).change.id;
    });

    it('lists changes by topic and kind, and shows one with summary, severity, tags, stats and diff', async () => {
      const list = await http.get(
        '/api/v1/changes?topic=voice-recordings&kind=opt-out-removed&severity=high',
      );
      expect(list.status).toBe(200);
      expect((list.body as { items: { id: string }[] }).items.map((c) => c.id)).toContain(changeId);
      expect((await http.get('/api/v1/changes?topic=children')).body.items).toEqual([]);
      const one = await http.get(`/api/v1/changes/${changeId}`);
      expect(one.body).toMatchObject({
        severity: 'high',
        summary: expect.stringMatching(/opt-out removed \(voice recordings/),
        stats: { paragraphsRemoved: expect.any(Number) },
      });
      expect(one.body.tags[0]).toMatchObject({
        kind: 'opt-out-removed',
        topic: 'voice-recordings',
        citations: expect.arrayContaining([expect.objectContaining({ side: 'removed' })]),
      });
      expect(one.body.diff.hunks.length).toBeGreaterThan(0);
      expect(one.body.rendered.inline).toContain('fp-cited');
    });

    it('serves RSS, Atom and JSON feeds with validators, and 304 on a conditional request', async () => {
      const atom = await http.get('/feeds/changes.atom');
      expect(atom.status).toBe(200);
      expect(atom.headers['content-type']).toMatch(/application\/atom\+xml/);
      const parsed = await new Parser().parseString(atom.text);
      expect(parsed.items[0]?.link).toBe(`http://fineprint.test/changes/${changeId}`);
      const again = await http
        .get('/feeds/changes.atom')
        .set('if-none-match', atom.headers['etag'] as string);
      expect(again.status).toBe(304);
      const since = await http
        .get('/feeds/changes.rss')
        .set('if-modified-since', atom.headers['last-modified'] as string);
      expect(since.status).toBe(304);
      expect(
        (await new Parser().parseString((await http.get('/feeds/vendors/amazon.rss')).text)).items,
      ).toHaveLength(1);
      const json = await http.get('/feeds/topics/voice-recordings.json');
      expect(JSON.parse(json.text).items[0].id).toBe(`tag:fineprint,2026:change:${changeId}`);
      expect((await http.get('/feeds/topics/nonsense.json')).status).toBe(404);
      expect((await http.get('/feeds/changes.pdf')).status).toBe(404);
    });
  });

  describe('subscriptions', () => {
    it('double opt-in without revealing who is subscribed, single-use confirmation, one-click unsubscribe', async () => {
      const requests = startSubscriptionRequestWorker(app, config);
      try {
        const body = { email: 'Reader@Example.com', scope: { vendor: 'amazon', topic: 'voice-recordings' } };
        const first = await http.post('/api/v1/subscriptions').send(body);
        const second = await http.post('/api/v1/subscriptions').send(body);
        expect([first.status, second.status]).toEqual([202, 202]);
        expect(second.body).toEqual(first.body);
        await requests.handled(2);
        const sub = await prisma.subscription.findFirstOrThrow({ where: { email: 'reader@example.com' } });
        expect(sub.confirmed).toBe(false);
        expect(
          await prisma.delivery.count({
            where: { subscriptionId: sub.id, eventType: 'subscription.confirm' },
          }),
        ).toBe(1);

        const tokens = new SubscriptionTokens(config.SECRET_KEY);
        const token = tokens.confirmToken(sub.id, sub.confirmSentAt ?? new Date());
        // the link opens a page; only its button (a POST) confirms, once
        expect((await http.get(`/api/v1/subscriptions/confirm?token=${token}`)).status).toBe(200);
        expect((await prisma.subscription.findUniqueOrThrow({ where: { id: sub.id } })).confirmed).toBe(
          false,
        );
        expect((await http.post(`/api/v1/subscriptions/confirm?token=${token}`)).status).toBe(200);
        expect((await http.post(`/api/v1/subscriptions/confirm?token=${token}`)).status).toBe(404);
        expect((await http.get(`/api/v1/subscriptions/confirm?token=${token}`)).status).toBe(404);
        const confirmedAgain = await http.post('/api/v1/subscriptions').send(body);
        expect(confirmedAgain.body).toEqual(first.body);
        await requests.handled(3);
        expect(requests.outcomes[2]).toBe('already-confirmed');

        const unsubscribe = await http
          .post(`/api/v1/subscriptions/unsubscribe?token=${tokens.unsubscribeToken(sub.id)}`)
          .type('form')
          .send('List-Unsubscribe=One-Click');
        expect(unsubscribe.status).toBe(200);
        expect(
          (await prisma.subscription.findUniqueOrThrow({ where: { id: sub.id } })).unsubscribedAt,
        ).not.toBeNull();
        expect((await http.post('/api/v1/subscriptions').send({ email: 'not an email' })).status).toBe(400);
        expect(
          (
            await http
              .post('/api/v1/subscriptions')
              .send({ email: 'a@b.example', scope: { vendor: 'nobody' } })
          ).status,
        ).toBe(400);
      } finally {
        await requests.close();
      }
    });
  });

  describe('webhooks (admin)', () => {
    it('creates an endpoint (secret shown once), lists without secrets, pings, redelivers', async () => {
      const created = await http
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url: 'https://hooks.example/fineprint', scope: { minSeverity: 'high' } });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      const list = await http.get('/api/v1/webhooks').set(admin);
      expect(list.body.items[0]).not.toHaveProperty('secret');
      const ping = await http.post(`/api/v1/webhooks/${created.body.id as string}/ping`).set(admin);
      expect(ping.status).toBe(202);
      const redeliver = await http.post(`/api/v1/deliveries/${ping.body.id as string}/redeliver`).set(admin);
      expect(redeliver.status).toBe(202);
      const log = await http.get(`/api/v1/webhooks/${created.body.id as string}/deliveries`).set(admin);
      expect(log.body.items).toHaveLength(1);
      expect((await http.get('/api/v1/webhooks')).status).toBe(401);
    });
  });

  it('releases a quarantined version (admin) and shows where an unstable document flips', async () => {
    const { document, versions } = await seedChange(prisma);
    const [v1] = versions;
    const quarantined = await prisma.version.create({
      data: {
        documentId: document.id,
        seq: 3,
        snapshotId: v1?.snapshotId ?? '',
        text: 'Short text.',
        sha256: 'q',
        byteLength: 11,
        chainHash: 'c3',
        status: 'quarantined',
        statusReason: 'collapse',
      },
    });
    expect((await http.post(`/api/v1/versions/${quarantined.id}/release`)).status).toBe(401);
    const released = await http.post(`/api/v1/versions/${quarantined.id}/release`).set(admin);
    expect(released.status).toBe(202);
    expect(released.body.status).toBe('released');
    expect((await http.post(`/api/v1/versions/${quarantined.id}/release`).set(admin)).status).toBe(409);
    const job = await app.get(QueueProducer).queue('diff').getJob(`diff_${quarantined.id}`);
    expect(job?.data).toEqual({ versionId: quarantined.id });

    await prisma.version.create({
      data: {
        documentId: document.id,
        seq: 4,
        snapshotId: v1?.snapshotId ?? '',
        text: v1?.text ?? '',
        sha256: 'a',
        byteLength: 1,
        chainHash: 'c4',
        status: 'revert',
        revertOfId: v1?.id ?? null,
      },
    });
    const instability = await http.get(`/api/v1/documents/${document.id}/instability`);
    expect(instability.body).toMatchObject({ flips: 1, between: [3, 4] });
    expect(instability.body.region.length).toBeGreaterThan(0);
  });

  it('downloads a raw snapshot as fetched, decompressing what is stored compressed', async () => {
    const { document } = await seedChange(prisma);
    const page = Buffer.from('<html><body><main>Privacy Notice</main></body></html>');
    const stored = await Promise.all(
      [
        { sha256: 'raw-br', body: brotliCompressSync(page), compression: 'br' },
        { sha256: 'raw-plain', body: page, compression: 'identity' },
      ].map(({ body, ...rest }) =>
        prisma.snapshot.create({
          data: {
            documentId: document.id,
            ...rest,
            body: new Uint8Array(body),
            byteLength: page.length,
            contentType: 'text/html; charset=utf-8',
            finalUrl: document.url,
            fetchedWith: 'http',
          },
        }),
      ),
    );
    for (const snapshot of stored) {
      const raw = await http.get(`/api/v1/snapshots/${snapshot.id}/raw`);
      expect(raw.status).toBe(200);
      expect(raw.headers['content-type']).toMatch(/^text\/html/);
      expect(raw.text).toBe(page.toString());
    }
    expect((await http.get('/api/v1/snapshots/00000000-0000-4000-8000-000000000000/raw')).status).toBe(404);
  });

  it('reports health, metrics and queue status', async () => {
    expect((await http.get('/health')).status).toBe(200);
    const metrics = await http.get('/metrics');
    expect(metrics.text).toMatch(/fineprint_changes\{severity="high",state="announced"\} \d+/);
    expect(metrics.text).toMatch(/fineprint_queue_jobs\{queue="check",state="\w+"\}/);
    expect((await http.get('/api/v1/admin/queues').set(admin)).body).toHaveProperty('deliver');
    expect((await http.get('/api/docs/openapi.json')).body.paths).toHaveProperty('/api/v1/documents');
  });
});
