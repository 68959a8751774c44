import { randomUUID } from 'node:crypto';

import { type INestApplicationContext } from '@nestjs/common';

import { DeliveryRepository, PrismaService } from '@fineprint/db';
import {
  createTestContext,
  createTestDatabase,
  seedChange,
  seedEndpoints,
  seedSubscribers,
  type SmtpSink,
  startSmtpSink,
  startWebhookReceiver,
  type TestDatabase,
  type WebhookReceiver,
} from '@fineprint/testing';

import { FanOutService } from '../fan-out/fan-out.service';
import { NotifyModule } from '../notify.module';
import { generateWebhookSecret } from '../webhook/standard-webhooks.signer';
import { DeliverService } from './deliver.service';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('deliveries running side by side share their statements, each keeping its own result', () => {
  let db: TestDatabase;
  let smtp: SmtpSink;
  let hooks: WebhookReceiver;
  let app: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink({ parse: false });
    hooks = await startWebhookReceiver();
    app = await createTestContext({ DATABASE_URL: db.url, REDIS_URL, SMTP_URL: smtp.url }, [NotifyModule]);
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([smtp.close(), hooks.close()]);
    await db.drop();
  });

  const pendingOf = (changeId: string, channel: 'email' | 'webhook') =>
    prisma.delivery.findMany({ where: { changeId, channel, status: 'pending' } });

  it('records every webhook of a fan-out delivered once, with its own response, whatever the batch', async () => {
    const { change } = await seedChange(prisma, { vendorSlug: `v-${randomUUID().slice(0, 8)}` });
    const secret = generateWebhookSecret();
    hooks.setSecret(secret);
    await seedEndpoints(prisma, 120, `${hooks.url}/side`, secret);
    hooks.setBehaviour({ status: 503 }, '/side/e7'); // /side/e7, /side/e70…e79 fail
    await app.get(FanOutService).fanOut(change.id);
    const rows = await pendingOf(change.id, 'webhook');
    expect(rows).toHaveLength(120);
    const service = app.get(DeliverService);
    const results = await Promise.allSettled(
      rows.map((d) => service.deliver(d.id, { number: 1, last: false })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(109);
    const after = await prisma.delivery.findMany({ where: { changeId: change.id } });
    expect(
      after.filter((d) => d.status === 'delivered' && d.responseCode === 200 && d.attempts === 1),
    ).toHaveLength(109);
    const failed = after.filter((d) => d.status === 'pending');
    expect(failed).toHaveLength(11);
    expect(
      failed.every((d) => d.responseCode === 503 && d.attempts === 1 && d.lastError === 'HTTP_503: HTTP 503'),
    ).toBe(true);
    const ok = hooks.received.filter((r) => r.path.startsWith('/side/'));
    expect(ok).toHaveLength(109);
    expect(ok.every((r) => r.verified)).toBe(true);
    expect(new Set(ok.map((r) => r.headers['webhook-id'])).size).toBe(109);
  });

  it('reads each email delivery with its own subscription', async () => {
    const { change } = await seedChange(prisma, { vendorSlug: `v-${randomUUID().slice(0, 8)}` });
    await seedSubscribers(prisma, 30, `side-${change.id.slice(0, 8)}-`);
    const gone = await prisma.subscription.findFirstOrThrow({
      where: { email: `side-${change.id.slice(0, 8)}-0@example.com` },
    });
    await app.get(FanOutService).fanOut(change.id);
    await prisma.subscription.update({ where: { id: gone.id }, data: { unsubscribedAt: new Date() } });
    const rows = await pendingOf(change.id, 'email');
    const service = app.get(DeliverService);
    const outcomes = await Promise.all(rows.map((d) => service.deliver(d.id, { number: 1, last: false })));
    expect(outcomes.filter((o) => o === 'delivered')).toHaveLength(29);
    const skipped = await prisma.delivery.findFirstOrThrow({
      where: { changeId: change.id, targetId: gone.id },
    });
    expect(skipped).toMatchObject({ status: 'skipped', lastError: 'not confirmed, or unsubscribed' });
  });

  it('a malformed or unknown delivery id fails only its own job', async () => {
    const { change } = await seedChange(prisma, { vendorSlug: `v-${randomUUID().slice(0, 8)}` });
    const secret = generateWebhookSecret();
    hooks.setSecret(secret, '/lone');
    await seedEndpoints(prisma, 1, `${hooks.url}/lone`, secret);
    await app.get(FanOutService).fanOut(change.id);
    // the fan-out also reaches the earlier tests' endpoints (some answer 503): take this one's
    const lone = await prisma.webhookEndpoint.findFirstOrThrow({ where: { url: `${hooks.url}/lone/e0` } });
    const row = (await pendingOf(change.id, 'webhook')).find((d) => d.webhookEndpointId === lone.id);
    const service = app.get(DeliverService);
    const [good, malformed, unknown] = await Promise.allSettled([
      service.deliver(row?.id ?? '', { number: 1, last: false }),
      service.deliver('not-a-uuid', { number: 1, last: false }),
      service.deliver(randomUUID(), { number: 1, last: false }),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: 'delivered' });
    expect(malformed).toMatchObject({
      status: 'rejected',
      reason: { code: 'DELIVERY_GONE', permanent: true },
    });
    expect(unknown).toMatchObject({ status: 'rejected', reason: { code: 'DELIVERY_GONE', permanent: true } });
  });

  it('two attempts at one delivery recorded at the same moment are both counted', async () => {
    const { change } = await seedChange(prisma, { vendorSlug: `v-${randomUUID().slice(0, 8)}` });
    await seedEndpoints(prisma, 1, `${hooks.url}/twice`, generateWebhookSecret());
    await app.get(FanOutService).fanOut(change.id);
    const [row] = await pendingOf(change.id, 'webhook');
    const id = row?.id ?? '';
    const deliveries = app.get(DeliveryRepository);
    await Promise.all([
      deliveries.recordAttempt(id, { status: 'pending', responseCode: 500, error: 'HTTP_500' }),
      deliveries.recordAttempt(id, { status: 'delivered', responseCode: 200 }),
    ]);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'delivered',
      attempts: 2,
      responseCode: 200,
      lastError: null,
    });
  });
});
