/**
 * `npm run bench:check`: 1,000 documents on a local site, checked through the real
 * pipeline (BullMQ jobs on Redis → check processor → fetch, extract, decide, store in
 * PostgreSQL → diff jobs), in three passes: all new, none changed, 10% changed. For each
 * pass: documents/s and peak memory, and in the same run the rate of a bare undici loop
 * fetching the same pages with the same concurrency, so the ratio shows the pipeline's
 * overhead. Goal: the unchanged pass at ≥ 50% of the bare loop's rate.
 */
import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { type AddressInfo } from 'node:net';

import { createHash } from 'node:crypto';

import { NestFactory } from '@nestjs/core';
import { Agent, request } from 'undici';

import { PrismaService } from '@fineprint/db';
import { QueueProducer } from '@fineprint/queue';
import { createTestDatabase, testConfig, uniqueQueuePrefix } from '@fineprint/testing';

import { WorkerModule } from '../apps/worker/src/worker.module';
import { bullmqJobRate } from './bullmq-job-rate';
import { paragraph, rng } from './generate-text';
import { describeCpuPerItem, sampleCpu } from './process-cpu';

const DOCS = Number(process.env['BENCH_DOCS'] ?? 1000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const QUIET_RUNS = Number(process.env['BENCH_QUIET_RUNS'] ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  // the site: one page per document, ~25 KB each, with page furniture around the content
  const next = rng(7);
  const bodies = Array.from(
    { length: DOCS },
    (_, i) =>
      Array.from({ length: 40 }, () => paragraph(next))
        .map((p) => `<p>${p}</p>`)
        .join('') + `<p>Document ${i}.</p>`,
  );
  const edits = new Set<number>();
  const render = (i: number) =>
    `<!doctype html><html><head><title>Policy ${i}</title></head><body><nav><a href="/">Home</a></nav><main id="doc"><h1>Privacy Policy ${i}</h1>${bodies[i]}${edits.has(i) ? '<p>We now share your data with advertising partners.</p>' : ''}</main><footer>© Example</footer></body></html>`;
  let served = 0;
  const site = createServer((req, res) => {
    served++;
    const i = Number((req.url ?? '').split('/').pop());
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(render(i));
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  const db = await createTestDatabase();
  const config = testConfig({
    DATABASE_URL: db.url,
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    WORKER_CONCURRENCY: String(CONCURRENCY * 2),
    RUN_SCHEDULERS: 'false',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger: false });
  const prisma = app.get(PrismaService);
  const queues = app.get(QueueProducer);
  const vendor = await prisma.vendor.create({ data: { slug: 'bench', name: 'Bench' } });
  await prisma.document.createMany({
    data: Array.from({ length: DOCS }, (_, i) => ({
      vendorId: vendor.id,
      slug: `doc-${i}`,
      title: `Policy ${i}`,
      url: `${siteUrl}/doc/${i}`,
      select: ['#doc'],
      fetchMode: 'http' as const,
    })),
  });
  const docs = await prisma.document.findMany({ select: { id: true } });

  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

  const pass = async (label: string) => {
    peak = process.memoryUsage().rss;
    const before = await prisma.checkRun.count();
    const servedBefore = served;
    const cpuBefore = sampleCpu();
    const started = performance.now();
    // plain jobs with BullMQ's own ids (not the check-now contract's one-per-document id)
    await queues.queue('check').addBulk(
      docs.map((d) => ({
        name: 'check-document',
        data: { documentId: d.id, trigger: 'manual' as const },
        opts: { removeOnComplete: true },
      })),
    );
    // the database is polled only once the site has served every page of the pass: a
    // count over the growing CheckRun table every 50 ms took CPU from the checks themselves
    while (served - servedBefore < DOCS) await new Promise((r) => setTimeout(r, 5));
    while ((await prisma.checkRun.count()) - before < DOCS) await new Promise((r) => setTimeout(r, 5));
    const seconds = (performance.now() - started) / 1000;
    // CPU per check of this process (worker and site), PostgreSQL and Redis: on two cores
    // they compete, so a rate alone does not say where the time went
    const cpu = describeCpuPerItem(cpuBefore, sampleCpu(), DOCS, 'worker+site');
    const versions = await prisma.version.count();
    return { label, rate: DOCS / seconds, seconds, peakMb: peak / 1048576, versions, cpu };
  };

  let bareCpu = '';
  const bare = async () => {
    const agent = new Agent({ connections: CONCURRENCY });
    const cpuBefore = sampleCpu();
    const started = performance.now();
    let index = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (index < DOCS) {
          const i = index++;
          const response = await request(`${siteUrl}/doc/${i}`, { dispatcher: agent });
          await response.body.arrayBuffer();
        }
      }),
    );
    const rate = DOCS / ((performance.now() - started) / 1000);
    bareCpu = describeCpuPerItem(cpuBefore, sampleCpu(), DOCS, 'loop+site');
    await agent.close();
    return rate;
  };

  /**
   * The floor of any design with one BullMQ job per check: jobs that only fetch and hash
   * their page (no database, no extraction), on the same Redis with the worker's
   * concurrency and the same agent size as the fetcher. The pipeline cannot beat it.
   */
  let jobsCpu = '';
  const jobsOnly = async () => {
    const agent = new Agent({ connections: CONCURRENCY });
    let cpuBefore = sampleCpu();
    try {
      return await bullmqJobRate({
        redisUrl: config.REDIS_URL,
        prefix: uniqueQueuePrefix('bench-floor'),
        count: DOCS,
        concurrency: CONCURRENCY * 2,
        removeOnComplete: true,
        work: async (i) => {
          const response = await request(`${siteUrl}/doc/${i}`, { dispatcher: agent });
          createHash('sha256')
            .update(Buffer.from(await response.body.arrayBuffer()))
            .digest('hex');
        },
        onStart: () => (cpuBefore = sampleCpu()),
        onFinish: () => (jobsCpu = describeCpuPerItem(cpuBefore, sampleCpu(), DOCS, 'jobs+site')),
      });
    } finally {
      await agent.close();
    }
  };

  console.log(
    `${DOCS} documents, ${CONCURRENCY} concurrent checks, queues on Redis, PostgreSQL ${db.schema}`,
  );
  await bare(); // warm-up: the reference is a warm loop, as the pipeline's passes are
  const baseline = median([await bare(), await bare(), await bare()]);
  // BENCH_CPU_PROFILE=file.cpuprofile: profile one pass (open in Chrome DevTools);
  // BENCH_PROFILE_PASS picks it: new, unchanged (the default) or changed
  const profileTo = process.env['BENCH_CPU_PROFILE'];
  const profiled = process.env['BENCH_PROFILE_PASS'] ?? 'unchanged';
  let session: Session | undefined;
  const startProfile = async (which: string) => {
    if (!profileTo || which !== profiled) return;
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  };
  const stopProfile = async () => {
    if (!session || !profileTo) return;
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileTo, JSON.stringify(profile));
    session.disconnect();
    session = undefined;
  };
  await startProfile('new');
  const results = [await pass('all new')];
  await stopProfile();
  await startProfile('unchanged');
  // the unchanged pass is short (under a second) and noisy: run it QUIET_RUNS times, keep the median
  const quiet: Awaited<ReturnType<typeof pass>>[] = [];
  for (let i = 0; i < QUIET_RUNS; i++) quiet.push(await pass('none changed'));
  quiet.sort((a, b) => a.rate - b.rate);
  const medianQuiet = quiet[Math.floor(quiet.length / 2)];
  if (medianQuiet) results.push({ ...medianQuiet, label: 'none changed' });
  await stopProfile();
  for (let i = 0; i < DOCS; i += 10) edits.add(i);
  await startProfile('changed');
  results.push(await pass('10% changed'));
  await stopProfile();
  const bareAfter = median([await bare(), await bare(), await bare()]);
  const reference = (baseline + bareAfter) / 2;
  await jobsOnly(); // warm-up, as for the bare loop
  const floor = median([await jobsOnly(), await jobsOnly(), await jobsOnly()]);
  clearInterval(sampler);

  console.log('\npass             docs/s   seconds   peak RSS MB   versions   vs bare loop');
  for (const r of results) {
    console.log(
      `${r.label.padEnd(15)} ${r.rate.toFixed(0).padStart(7)} ${r.seconds.toFixed(2).padStart(9)} ${r.peakMb.toFixed(0).padStart(13)} ${String(r.versions).padStart(10)}   ${((100 * r.rate) / reference).toFixed(0)}%`,
    );
  }
  console.log(
    `bare undici loop: ${reference.toFixed(0)} docs/s (median of 3 before: ${baseline.toFixed(0)}, after: ${bareAfter.toFixed(0)}); unchanged pass: median of ${quiet.length} (${quiet.map((q) => q.rate.toFixed(0)).join(', ')})`,
  );
  console.log(
    `BullMQ jobs that only fetch and hash (no database): ${floor.toFixed(0)} docs/s, ${((100 * floor) / reference).toFixed(0)}% of the bare loop; the unchanged pass is at ${((100 * (results[1]?.rate ?? 0)) / floor).toFixed(0)}% of that`,
  );
  console.log('CPU per document:');
  for (const r of results) console.log(`  ${r.label.padEnd(15)} ${r.cpu}`);
  console.log(`  ${'bare loop'.padEnd(15)} ${bareCpu}`);
  console.log(`  ${'jobs, no DB'.padEnd(15)} ${jobsCpu}`);
  const unchanged = results[1];
  console.log(
    unchanged && unchanged.rate >= 0.5 * reference
      ? 'goal met: the unchanged pass is at ≥ 50% of the bare loop'
      : 'goal NOT met: the unchanged pass is below 50% of the bare loop',
  );

  await app.close();
  site.close();
  await db.drop();
  process.exit(0);
}

void main();
