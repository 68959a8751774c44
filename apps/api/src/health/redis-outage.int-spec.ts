import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import { type INestApplication } from '@nestjs/common';
import request from 'supertest';

import { createPrismaClient } from '@fineprint/db';
import { QueueBackend } from '@fineprint/queue';
import { createTestDatabase, startRedisServer, type TestDatabase, testConfig } from '@fineprint/testing';

import { createApiApp } from '../create-api-app';

const ROOT = resolve(__dirname, '../../../..');

describe('a Redis outage (private redis-server, stopped and restarted)', () => {
  let db: TestDatabase;
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  let app: INestApplication;
  let worker: ChildProcess;
  let workerLog = '';
  const workerExit: { code: number | null } = { code: null };

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startRedisServer();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await app?.close();
    await redis.stop();
    await db.drop();
  });

  it('reports Redis down with 503, keeps the worker alive, and recovers without a restart', async () => {
    const config = testConfig({ DATABASE_URL: db.url, REDIS_URL: redis.url });
    app = await createApiApp(config, { logger: false });
    await app.init();
    worker = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (c: Buffer) => (workerLog += c.toString()));
    worker.stderr?.on('data', (c: Buffer) => (workerLog += c.toString()));
    worker.on('exit', (code) => (workerExit.code = code));

    // the worker is serving (connected to Redis) before the outage starts
    for (const until = Date.now() + 30_000; !workerLog.includes('serving queues') && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 100));
    expect(workerLog).toContain('serving queues');

    const up = await request(app.getHttpServer()).get('/health');
    expect(up.status).toBe(200);
    expect(up.body.details.redis.status).toBe('up');
    expect(up.body.details.postgres.status).toBe('up');

    await redis.stop();
    const down = await request(app.getHttpServer()).get('/health');
    expect(down.status).toBe(503);
    expect(down.body.details.redis.status).toBe('down');
    expect(down.body.details.postgres.status).toBe('up');

    const lost = /reconnecting|ECONNREFUSED|Connection is closed/;
    for (const until = Date.now() + 15_000; !lost.test(workerLog) && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 200));
    expect(workerExit.code).toBeNull(); // still running
    expect(workerLog).toMatch(lost);

    await redis.start();
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await request(app.getHttpServer()).get('/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);

    // the same worker, never restarted, handles a job after the outage
    const queue = new QueueBackend(config).createQueue('system');
    const runId = randomUUID();
    await queue.add('ping', { runId, seq: 1 }, { jobId: `ping_${runId}` });
    const prisma = createPrismaClient(db.url);
    try {
      let handled = 0;
      const until = Date.now() + 20_000;
      while (Date.now() < until && handled === 0) {
        handled = await prisma.jobProbe.count({ where: { runId } });
        if (handled === 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(handled).toBe(1);
    } finally {
      await prisma.$disconnect();
      await queue.close();
    }
  }, 60_000);
});
