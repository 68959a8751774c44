/**
 * `npm run bench:fanout`: one change to 10,000 webhook endpoints on a local receiver,
 * then one change to 10,000 confirmed email subscribers on a local SMTP sink, through a
 * real worker process (fan-out job → delivery jobs → signed POSTs / SMTP → Delivery rows
 * in PostgreSQL). Prints deliveries/s, and in the same run the rate of bare BullMQ no-op
 * jobs for reference. Goal: ≥ 2,000 signed webhook deliveries/s recorded in the database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { Queue, Worker } from 'bullmq';

import { createPrismaClient } from '@fineprint/db';
import { generateWebhookSecret } from '@fineprint/notify';
import {
  createTestDatabase,
  seedChange,
  seedEndpoints,
  seedSubscribers,
  startSmtpSink,
  startWebhookReceiver,
  uniqueQueuePrefix,
} from '@fineprint/testing';

const N = Number(process.env['BENCH_TARGETS'] ?? 10_000);
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const ROOT = resolve(__dirname, '..');

async function bareBullmq(prefix: string): Promise<number> {
  const url = new URL(REDIS_URL);
  const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
  const queue = new Queue('bench-noop', { connection, prefix });
  let done = 0;
  const worker = new Worker('bench-noop', () => Promise.resolve(), { connection, prefix, concurrency: 100 });
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < N; i += 1000)
    await queue.addBulk(
      Array.from({ length: Math.min(1000, N - i) }, () => ({
        name: 'noop',
        data: {},
        opts: { removeOnComplete: true },
      })),
    );
  await new Promise<void>((r) => {
    worker.on('completed', () => {
      if (++done >= N) r();
    });
  });
  const rate = N / ((performance.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const prisma = createPrismaClient(db.url);
  const hooks = await startWebhookReceiver({ count: true });
  const smtp = await startSmtpSink({ parse: false });
  const secret = generateWebhookSecret();
  hooks.setSecret(secret);
  const prefix = uniqueQueuePrefix('bench');

  const worker: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/worker/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...(process.env['WORKER_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['WORKER_NODE_OPTIONS'] } : {}),
        DATABASE_URL: db.url,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        SMTP_URL: smtp.url,
        ALLOW_PRIVATE_NETWORKS: 'true',
        LOG_LEVEL: 'error',
        DELIVERY_CONCURRENCY: '200',
        RUN_SCHEDULERS: 'false',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const queue = new Queue('notify', {
    connection: { host: new URL(REDIS_URL).hostname, port: Number(new URL(REDIS_URL).port || 6379) },
    prefix,
  });

  const measure = async (label: string, changeId: string, channel: 'webhook' | 'email') => {
    const started = performance.now();
    await queue.add('fan-out-change', { changeId }, { jobId: `fanout_${changeId}` });
    let delivered = 0;
    while (delivered < N) {
      await new Promise((r) => setTimeout(r, 200));
      delivered = await prisma.delivery.count({ where: { changeId, channel, status: 'delivered' } });
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(34)} ${N} in ${seconds.toFixed(2)} s = ${(N / seconds).toFixed(0)} deliveries/s`,
    );
    return N / seconds;
  };

  // webhooks
  const first = await seedChange(prisma);
  await seedEndpoints(prisma, N, hooks.url, secret);
  await new Promise((r) => setTimeout(r, 3000)); // the worker boots
  const webhookRate = await measure('signed webhooks (fan-out → POST → DB)', first.change.id, 'webhook');
  const verified = hooks.received.filter((r) => r.verified).length;
  console.log(
    `  receiver: ${hooks.received.length} requests, ${verified} with a valid signature (independent verifier)`,
  );

  // emails
  await prisma.webhookEndpoint.updateMany({ data: { active: false } });
  const second = await seedChange(prisma, { vendorSlug: 'amazon' });
  await seedSubscribers(prisma, N);
  const emailRate = await measure('emails (fan-out → SMTP → DB)', second.change.id, 'email');
  console.log(`  SMTP sink: ${smtp.messages.length} messages`);

  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  const bare = await bareBullmq(`${prefix}-noop`);
  console.log(`bare BullMQ no-op jobs (reference):  ${bare.toFixed(0)} jobs/s`);
  console.log(
    `webhooks at ${((100 * webhookRate) / bare).toFixed(0)}% of the bare job rate, emails at ${((100 * emailRate) / bare).toFixed(0)}%`,
  );
  console.log(
    webhookRate >= 2000
      ? 'goal met: ≥ 2,000 signed webhook deliveries/s'
      : 'goal NOT met: < 2,000 signed webhook deliveries/s',
  );
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await prisma.$disconnect();
  await Promise.all([hooks.close(), smtp.close()]);
  await db.drop();
  process.exit(0);
}

void main();
