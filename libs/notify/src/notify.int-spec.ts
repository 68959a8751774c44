import { randomUUID } from 'node:crypto';

import { type INestApplicationContext } from '@nestjs/common';

import { PrismaService, scopeKey, type SubscriptionScope } from '@fineprint/db';
import { QueueProducer } from '@fineprint/queue';
import {
  createTestContext,
  createTestDatabase,
  seedChange,
  type SmtpSink,
  startSmtpSink,
  startWebhookReceiver,
  type TestDatabase,
  type WebhookReceiver,
} from '@fineprint/testing';

import { DeliverService } from './deliver/deliver.service';
import { FanOutService } from './fan-out/fan-out.service';
import { NotifyModule } from './notify.module';
import { SubscriptionTokens } from './subscription-tokens';
import { generateWebhookSecret } from './webhook/standard-webhooks.signer';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const EVERYTHING: SubscriptionScope = {
  vendorId: null,
  documentId: null,
  topic: null,
  minSeverity: 'low',
  includeCosmetic: false,
};

describe('notifications on real PostgreSQL, Redis, SMTP and webhook receivers', () => {
  let db: TestDatabase;
  let smtp: SmtpSink;
  let hooks: WebhookReceiver;
  let app: INestApplicationContext;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    hooks = await startWebhookReceiver();
    app = await createTestContext(
      {
        DATABASE_URL: db.url,
        REDIS_URL,
        SMTP_URL: smtp.url,
        WEBHOOK_TIMEOUT_MS: '800',
        WEBHOOK_DISABLE_AFTER: '3',
        PUBLIC_URL: 'http://fineprint.test',
      },
      [NotifyModule],
    );
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await hooks.close();
    await db.drop();
  });

  const subscribe = (email: string, scope: Partial<SubscriptionScope> = {}, confirmed = true) => {
    const id = randomUUID();
    const s = { ...EVERYTHING, ...scope };
    return prisma.subscription.create({
      data: {
        id,
        email,
        ...s,
        scopeKey: scopeKey(s),
        confirmed,
        unsubscribeTokenHash: SubscriptionTokens.hash(
          new SubscriptionTokens('insecure-development-secret-key').unsubscribeToken(id),
        ),
      },
    });
  };
  const endpoint = (path: string, scope: Partial<SubscriptionScope> = {}) => {
    const secret = generateWebhookSecret();
    hooks.setSecret(secret, path);
    return prisma.webhookEndpoint.create({
      data: { url: `${hooks.url}${path}`, secret, ...EVERYTHING, ...scope },
    });
  };
  const deliverAll = async (changeId: string) => {
    const rows = await prisma.delivery.findMany({ where: { changeId, status: 'pending' } });
    const service = app.get(DeliverService);
    return Promise.allSettled(rows.map((d) => service.deliver(d.id, { number: 1, last: false })));
  };

  it('fans a change out once per matching target, even when the fan-out runs twice', async () => {
    const { change, vendor } = await seedChange(prisma);
    await subscribe('all@example.com');
    await subscribe('voice@example.com', { topic: 'voice-recordings' });
    await subscribe('ai-only@example.com', { topic: 'ai-training' });
    await subscribe('other-vendor@example.com', { vendorId: randomUUID() });
    await subscribe('pending@example.com', {}, false);
    await subscribe('amazon-high@example.com', { vendorId: vendor.id, minSeverity: 'high' });
    await endpoint('/fan-a');
    const fanOut = app.get(FanOutService);
    const first = await fanOut.fanOut(change.id);
    const second = await fanOut.fanOut(change.id);
    expect(first).toMatchObject({ emails: 3, webhooks: 1 });
    expect(second).toMatchObject({ emails: 3, webhooks: 1 }); // the same pending deliveries, not new ones
    expect(await prisma.delivery.count({ where: { changeId: change.id } })).toBe(4);
    const jobs = await app
      .get(QueueProducer)
      .queue('deliver')
      .getJobCounts('waiting', 'delayed', 'prioritized');
    expect(Object.values(jobs).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('emails carry the summary, the cited sentence, a diff excerpt, the link and RFC 8058 unsubscribe headers', async () => {
    const { change } = await seedChange(prisma, { title: 'Alexa <b>Privacy</b> Settings' });
    const sub = await subscribe(`reader-${change.id}@example.com`);
    await app.get(FanOutService).fanOut(change.id);
    await deliverAll(change.id);
    const mail = await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(sub.email));
    expect(mail.subject).toMatch(
      /^\[Fineprint\] High: Amazon – Alexa <b>Privacy<\/b> Settings: opt-out removed/,
    );
    expect(mail.text).toContain(
      "When you turn on Do Not Send Voice Recordings, the audio of your Alexa requests is not sent to Amazon's cloud.",
    );
    expect(mail.text).toContain(`http://fineprint.test/changes/${change.id}`);
    expect(mail.html).toContain('Alexa &lt;b&gt;Privacy&lt;/b&gt; Settings');
    expect(mail.html).not.toContain('<b>Privacy</b>');
    const header = (key: string) =>
      mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '');
    expect(header('list-unsubscribe')).toMatch(
      /^<http:\/\/fineprint\.test\/api\/v1\/subscriptions\/unsubscribe\?token=[\w-]{20,}>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const row = await prisma.delivery.findFirstOrThrow({ where: { changeId: change.id, targetId: sub.id } });
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, responseCode: 250 });
  });

  it('webhooks are signed (checked by an independent verifier), a 500 is retried then delivered, a hang times out without delaying others', async () => {
    const { change } = await seedChange(prisma);
    const flaky = await endpoint(`/flaky-${change.id}`);
    const hang = await endpoint(`/hang-${change.id}`);
    const good = await endpoint(`/good-${change.id}`);
    hooks.setBehaviour((n) => (n === 1 ? 'fail500' : 'ok'), `/flaky-${change.id}`);
    hooks.setBehaviour('hang', `/hang-${change.id}`);
    await app.get(FanOutService).fanOut(change.id);
    const started = Date.now();
    const results = await deliverAll(change.id);
    expect(Date.now() - started).toBeLessThan(3000); // the hanging receiver cost one 0.8 s timeout, in parallel
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(2);

    const goodHit = (await hooks.waitFor(1, 5000, (r) => r.path === `/good-${change.id}`))[0];
    expect(goodHit?.verified).toBe(true);
    const payload = JSON.parse(goodHit?.body ?? '{}') as {
      type: string;
      version: string;
      data: { change: { id: string; severity: string; tags: { kind: string }[] } };
    };
    expect(payload).toMatchObject({
      type: 'change.detected',
      version: '2026-11-01',
      data: { change: { id: change.id, severity: 'high' } },
    });

    const flakyRow = await prisma.delivery.findFirstOrThrow({
      where: { changeId: change.id, targetId: flaky.id },
    });
    expect(flakyRow).toMatchObject({ status: 'pending', attempts: 1, responseCode: 500 });
    const hangRow = await prisma.delivery.findFirstOrThrow({
      where: { changeId: change.id, targetId: hang.id },
    });
    expect(hangRow.lastError).toMatch(/TIMEOUT/);
    // the retry (BullMQ would run it after its backoff)
    await app.get(DeliverService).deliver(flakyRow.id, { number: 2, last: false });
    const retried = await hooks.waitFor(1, 5000, (r) => r.path === `/flaky-${change.id}`);
    expect(retried[0]?.headers['webhook-id']).toBe(flakyRow.id); // stable across retries
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: flakyRow.id } })).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
    expect(
      (await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: good.id } })).consecutiveFailures,
    ).toBe(0);
  });

  it('disables an endpoint after a run of failures, with the reason visible', async () => {
    const { change } = await seedChange(prisma);
    const dead = await endpoint(`/dead-${change.id}`);
    hooks.setBehaviour('fail500', `/dead-${change.id}`);
    await app.get(FanOutService).fanOut(change.id);
    const row = await prisma.delivery.findFirstOrThrow({ where: { changeId: change.id, targetId: dead.id } });
    for (let i = 1; i <= 3; i++)
      await app
        .get(DeliverService)
        .deliver(row.id, { number: i, last: i === 3 })
        .catch(() => undefined);
    const after = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: dead.id } });
    expect(after.active).toBe(false);
    expect(after.disabledReason).toMatch(/3 consecutive failed deliveries; last: HTTP_500/);
    expect(await prisma.delivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'failed',
      attempts: 3,
    });
  });

  it('refuses loopback receivers when private networks are not allowed', async () => {
    const strict = await createTestContext(
      {
        DATABASE_URL: db.url,
        REDIS_URL,
        SMTP_URL: smtp.url,
        ALLOW_PRIVATE_NETWORKS: 'false',
      },
      [NotifyModule],
    );
    try {
      const result = await strict
        .get(DeliverService)
        .webhook.send(`${hooks.url}/private`, generateWebhookSecret(), 'x', '{}');
      expect(result).toMatchObject({ ok: false, error: { kind: 'permanent', code: 'PRIVATE_ADDRESS' } });
      hooks.setBehaviour({ status: 302, headers: { location: 'http://example.com/' } }, '/redirect');
      const redirect = await app
        .get(DeliverService)
        .webhook.send(`${hooks.url}/redirect`, generateWebhookSecret(), 'y', '{}');
      expect(redirect).toMatchObject({
        ok: false,
        status: 302,
        error: { kind: 'permanent', code: 'REDIRECT' },
      });
    } finally {
      await strict.close();
    }
  });
});
