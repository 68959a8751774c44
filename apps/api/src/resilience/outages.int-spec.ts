import { createServer, type Server, Socket } from 'node:net';

import { type INestApplication } from '@nestjs/common';
import request from 'supertest';

import { PrismaService } from '@fineprint/db';
import {
  createTestDatabase,
  freePort,
  seedChange,
  startRedisServer,
  type TestDatabase,
  testConfig,
} from '@fineprint/testing';

import { createApiApp } from '../create-api-app';

const TOKEN = 'test-admin-token-0123456789';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A TCP proxy to PostgreSQL that the test can cut (refusing and dropping connections) and restore. */
async function startCuttableProxy(targetPort: number) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      server = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        upstream.connect(targetPort, '127.0.0.1', () => client.pipe(upstream).pipe(client));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });
  await open();
  return { port, open, cut };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await run();
  return { value, ms: Date.now() - started };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('backend outages: 503 within a second, recovery without a restart', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('PostgreSQL gone (connections cut and refused): reads and check-now answer 503 fast, then recover', async () => {
    const proxy = await startCuttableProxy(Number(new URL(db.url).port || 5432));
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    const app: INestApplication = await createApiApp(
      // READ_CACHE_MS=0: every read asks the database (else a read within a second of the
      // last one is answered from the stamp it reuses, which is fine, but not this test)
      testConfig({ DATABASE_URL: viaProxy.toString(), REDIS_URL, ADMIN_TOKEN: TOKEN, READ_CACHE_MS: '0' }),
      { logger: false },
    );
    await app.init();
    try {
      const http = request(app.getHttpServer());
      const { document } = await seedChange(app.get(PrismaService));
      expect((await http.get('/api/v1/changes')).status).toBe(200);

      await proxy.cut();
      const routes = [
        () => http.get('/api/v1/changes'),
        () => http.get('/feeds/changes.rss'),
        () => http.get(`/api/v1/documents/${document.id}`),
        () => http.post(`/api/v1/documents/${document.id}/check`).set('Authorization', `Bearer ${TOKEN}`),
        () =>
          http.post('/api/v1/subscriptions').send({ email: 'a@example.com', scope: { vendor: 'amazon' } }),
      ];
      for (const route of routes) {
        const { value, ms } = await timed(route);
        expect({ status: value.status, error: value.body?.error }).toEqual({
          status: 503,
          error: 'unavailable',
        });
        expect(value.headers['retry-after']).toBeDefined();
        expect(ms).toBeLessThan(1000);
      }

      await proxy.open();
      expect(await eventually(async () => (await http.get('/api/v1/changes')).status === 200)).toBe(true);
      const check = await http
        .post(`/api/v1/documents/${document.id}/check`)
        .set('Authorization', `Bearer ${TOKEN}`);
      expect(check.status).toBe(202);
    } finally {
      await proxy.open();
      await app.close();
      await proxy.cut();
    }
  }, 60_000);

  it('the queue backend (Redis) gone: routes that enqueue answer 503 within a second, then recover', async () => {
    const redis = await startRedisServer();
    const app: INestApplication = await createApiApp(
      testConfig({ DATABASE_URL: db.url, REDIS_URL: redis.url, ADMIN_TOKEN: TOKEN }),
      { logger: false },
    );
    await app.init();
    try {
      const http = request(app.getHttpServer());
      const { document } = await seedChange(app.get(PrismaService));
      const checkNow = () =>
        http.post(`/api/v1/documents/${document.id}/check`).set('Authorization', `Bearer ${TOKEN}`);
      const subscribe = (n: number) =>
        http
          .post('/api/v1/subscriptions')
          .set('X-Forwarded-For', `203.0.113.${n}`)
          .send({ email: `reader${n}@example.com` });
      expect((await subscribe(1)).status).toBe(202);

      await redis.stop();
      for (const route of [checkNow, () => subscribe(2)]) {
        const { value, ms } = await timed(route);
        expect({ status: value.status, error: value.body?.error }).toEqual({
          status: 503,
          error: 'unavailable',
        });
        expect(value.body.message).toMatch(/queue/);
        expect(ms).toBeLessThan(1000);
      }
      // reads that need only PostgreSQL are not affected
      expect((await http.get('/api/v1/changes')).status).toBe(200);

      await redis.start();
      expect(await eventually(async () => (await subscribe(3)).status === 202)).toBe(true);
      expect((await checkNow()).status).toBe(202);
    } finally {
      await app.close();
      await redis.stop();
    }
  }, 60_000);
});
