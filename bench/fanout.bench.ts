/**
 * `npm run bench:fanout`: one change to 10,000 webhook endpoints on a local receiver,
 * then one change to 10,000 confirmed email subscribers on a local SMTP sink, through a
 * real worker process (fan-out job → delivery jobs → signed POSTs / SMTP → Delivery rows
 * in PostgreSQL). Prints deliveries/s, and in the same run the rate of bare BullMQ no-op
 * jobs for reference. Goal: ≥ 2,000 signed webhook deliveries/s recorded in the database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';

import { createPrismaClient, parseDatabaseUrl } from '@fineprint/db';
import { DELIVERY_JOB_OPTIONS, generateWebhookSecret } from '@fineprint/notify';
import {
  createTestDatabase,
  seedChange,
  seedEndpoints,
  seedSubscribers,
  startSmtpSink,
  startWebhookReceiver,
  uniqueQueuePrefix,
} from '@fineprint/testing';

import { bullmqJobRate } from './bullmq-job-rate';
import { pidCpuMs, processesCpuMs } from './process-cpu';

const N = Number(process.env['BENCH_TARGETS'] ?? 10_000);
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const ROOT = resolve(__dirname, '..');
const CONCURRENCY = Number(process.env['DELIVERY_CONCURRENCY'] ?? 200);
/** A run that stalls (a delivery failing for good, a hung worker) ends with a message, not forever. */
const DEADLINE_MS = Number(process.env['BENCH_DEADLINE_MS'] ?? 300_000);
/**
 * BENCH_COUNTERS=1 also prints SQL transactions and Redis calls per delivery, from
 * server-wide counters (other clients of the same servers add noise). PostgreSQL
 * publishes an idle backend's counts after up to 10 s, so each phase then waits 11 s.
 */
const COUNTERS = process.env['BENCH_COUNTERS'] === '1';
/** BENCH_WORKERS=2: replicas of the worker process sharing the queues, as in production. */
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? 1);
/**
 * The webhook phase is repeated (a new change to the same endpoints each time) and its
 * median reported: one run takes about 5 s and moves with the host's load.
 */
const WEBHOOK_RUNS = Number(process.env['BENCH_WEBHOOK_RUNS'] ?? 3);
/** BENCH_CHANNELS=webhook (or email): run only that phase, e.g. to profile it. */
const CHANNELS = (process.env['BENCH_CHANNELS'] ?? 'webhook,email').split(',');

/** Redis commands (those run inside Lua scripts included) and script calls, server-wide. */
async function redisCounters(): Promise<{ commands: number; scripts: number }> {
  const client = new Redis(REDIS_URL);
  try {
    const info = await client.info('commandstats');
    let commands = 0;
    let scripts = 0;
    for (const m of info.matchAll(/^cmdstat_([\w|-]+):calls=(\d+)/gm)) {
      const calls = Number(m[2]);
      if (m[1] === 'info') continue;
      commands += calls;
      if (/^(evalsha|eval|evalsha_ro|eval_ro|fcall)$/.test(m[1] ?? '')) scripts += calls;
    }
    return { commands, scripts };
  } finally {
    client.disconnect();
  }
}

