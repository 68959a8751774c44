/**
 * `npm run bench:scale`: the numbers behind docs/operations.md's sizing, all in one run.
 *
 * 1. Start-up time and resident memory of the built API and worker (`npm run build`,
 *    plain `node dist/apps/<app>/main.js`) against the same apps run from TypeScript
 *    through SWC (`node -r @swc-node/register apps/<app>/src/main.ts`, what `npm start`
 *    does), alternating, median of BENCH_ROUNDS rounds.
 * 2. Checks per second of one worker process against three (built, Redis, PostgreSQL),
 *    and of one worker with three times the concurrency: BENCH_DOCS documents of a local
 *    site, first a pass that records their baselines, then one unchanged pass per setup.
 * 3. Memory per Chromium page: proportional set size (PSS) of Debian's Chromium with 0, 1,
 *    2 and 4 script-rendered pages open, as the browser fetcher opens them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

import puppeteer from 'puppeteer-core';

import { loadConfig } from '@fineprint/config';
import { createPrismaClient } from '@fineprint/db';
import { QueueBackend } from '@fineprint/queue';
import { CHROMIUM_ARGS } from '@fineprint/scraper';
import {
  buildInto,
  createTestDatabase,
  freePort,
  launchApp,
  type RunningApp,
  uniqueQueuePrefix,
  waitHealthy,
} from '@fineprint/testing';

import { pidCpuMs } from './process-cpu';

const DOCS = Number(process.env['BENCH_DOCS'] ?? 600);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const REDIS_URL = process.env['REDIS_URL'] || process.env['TEST_REDIS_URL'] || 'redis://127.0.0.1:6379';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// production refuses short or default secrets (issue #14): test values of production length
const ADMIN_TOKEN = 'bench-admin-token-0123456789-0123456789abcdef';
const SECRET_KEY = 'bench-scale-secret-key-0123456789abcdef0123456789abcdef';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** A /proc/<pid>/status or smaps_rollup field, in kB. */
function procKb(pid: number, file: 'status' | 'smaps_rollup', field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/${file}`, 'utf8'),
    );
    return Number(match?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Every process below `root` (itself included), from /proc. */
function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++)
    for (const [pid, ppid] of parent) if (ppid === tree[i] && !tree.includes(pid)) tree.push(pid);
  return tree;
}

async function startupAndMemory(dist: string, env: Record<string, string>): Promise<void> {
  const rows: Record<string, { ms: number[]; cpu: number[]; rss: number[] }> = {};
  const measure = async (label: string, app: 'api' | 'worker', built: boolean) => {
    const port = String(await freePort());
    const started = Date.now();
    const running = launchApp(
      label,
      app,
      { ...env, PORT: port, LOG_LEVEL: 'info' },
      { dist: built ? dist : null },
    );
    let ms: number;
    if (app === 'api') ms = await waitHealthy(running);
    else {
      while (!running.logs().includes('worker started')) {
        if (running.child.exitCode !== null) throw new Error(running.logs());
        await sleep(20);
      }
      ms = Date.now() - started;
    }
    // CPU time to get there: steadier than wall time on a machine shared with other work
    const cpu = pidCpuMs(running.child.pid) ?? 0;
    await sleep(3000); // settle, then read the resident set
    const rss = procKb(running.child.pid ?? 0, 'status', 'VmRSS');
    await running.stop();
    const row = (rows[label] ??= { ms: [], cpu: [], rss: [] });
    row.ms.push(ms);
    row.cpu.push(cpu);
    row.rss.push(rss);
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const app of ['api', 'worker'] as const) {
      await measure(`${app} built (node dist/apps/${app}/main.js)`, app, true);
      await measure(`${app} transpiled (-r @swc-node/register)`, app, false);
    }
  }
  console.log(
    `\n1. Start-up (wall time to /health 200, or to "worker started"; the CPU it took) and resident memory, median of ${ROUNDS}:`,
  );
  for (const [label, row] of Object.entries(rows))
    console.log(
      `   ${label.padEnd(48)} ${String(median(row.ms)).padStart(6)} ms  ${String(median(row.cpu)).padStart(6)} ms CPU  ${mb(median(row.rss)).padStart(7)} RSS`,
    );
}

async function checksPerSecond(dist: string, env: Record<string, string>): Promise<void> {
  let served = 0;
  const site = createServer((req, res) => {
    served++;
    const i = Number((req.url ?? '').split('/').pop());
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html><head><title>Policy ${i}</title></head><body><main><h1>Policy ${i}</h1>${'<p>We keep the information you give us for as long as your account is open, and delete it within thirty days after you close it.</p>'.repeat(30)}<p>Document ${i}.</p></main></body></html>`,
      );
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const prisma = createPrismaClient(env['DATABASE_URL'] ?? '');
  const apps: RunningApp[] = [];
  const backend = new QueueBackend(loadConfig(env));
  const queue = backend.createQueue('check');
  try {
    const api = launchApp(
      'api',
      'api',
      { ...env, PORT: String(await freePort()), RUN_SCHEDULERS: 'false' },
      { dist },
    );
    apps.push(api);
    await waitHealthy(api);
    const ids: string[] = [];
    for (let i = 0; i < DOCS; i++) {
      const response = await fetch(`${api.url ?? ''}/api/v1/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({
          vendor: 'Bench Corp',
          title: `Bench policy ${i}`,
          url: `${siteUrl}/docs/${i}`,
          type: 'privacy_notice',
          select: 'main',
          intervalMinutes: 43200,
        }),
      });
      ids.push(((await response.json()) as { id: string }).id);
    }
    const pass = async (label: string) => {
      const tag = `bench-${label.replace(/\W+/g, '-')}`;
      const started = Date.now();
      const servedBefore = served;
      await queue.addBulk(
        ids.map((documentId) => ({
          name: 'check-document',
          data: { documentId, trigger: 'manual' },
          opts: { jobId: `${tag}_${documentId}`, removeOnComplete: true, removeOnFail: true },
        })),
      );
      // the site knows for free when every page was fetched; only then ask the database
      // (decision 0014: polling a growing table takes CPU from the system under test)
      while (served - servedBefore < DOCS) await sleep(20);
      while ((await prisma.checkRun.count({ where: { jobId: { startsWith: `${tag}_` } } })) < DOCS)
        await sleep(20);
      return DOCS / ((Date.now() - started) / 1000);
    };
    const workers = (n: number, concurrency: number) =>
      Array.from({ length: n }, (_, i) =>
        launchApp(
          `worker-${i}`,
          'worker',
          { ...env, LOG_LEVEL: 'info', WORKER_CONCURRENCY: String(concurrency) },
          { dist },
        ),
      );
    const ready = async (list: RunningApp[]) => {
      for (const w of list) while (!w.logs().includes('worker started')) await sleep(50);
    };
    const run = async (n: number, concurrency: number, label: string) => {
      const list = workers(n, concurrency);
      apps.push(...list);
      await ready(list);
      const rate = await pass(label);
      await Promise.all(list.map((w) => w.stop()));
      return rate;
    };
    const baseline = await run(3, 8, 'baselines');
    const one = await run(1, 8, 'one worker');
    const three = await run(3, 8, 'three workers');
    const oneWide = await run(1, 24, 'one worker, concurrency 24');
    console.log(`\n2. Checks per second, ${DOCS} documents on a local site (plain HTTP), built workers:`);
    console.log(`   first pass, recording baselines, 3 workers × 8:  ${baseline.toFixed(0)} checks/s`);
    console.log(`   unchanged pass, 1 worker  × 8:                  ${one.toFixed(0)} checks/s`);
    console.log(
      `   unchanged pass, 3 workers × 8:                  ${three.toFixed(0)} checks/s  (${(three / one).toFixed(2)}× one worker)`,
    );
    console.log(
      `   unchanged pass, 1 worker  × 24:                 ${oneWide.toFixed(0)} checks/s  (${(oneWide / one).toFixed(2)}× one worker)`,
    );
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await queue.close();
    await prisma.$disconnect();
    site.close();
  }
}

async function chromiumPageMemory(): Promise<void> {
  const site = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html><body><div id="app">Loading…</div><script>setTimeout(() => { document.getElementById('app').innerHTML = '<main>' + '<p>Terms rendered by a script. You can turn off personalised ads in your settings.</p>'.repeat(200) + '</main>'; }, 50);</script></body></html>`,
      ),
  );
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const pss = () =>
      processTree(browser.process()?.pid ?? 0).reduce(
        (sum, pid) => sum + procKb(pid, 'smaps_rollup', 'Pss'),
        0,
      );
    const contexts = [];
    const samples: [number, number][] = [[0, pss()]];
    for (const target of [1, 2, 4]) {
      while (contexts.length < target) {
        // as the fetcher: a fresh context per fetch, rendered, the content read
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('main');
        contexts.push(context);
      }
      await sleep(500);
      samples.push([target, pss()]);
    }
    const [, none] = samples[0] ?? [0, 0];
    const [, four] = samples.at(-1) ?? [0, 0];
    console.log('\n3. Chromium memory (PSS of the browser and its child processes):');
    for (const [pages, kb] of samples) console.log(`   ${pages} page(s) open: ${mb(kb)}`);
    const [, one] = samples[1] ?? [0, 0];
    console.log(
      `   → the browser ${mb(none)}, its first page ${mb(one - none)} (the renderer process), each further page ${mb((four - one) / 3)}`,
    );
    await Promise.all(contexts.map((c) => c.close()));
  } finally {
    await browser.close();
    site.close();
  }
}

async function main(): Promise<void> {
  const dist = buildInto('build-bench');
  const db = await createTestDatabase();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: uniqueQueuePrefix('bench-scale'),
    ADMIN_TOKEN,
    SECRET_KEY,
    // 1,000 documents are created from one address through both APIs, whose limits are shared
    API_RATE_LIMIT_PER_MINUTE: '100000',
    ALLOW_PRIVATE_NETWORKS: 'true',
    HOST_SPACING_MS: '0',
    CONFIRM_DELAY_MS: '0',
    LOG_LEVEL: 'warn',
  };
  try {
    if (!process.env['BENCH_SKIP_STARTUP']) await startupAndMemory(dist, env);
    await checksPerSecond(dist, env);
    await chromiumPageMemory();
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
