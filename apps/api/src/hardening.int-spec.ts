import { type INestApplication } from '@nestjs/common';
import request from 'supertest';

import { type Env } from '@fineprint/config';
import { TOPICS } from '@fineprint/contracts';
import { PrismaService } from '@fineprint/db';
import { MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY } from '@fineprint/notify';
import { createTestDatabase, type TestDatabase, testConfig } from '@fineprint/testing';

import { MESSAGE_PAGE_CSP } from './common/message-page';
import { createApiApp } from './create-api-app';
import { startSubscriptionRequestWorker } from './test/subscription-request-worker';

const TOKEN = 'test-admin-token-0123456789';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const SEVERITY_LEVELS = ['low', 'medium', 'high', 'cosmetic'] as const;

/** Issue 14: what a hostile-but-fair probe found, kept fixed. */
describe('API hardening (issue 14)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let config: Env;
  let http: ReturnType<typeof request>;
  let prisma: PrismaService;
  const admin = { Authorization: `Bearer ${TOKEN}` };
  let ip = 0;
  /** A distinct client address per call (trust proxy: loopback), so per-IP limits stay out of the way. */
  const fromNewIp = () => ({ 'X-Forwarded-For': `198.51.100.${++ip % 250}, 10.0.${ip >> 8}.${ip & 255}` });

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig({ DATABASE_URL: db.url, REDIS_URL, ADMIN_TOKEN: TOKEN });
    app = await createApiApp(config, { logger: false });
    await app.init();
    http = request(app.getHttpServer());
    prisma = app.get(PrismaService);
    await prisma.vendor.create({ data: { slug: 'acme', name: 'Acme' } });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  describe('PATCH /documents/:id changes only what is sent', () => {
    it('a rename keeps a paused document paused, its interval, type and fetch mode; {} is a 400', async () => {
      const created = await http.post('/api/v1/documents').set(admin).send({
        vendor: 'acme',
        title: 'Acme Terms',
        url: 'https://acme.example/terms',
        type: 'terms',
        fetch: 'browser',
        intervalMinutes: 60,
        active: false,
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const renamed = await http.patch(`/api/v1/documents/${id}`).set(admin).send({ title: 'renamed' });
      expect(renamed.status).toBe(200);
      const row = await prisma.document.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        title: 'renamed',
        active: false,
        intervalMinutes: 60,
        type: 'terms',
        fetchMode: 'browser',
      });
      const empty = await http.patch(`/api/v1/documents/${id}`).set(admin).send({});
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/nothing to update/);
    });
  });

  describe('subscribing cannot be used to bomb a mailbox or to learn who is subscribed', () => {
    it('sends at most a few confirmation emails per mailbox a day, whatever the scopes and +tags', async () => {
      const requests = startSubscriptionRequestWorker(app, config);
      try {
        const scopes = TOPICS.flatMap((topic) =>
          SEVERITY_LEVELS.map((minSeverity) => ({ topic, minSeverity })),
        ).slice(0, 50);
        expect(scopes).toHaveLength(50);
        const answers = await Promise.all(
          scopes.map((scope, i) =>
            http
              .post('/api/v1/subscriptions')
              .set(fromNewIp())
              .send({ email: i % 2 ? `Victim+n${i}@Example.org` : 'victim@example.org', scope }),
          ),
        );
        expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
        await requests.handled(50);
        const sent = await prisma.delivery.count({
          where: {
            eventType: 'subscription.confirm',
            subscriptionId: {
              in: (
                await prisma.subscription.findMany({
                  where: { email: { contains: 'example.org' } },
                  select: { id: true },
                })
              ).map((s) => s.id),
            },
          },
        });
        expect(sent).toBe(MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY);
        expect(requests.outcomes.filter((o) => o === 'mailbox-limit')).toHaveLength(
          50 - MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY,
        );
      } finally {
        await requests.close();
      }
    });

    it('limits subscribe requests per client address', async () => {
      const client = fromNewIp();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push(
          (
            await http
              .post('/api/v1/subscriptions')
              .set(client)
              .send({ email: `someone${i}@example.net` })
          ).status,
        );
      expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    });

    it('answers without touching subscriptions on the request path, so a confirmed address looks like a new one', async () => {
      const confirmedId = (
        await prisma.subscription.create({
          data: {
            email: 'known@example.com',
            scopeKey: 'v=*;d=*;t=*;s=low;c=0',
            confirmed: true,
            unsubscribeTokenHash: 'known-hash',
          },
        })
      ).id;
      const before = {
        subscriptions: await prisma.subscription.count(),
        deliveries: await prisma.delivery.count(),
      };
      const known = await http
        .post('/api/v1/subscriptions')
        .set(fromNewIp())
        .send({ email: 'known@example.com' });
      const unknown = await http
        .post('/api/v1/subscriptions')
        .set(fromNewIp())
        .send({ email: 'fresh@example.com' });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(known.body).toEqual(unknown.body);
      // both only enqueued: nothing was read or written for either address yet
      expect(await prisma.subscription.count()).toBe(before.subscriptions);
      expect(await prisma.delivery.count()).toBe(before.deliveries);
      expect(confirmedId).toBeTruthy();
    });

    it('parallel identical subscribes are idempotent: one subscription, one email, no error', async () => {
      const requests = startSubscriptionRequestWorker(app, config);
      try {
        const body = { email: 'twin@example.com', scope: { topic: 'ai-training' } };
        const answers = await Promise.all(
          Array.from({ length: 20 }, () => http.post('/api/v1/subscriptions').set(fromNewIp()).send(body)),
        );
        expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]));
        await requests.handled(20);
        const subs = await prisma.subscription.findMany({ where: { email: 'twin@example.com' } });
        expect(subs).toHaveLength(1);
        expect(
          await prisma.delivery.count({
            where: { subscriptionId: subs[0]?.id, eventType: 'subscription.confirm' },
          }),
        ).toBe(1);
      } finally {
        await requests.close();
      }
    });

    it('confirms only by POST from the page the link opens; the pages carry a CSP', async () => {
      const page = await http
        .get('/api/v1/subscriptions/confirm?token=aaaaaaaaaaaaaaaaaaaaaaaa')
        .set('Accept', 'text/html');
      expect(page.status).toBe(404);
      expect(page.headers['content-security-policy']).toBe(MESSAGE_PAGE_CSP);
      expect(MESSAGE_PAGE_CSP).toContain("default-src 'none'");
      expect(MESSAGE_PAGE_CSP).toContain("frame-ancestors 'none'");
      const unsubscribe = await http
        .get('/api/v1/subscriptions/unsubscribe?token=aaaaaaaaaaaaaaaaaaaaaaaa')
        .set('Accept', 'text/html');
      expect(unsubscribe.headers['content-security-policy']).toBe(MESSAGE_PAGE_CSP);
      expect(unsubscribe.headers['referrer-policy']).toBe('no-referrer');
      expect(unsubscribe.text).toContain('<form method="post"');
    });
  });

  describe('bodies the API cannot read get a 4xx, never a 5xx', () => {
    it('413 over the limit, 415 for other media types and charsets, 400 for NUL and CRLF', async () => {
      const big = await http
        .post('/api/v1/documents')
        .set(admin)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ vendor: 'acme', title: 'x'.repeat(200_000), url: 'https://a.example/' }));
      expect(big.status).toBe(413);
      const utf7 = await http
        .post('/api/v1/subscriptions')
        .set(fromNewIp())
        .set('Content-Type', 'application/json; charset=utf-7')
        .send('{"email":"a+ACI-@example.com"}');
      expect(utf7.status).toBe(415);
      const xml = await http
        .post('/api/v1/documents')
        .set(admin)
        .set('Content-Type', 'application/xml')
        .send('<doc/>');
      expect(xml.status).toBe(415);
      const nul = await http
        .post('/api/v1/documents')
        .set(admin)
        .send({ vendor: 'acme', title: 'bad\u0000title', url: 'https://acme.example/nul' });
      expect(nul.status).toBe(400);
      const crlf = await http
        .post('/api/v1/documents')
        .set(admin)
        .send({ vendor: 'acme', title: 'CRLF', url: 'https://acme.example/a\r\nSet-Cookie: x=1' });
      expect(crlf.status).toBe(400);
      const broken = await http
        .post('/api/v1/documents')
        .set(admin)
        .set('Content-Type', 'application/json')
        .send('{"vendor": ');
      expect(broken.status).toBe(400);
    });
  });

  describe('private and metadata URLs are refused at registration', () => {
    it('400 for documents and webhooks aimed at loopback, metadata or transition forms; public passes', async () => {
      const strict = await createApiApp(
        testConfig({ DATABASE_URL: db.url, REDIS_URL, ADMIN_TOKEN: TOKEN, ALLOW_PRIVATE_NETWORKS: 'false' }),
        { logger: false },
      );
      await strict.init();
      try {
        const client = request(strict.getHttpServer());
        for (const url of [
          'http://169.254.169.254/latest/meta-data/',
          'http://[::127.0.0.1]:3000/',
          'http://[2002:7f00:1::1]/',
          'http://metadata.google.internal/',
          'http://localhost:6379/',
        ]) {
          const doc = await client
            .post('/api/v1/documents')
            .set(admin)
            .send({ vendor: 'acme', title: 'SSRF', url });
          expect({ url, status: doc.status, error: doc.body.error }).toEqual({
            url,
            status: 400,
            error: 'private_address',
          });
          const hook = await client.post('/api/v1/webhooks').set(admin).send({ url });
          expect({ url, status: hook.status }).toEqual({ url, status: 400 });
        }
        const created = await client
          .post('/api/v1/documents')
          .set(admin)
          .send({ vendor: 'acme', title: 'Public', url: 'https://93.184.216.34/privacy' });
        expect(created.status).toBe(201);
        const moved = await client
          .patch(`/api/v1/documents/${created.body.id as string}`)
          .set(admin)
          .send({ url: 'http://10.0.0.5/' });
        expect(moved.status).toBe(400);
      } finally {
        await strict.close();
      }
    });
  });

  describe('GET rate limits', () => {
    it('a client over API_RATE_LIMIT_PER_MINUTE gets 429 with Retry-After; another client is served', async () => {
      const strict = await createApiApp(
        testConfig({ DATABASE_URL: db.url, REDIS_URL, API_RATE_LIMIT_PER_MINUTE: '20' }),
        { logger: false },
      );
      await strict.init();
      try {
        const client = request(strict.getHttpServer());
        const statuses: number[] = [];
        for (let i = 0; i < 22; i++)
          statuses.push((await client.get('/api/v1/changes').set('X-Forwarded-For', '203.0.113.7')).status);
        expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
        const limited = await client.get('/api/v1/changes').set('X-Forwarded-For', '203.0.113.7');
        expect(limited.status).toBe(429);
        expect(limited.headers['retry-after']).toBeDefined();
        expect((await client.get('/api/v1/changes').set('X-Forwarded-For', '203.0.113.8')).status).toBe(200);
      } finally {
        await strict.close();
      }
    });
  });
});