/** Committed transactions (one per autocommit statement) of the bench's database, server-wide. */
async function pgTransactions(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: parseDatabaseUrl(databaseUrl).connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const prisma = createPrismaClient(db.url);
  const hooks = await startWebhookReceiver({ count: true });
  const smtp = await startSmtpSink({ parse: false });
  const secret = generateWebhookSecret();
  hooks.setSecret(secret);
  const prefix = uniqueQueuePrefix('bench');

  const spawnWorker = (): ChildProcess =>
    spawn(
      process.execPath,
      // WORKER_NODE_ARGS: flags NODE_OPTIONS refuses, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
      [
        ...(process.env['WORKER_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
        '-r',
        '@swc-node/register',
        'apps/worker/src/main.ts',
      ],
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
          DELIVERY_CONCURRENCY: String(CONCURRENCY),
          RUN_SCHEDULERS: 'false',
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
  const workers = Array.from({ length: WORKERS }, spawnWorker);
  const workersCpu = () => {
    const each = workers.map((w) => pidCpuMs(w.pid));
    return each.some((c) => c === null) ? null : each.reduce((a: number, c) => a + (c ?? 0), 0);
  };
  const queue = new Queue('notify', {
    connection: { host: new URL(REDIS_URL).hostname, port: Number(new URL(REDIS_URL).port || 6379) },
    prefix,
  });

  // the worker is serving once it has run a ping job (instead of guessing its boot time)
  const system = new Queue('system', {
    connection: { host: new URL(REDIS_URL).hostname, port: Number(new URL(REDIS_URL).port || 6379) },
    prefix,
  });
  const ping = await system.add('ping', { runId: `bench-${prefix}`, seq: 1 });
  for (const until = Date.now() + 60_000; (await ping.getState()) !== 'completed';) {
    if (Date.now() > until) throw new Error('the worker did not start within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  // with replicas: every one of them listening on the notify queue
  for (const until = Date.now() + 60_000; (await queue.getWorkersCount()) < WORKERS;) {
    if (Date.now() > until) throw new Error(`${WORKERS} workers did not start within 60 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await system.close();

  const perItem = (before: number | null, after: number | null) =>
    before === null || after === null ? 'n/a' : `${((after - before) / N).toFixed(3)} ms`;
  const counters = async () => ({ ...(await redisCounters()), sql: await pgTransactions(db.url) });
  const measure = async (label: string, changeId: string, channel: 'webhook' | 'email') => {
    const before = COUNTERS ? await counters() : null;
    const workerCpu = workersCpu();
    const benchCpu = process.cpuUsage();
    const serversCpu = { postgres: processesCpuMs(/^postgres$/), redis: processesCpuMs(/^redis-server$/) };
    const started = performance.now();
    const arrived = () => (channel === 'webhook' ? hooks.received.length : smtp.messages.length);
    const arrivedBefore = arrived();
    await queue.add('fan-out-change', { changeId }, { jobId: `fanout_${changeId}` });
    // done when every row says delivered (the rate counts what is recorded, not what was
    // sent). The database is only polled once the local receiver (or SMTP sink) has all N
    // in hand: a count over the growing Delivery table every 50 ms during the whole run
    // took PostgreSQL CPU from the system under test.
    while (arrived() - arrivedBefore < N && performance.now() - started < DEADLINE_MS)
      await new Promise((r) => setTimeout(r, 10));
    let delivered = 0;
    while (delivered < N) {
      await new Promise((r) => setTimeout(r, 10));
      delivered = await prisma.delivery.count({ where: { changeId, channel, status: 'delivered' } });
      if (performance.now() - started > DEADLINE_MS) {
        const by = await prisma.delivery.groupBy({
          by: ['status'],
          where: { changeId, channel },
          _count: true,
        });
        throw new Error(
          `${label}: only ${delivered} of ${N} delivered after ${DEADLINE_MS} ms: ${JSON.stringify(by)}`,
        );
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(34)} ${N} in ${seconds.toFixed(2)} s = ${(N / seconds).toFixed(0)} deliveries/s`,
    );
    // CPU per delivery: comparable between runs even when other work shares the machine
    const workerCpuAfter = workersCpu();
    const benchCpuUsed = process.cpuUsage(benchCpu);
    if (workerCpu !== null && workerCpuAfter !== null)
      console.log(
        `  CPU per delivery: worker ${((workerCpuAfter - workerCpu) / N).toFixed(3)} ms, ` +
          `bench process (receiver or SMTP sink) ${((benchCpuUsed.user + benchCpuUsed.system) / 1000 / N).toFixed(3)} ms, ` +
          `PostgreSQL ${perItem(serversCpu.postgres, processesCpuMs(/^postgres$/))}, ` +
          `Redis ${perItem(serversCpu.redis, processesCpuMs(/^redis-server$/))}`,
      );
    const fanOut = await queue.getJob(`fanout_${changeId}`);
    if (fanOut?.processedOn && fanOut.finishedOn)
      console.log(
        `  of which the fan-out job (rows + enqueue): ${fanOut.finishedOn - fanOut.processedOn} ms`,
      );
    if (before) {
      await new Promise((r) => setTimeout(r, 11_000));
      const after = await counters();
      console.log(
        `  per delivery (≈): ${((after.sql - before.sql) / N).toFixed(2)} SQL transactions, ` +
          `${((after.scripts - before.scripts) / N).toFixed(2)} Redis script calls, ` +
          `${((after.commands - before.commands) / N).toFixed(1)} Redis commands (incl. inside scripts)`,
      );
    }
    return N / seconds;
  };

  let webhookRate = Number.NaN;
  let emailRate = Number.NaN;
  if (CHANNELS.includes('webhook')) {
    await seedEndpoints(prisma, N, hooks.url, secret);
    const rates: number[] = [];
    for (let run = 1; run <= WEBHOOK_RUNS; run++) {
      const { change } = await seedChange(prisma);
      const before = hooks.received.length;
      rates.push(await measure(`signed webhooks (fan-out → POST → DB)`, change.id, 'webhook'));
      const batch = hooks.received.slice(before);
      const verified = batch.filter((r) => r.verified).length;
      console.log(
        `  receiver: ${batch.length} requests, ${verified} with a valid signature (independent verifier)`,
      );
    }
    webhookRate = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] ?? 0;
    console.log(
      `signed webhooks, median of ${rates.length} runs: ${webhookRate.toFixed(0)} deliveries/s (${rates.map((r) => r.toFixed(0)).join(', ')})`,
    );
    await prisma.webhookEndpoint.updateMany({ data: { active: false } });
  }
  if (CHANNELS.includes('email')) {
    const second = await seedChange(prisma, { vendorSlug: 'amazon' });
    await seedSubscribers(prisma, N);
    emailRate = await measure('emails (fan-out → SMTP → DB)', second.change.id, 'email');
    console.log(`  SMTP sink: ${smtp.messages.length} messages`);
  }

  await Promise.all(
    workers.map(async (w) => {
      w.kill('SIGTERM');
      await new Promise((r) => w.once('exit', r));
    }),
  );
  // bare BullMQ: no-op jobs with the deliveries' concurrency and retention, on the same Redis
  const bare = await bullmqJobRate({
    redisUrl: REDIS_URL,
    prefix: `${prefix}-noop`,
    count: N,
    concurrency: CONCURRENCY,
    removeOnComplete: Boolean(DELIVERY_JOB_OPTIONS.removeOnComplete),
    work: () => Promise.resolve(),
  });
  console.log(`bare BullMQ no-op jobs (reference):  ${bare.toFixed(0)} jobs/s`);
  const share = (rate: number) => (Number.isNaN(rate) ? 'not run' : `${((100 * rate) / bare).toFixed(0)}%`);
  console.log(`of the bare job rate: webhooks ${share(webhookRate)}, emails ${share(emailRate)}`);
  if (!Number.isNaN(webhookRate))
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
