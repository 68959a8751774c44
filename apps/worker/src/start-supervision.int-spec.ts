import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Client } from 'pg';

import { loadConfig } from '@fineprint/config';
import { createPrismaClient } from '@fineprint/db';
import { generateWebhookSecret } from '@fineprint/notify';
import { QueueBackend } from '@fineprint/queue';
import {
  freePort,
  seedChange,
  seedEndpoints,
  startWebhookReceiver,
  uniqueQueuePrefix,
  type WebhookReceiver,
} from '@fineprint/testing';

const ROOT = resolve(__dirname, '../../..');
const ENDPOINTS = 60;
const CONCURRENCY = 20;
/** Each receiver answers this long after the request: the kill lands while requests are in flight. */
const SLOW_MS = 1500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * `npm start` (scripts/start.mjs) on its own schema and queue prefix, with the default job
 * lock settings; the worker is killed with SIGKILL while it delivers a change to many
 * webhook endpoints. The supervisor starts a new worker, the API answers throughout, and
 * the deliveries the dead worker held come back within 30 s as second attempts under
 * their first webhook-id.
 */
describe('npm start: the worker killed (SIGKILL) in the middle of a fan-out', () => {
  // a database of its own, not a schema: `prisma migrate deploy` (run by start.mjs) goes
  // through the pg adapter, which ignores `?schema=` and would migrate the shared `public`
  const admin = new URL(process.env['DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/test');
  admin.search = '';
  const database = `crash_${process.pid}_${randomBytes(4).toString('hex')}`;
  const target = new URL(admin);
  target.pathname = `/${database}`;
  const databaseUrl = target.toString();
  const asAdmin = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const catalogDir = mkdtempSync(join(tmpdir(), 'fineprint-empty-catalog-'));
  let hooks: WebhookReceiver;
  let start: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    await asAdmin(`CREATE DATABASE "${database}"`);
  });
  afterAll(async () => {
    if (start?.pid) {
      try {
        process.kill(-start.pid, 'SIGKILL'); // whatever is left of the group: start.mjs, the API, the worker
      } catch {
        // all gone already
      }
    }
    await hooks.close();
    rmSync(catalogDir, { recursive: true, force: true });
    await asAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  const waitFor = async (what: string, test: () => boolean | Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await test())) {
      if (Date.now() > deadline || (start && !alive(start)))
        throw new Error(`${what}: not within ${timeoutMs} ms\n${output.slice(-4000)}`);
      await sleep(50);
    }
  };
  const workerPids = () => [...output.matchAll(/› worker started \(pid (\d+)/g)].map((m) => Number(m[1]));

  it('restarts the worker, keeps the API serving, and redelivers the interrupted deliveries as second attempts', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      FINEPRINT_OWN_GROUP: '1', // this test is the supervisor's parent: no group of its own
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: uniqueQueuePrefix('start'),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      ALLOW_PRIVATE_NETWORKS: 'true',
      RUN_SCHEDULERS: 'false',
      CATALOG_DIR: catalogDir,
      LOG_LEVEL: 'warn',
      DELIVERY_CONCURRENCY: String(CONCURRENCY),
      WEBHOOK_TIMEOUT_MS: '10000',
    };
    delete env['JOB_LOCK_MS']; // the defaults must bring a lost job back within 30 s
    start = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    start.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    await waitFor('npm start running', () => output.includes('Fineprint is running'), 60_000);
    await waitFor('the worker started', () => workerPids().length === 1, 5_000);

    const prisma = createPrismaClient(databaseUrl);
    const queue = new QueueBackend(loadConfig(env)).createQueue('notify');
    try {
      const { change } = await seedChange(prisma);
      const secret = generateWebhookSecret();
      hooks.setSecret(secret);
      hooks.setBehaviour({ status: 200, delayMs: SLOW_MS });
      await seedEndpoints(prisma, ENDPOINTS, hooks.url, secret);
      await queue.add('fan-out-change', { changeId: change.id }, { jobId: `fanout_${change.id}` });

      // the first wave answered, the second in flight: kill the worker
      await waitFor('deliveries in flight', () => hooks.attempts.length >= CONCURRENCY + 5, 30_000);
      const [firstPid] = workerPids();
      process.kill(firstPid as number, 'SIGKILL');
      const killedAt = Date.now();
      const sentAtKill = hooks.attempts.length;
      const answered = (
        await prisma.delivery.findMany({ where: { changeId: change.id, status: 'delivered' } })
      ).length;
      expect(answered).toBeLessThan(ENDPOINTS); // the kill came mid-way

      // the API keeps answering while the worker is down and until it is back
      const health: number[] = [];
      while (workerPids().length < 2 && Date.now() - killedAt < 15_000) {
        health.push((await fetch(`${url}/health`)).status);
        await sleep(100);
      }
      expect(workerPids()).toHaveLength(2);
      expect(workerPids()[1]).not.toBe(firstPid);
      expect(output).toMatch(/the worker process exited \(SIGKILL\); starting it again/);
      expect(health.length).toBeGreaterThan(0);
      expect(health.every((s) => s === 200)).toBe(true);

      // every delivery done within 30 s of the kill
      let delivered = 0;
      while (Date.now() - killedAt < 30_000) {
        delivered = await prisma.delivery.count({ where: { changeId: change.id, status: 'delivered' } });
        if (delivered === ENDPOINTS) break;
        await sleep(200);
      }
      const doneAfterMs = Date.now() - killedAt;
      expect(delivered).toBe(ENDPOINTS);

      // every endpoint heard of the change; a repeat only ever under the same webhook-id
      const ids = new Map<string, Set<string>>();
      const count = new Map<string, number>();
      for (const r of hooks.received) {
        ids.set(r.path, (ids.get(r.path) ?? new Set()).add(String(r.headers['webhook-id'])));
        count.set(r.path, (count.get(r.path) ?? 0) + 1);
      }
      expect(ids.size).toBe(ENDPOINTS);
      expect([...ids.values()].every((s) => s.size === 1)).toBe(true);
      expect(hooks.received.every((r) => r.verified)).toBe(true);

      // the attempts are on record: a delivery sent twice says two attempts, the first lost
      const rows = await prisma.delivery.findMany({
        where: { changeId: change.id },
        include: { webhookEndpoint: { select: { url: true } } },
      });
      const repeated = rows.filter(
        (d) => (count.get(new URL(d.webhookEndpoint?.url ?? '').pathname) ?? 0) > 1,
      );
      expect(repeated.length).toBeGreaterThan(0);
      for (const d of rows) {
        const sent = count.get(new URL(d.webhookEndpoint?.url ?? '').pathname) ?? 0;
        expect(d.attempts).toBeGreaterThanOrEqual(sent);
        expect(d.attempts).toBeLessThanOrEqual(2);
      }
      console.log(
        `killed with ${sentAtKill} requests sent and ${answered} recorded; all ${ENDPOINTS} delivered ` +
          `${doneAfterMs} ms after the kill; ${repeated.length} sent twice under one id, each on record as 2 attempts`,
      );

      // Ctrl-C stops everything
      const stopped = new Promise<number | null>((done) => start?.once('exit', (code) => done(code)));
      process.kill(start.pid as number, 'SIGINT');
      expect(await stopped).toBe(0);
    } finally {
      await queue.close();
      await prisma.$disconnect();
    }
  }, 150_000);
});
