import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import { loadConfig } from '@fineprint/config';
import { createPrismaClient } from '@fineprint/db';
import { QueueBackend } from '@fineprint/queue';
import { createTestDatabase, type TestDatabase, uniqueQueuePrefix } from '@fineprint/testing';

const ROOT = resolve(__dirname, '../../..');
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const JOBS = 1000;

function startWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '16', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`),
  );
  return child;
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
}

describe.each([
  ['redis', REDIS_URL],
  ['postgres', ''],
])('two worker processes on the %s backend', (_backend, redisUrl) => {
  let db: TestDatabase;
  let workers: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await stop(workers);
    await db.drop();
  });

  it(`handle a burst of ${JOBS} ping jobs, each exactly once`, async () => {
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl, QUEUE_PREFIX: uniqueQueuePrefix('w') };
    workers = [startWorker(env), startWorker(env)];

    const backend = new QueueBackend(loadConfig(env));
    const queue = backend.createQueue('system');
    const runId = randomUUID();
    await queue.addBulk(
      Array.from({ length: JOBS }, (_, seq) => ({
        name: 'ping',
        data: { runId, seq },
        opts: { jobId: `ping_${runId}_${seq}`, removeOnComplete: true },
      })),
    );

    const prisma = createPrismaClient(db.url);
    try {
      let handled = 0;
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        handled = await prisma.jobProbe.count({ where: { runId } });
        if (handled >= JOBS) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      await new Promise((r) => setTimeout(r, 1000)); // let any double handling surface
      const rows = await prisma.jobProbe.findMany({ where: { runId }, select: { seq: true, worker: true } });
      const perWorker = new Map<string, number>();
      for (const row of rows) perWorker.set(row.worker, (perWorker.get(row.worker) ?? 0) + 1);
      console.log(`[${_backend}] handled ${rows.length} jobs; per worker: ${JSON.stringify([...perWorker])}`);
      expect(rows).toHaveLength(JOBS);
      expect(new Set(rows.map((r) => r.seq)).size).toBe(JOBS);
      expect(perWorker.size).toBeGreaterThanOrEqual(1);
    } finally {
      await prisma.$disconnect();
      await queue.close();
    }
  }, 120_000);
});
