import { type INestApplication } from '@nestjs/common';
import request from 'supertest';

import { createTestDatabase, type TestDatabase, testConfig } from '@fineprint/testing';

import { createApiApp } from './create-api-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Issues 14 and 16: with N API replicas on one Redis, a client gets each limit once, not N times. */
describe('rate limits shared across API replicas', () => {
  let db: TestDatabase;
  let apps: INestApplication[];

  beforeAll(async () => {
    db = await createTestDatabase();
    // one installation (one QUEUE_PREFIX), two API processes
    const config = testConfig({ DATABASE_URL: db.url, REDIS_URL });
    apps = [await createApiApp(config, { logger: false }), await createApiApp(config, { logger: false })];
    await Promise.all(apps.map((app) => app.init()));
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await db.drop();
  });

  it('subscribing (5 a minute per address): 3 requests to each replica give one 429', async () => {
    const [a, b] = apps.map((app) => request(app.getHttpServer()));
    const client = { 'X-Forwarded-For': '203.0.113.7' };
    const statuses: number[] = [];
    // an invalid body is refused after the limit is counted, so no email is involved
    for (const http of [a, b, a, b, a, b])
      statuses.push((await http!.post('/api/v1/subscriptions').set(client).send({})).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses[5]).toBe(429);
    expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
    // another address is not affected, on either replica
    const other = { 'X-Forwarded-For': '203.0.113.8' };
    expect((await b!.post('/api/v1/subscriptions').set(other).send({})).status).toBe(400);
  });
});
