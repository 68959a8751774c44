import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { loadConfig } from '@fineprint/config';
import { createPrismaClient } from '@fineprint/db';
import { generateWebhookSecret } from '@fineprint/notify';
import { QueueBackend } from '@fineprint/queue';
import {
  createTestDatabase,
  seedChange,
  seedEndpoints,
  seedSubscribers,
  type SmtpSink,
  startSmtpSink,
  startWebhookReceiver,
  type TestDatabase,
  uniqueQueuePrefix,
  type WebhookReceiver,
} from '@fineprint/testing';

const ROOT = resolve(__dirname, '../../..');
const TARGETS = 300;

describe('a worker killed in the middle of a fan-out, then restarted', () => {
  let db: TestDatabase;
  let hooks: WebhookReceiver;
  let smtp: SmtpSink;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    hooks = await startWebhookReceiver();
    smtp = await startSmtpSink({ parse: true });
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await Promise.all([hooks.close(), smtp.close()]);
    await db.drop();
  });

  it('loses no delivery, and sends none twice under two different ids', async () => {
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: uniqueQueuePrefix('crash'),
      SMTP_URL: smtp.url,
      ALLOW_PRIVATE_NETWORKS: 'true',
      RUN_SCHEDULERS: 'false',
      JOB_LOCK_MS: '3000',
      DELIVERY_CONCURRENCY: '20',
      LOG_LEVEL: 'error',
    };
    const start = () => {
      const w = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      workers.push(w);
      return w;
    };
    const prisma = createPrismaClient(db.url);
    try {
      const { change } = await seedChange(prisma);
      const secret = generateWebhookSecret();
      hooks.setSecret(secret);
      // slow receivers, so the kill lands while deliveries are in flight
      hooks.setBehaviour(() => 'ok');
      await seedEndpoints(prisma, TARGETS, hooks.url, secret);
      await seedSubscribers(prisma, TARGETS, 'r');
      const first = start();
      const queue = new QueueBackend(loadConfig(env)).createQueue('notify');
      await queue.add('fan-out-change', { changeId: change.id }, { jobId: `fanout_${change.id}` });
      const deadline = Date.now() + 30_000;
      while (hooks.received.length + smtp.messages.length < 150 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      first.kill('SIGKILL');
      const seenAtKill = hooks.received.length + smtp.messages.length;
      expect(seenAtKill).toBeLessThan(2 * TARGETS); // the kill came mid-way
      start();

      const until = Date.now() + 60_000;
      let delivered = 0;
      while (Date.now() < until) {
        delivered = await prisma.delivery.count({ where: { changeId: change.id, status: 'delivered' } });
        if (delivered === 2 * TARGETS) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(delivered).toBe(2 * TARGETS);
      expect(await prisma.delivery.count({ where: { changeId: change.id } })).toBe(2 * TARGETS);

      // every endpoint and every address heard about the change
      const paths = new Set(hooks.received.map((r) => r.path));
      expect(paths.size).toBe(TARGETS);
      const recipients = new Set(smtp.messages.map((m) => JSON.stringify(m.to)));
      expect(recipients.size).toBe(TARGETS);
      // at-least-once: a request in flight when the worker died may be sent again, but only
      // ever under the same webhook-id / Message-ID, so a receiver can drop the repeat
      const idsPerPath = new Map<string, Set<string>>();
      for (const r of hooks.received)
        idsPerPath.set(r.path, (idsPerPath.get(r.path) ?? new Set()).add(String(r.headers['webhook-id'])));
      expect([...idsPerPath.values()].every((ids) => ids.size === 1)).toBe(true);
      const idsPerRecipient = new Map<string, Set<string>>();
      for (const m of smtp.messages)
        idsPerRecipient.set(
          JSON.stringify(m.to),
          (idsPerRecipient.get(JSON.stringify(m.to)) ?? new Set()).add(m.messageId ?? ''),
        );
      expect([...idsPerRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
      const repeats = hooks.received.length + smtp.messages.length - 2 * TARGETS;
      console.log(`kill after ${seenAtKill} sends; ${repeats} repeated send(s), all under their original id`);
      expect(repeats).toBeLessThanOrEqual(2 * 20); // at most the deliveries in flight at the kill
      await queue.close();
    } finally {
      await prisma.$disconnect();
    }
  }, 120_000);
});
