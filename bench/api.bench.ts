/**
 * `npm run bench:api`: the API under load from autocannon, as feed readers and API clients
 * make it: feeds and `/api/v1/changes`, unconditional and conditional (If-None-Match),
 * against the dashboard shell of the same process as the reference, in the same run.
 * The API runs as its own process (as in production: NODE_ENV=production, Redis queues);
 * autocannon runs here. Goal (issue 14): ≥ 500 requests/s with p99 < 50 ms on 2 cores for
 * feeds and the change list. On a shared machine, read the ratios to the reference.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';

import autocannon from 'autocannon';

import { createPrismaClient } from '@fineprint/db';
import { createTestDatabase, freePort, seedChange, uniqueQueuePrefix } from '@fineprint/testing';

const ROOT = resolve(__dirname, '..');
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
/** Each route is measured this many times, interleaved with the others; the median run is shown. */
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const CHANGES = Number(process.env['BENCH_CHANGES'] ?? 120);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  statuses: string;
}

async function run(name: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const counts: Record<string, number> = {
    '2xx': result['2xx'],
    '3xx': result['3xx'],
    '4xx': result['4xx'],
    '5xx': result['5xx'],
    errors: result.errors + result.timeouts,
  };
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k}:${n}`)
      .join(' '),
  };
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const prisma = createPrismaClient(db.url);
  let api: ChildProcess | undefined;
  try {
    for (let i = 0; i < CHANGES; i++) await seedChange(prisma, { vendorSlug: `vendor-${i % 12}` });
    execFileSync(process.execPath, [resolve(ROOT, 'scripts/build-web.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // BENCH_API_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof": Node flags for the API process
    const flags = (process.env['BENCH_API_FLAGS'] ?? '').split(' ').filter(Boolean);
    api = spawn(process.execPath, [...flags, '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ADMIN_TOKEN: 'bench-admin-token-0123456789-0123456789',
        SECRET_KEY: 'bench-secret-key-0123456789-0123456789-0123',
        DATABASE_URL: db.url,
        REDIS_URL,
        QUEUE_PREFIX: uniqueQueuePrefix('bench-api'),
        PORT: String(port),
        PUBLIC_URL: base,
        LOG_LEVEL: 'warn',
        // one client (autocannon) makes every request of the bench
        API_RATE_LIMIT_PER_MINUTE: '100000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let until = Date.now() + 60_000; Date.now() < until;) {
      const up = await fetch(`${base}/api/v1/changes?limit=1`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const etag = async (path: string) => (await fetch(`${base}${path}`)).headers.get('etag') ?? '';
    const rssTag = await etag('/feeds/changes.rss');
    const changesTag = await etag('/api/v1/changes?topic=voice-recordings');

    // warm-up: the JIT and the pools, not measured
    await autocannon({ url: `${base}/feeds/changes.atom`, connections: CONNECTIONS, duration: 2 });
    const routes: [string, string, Record<string, string>][] = [
      ['reference: dashboard shell GET /', `${base}/`, { accept: 'text/html' }],
      ['GET /feeds/changes.rss', `${base}/feeds/changes.rss`, {}],
      [
        'GET /feeds/changes.rss (If-None-Match → 304)',
        `${base}/feeds/changes.rss`,
        { 'if-none-match': rssTag },
      ],
      ['GET /feeds/vendors/vendor-3.atom', `${base}/feeds/vendors/vendor-3.atom`, {}],
      ['GET /api/v1/changes', `${base}/api/v1/changes`, {}],
      [
        'GET /api/v1/changes?topic=… (If-None-Match → 304)',
        `${base}/api/v1/changes?topic=voice-recordings`,
        { 'if-none-match': changesTag },
      ],
    ];
    // rounds interleave the routes, so a burst of load from elsewhere hits them alike
    const runs: Row[][] = routes.map(() => []);
    for (let round = 0; round < ROUNDS; round++)
      for (const [i, [name, url, headers]] of routes.entries()) runs[i]?.push(await run(name, url, headers));
    const rows = runs.map(
      (list) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)] as Row,
    );
    const reference = rows[0]?.rps ?? 1;
    console.log(
      `\nAPI bench: ${CHANGES} announced changes, ${CONNECTIONS} connections, median of ${ROUNDS} runs of ${SECONDS} s per route, ` +
        `${cpus().length} cores, load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} (shared machine: read the ratios)\n`,
    );
    console.log(
      'route'.padEnd(52),
      'req/s'.padStart(8),
      'ratio'.padStart(6),
      'p50 ms'.padStart(7),
      'p99 ms'.padStart(7),
      '  answers',
    );
    for (const r of rows)
      console.log(
        r.name.padEnd(52),
        r.rps.toFixed(0).padStart(8),
        (r.rps / reference).toFixed(2).padStart(6),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        ` ${r.statuses}`,
      );
    const goal = rows.slice(1).every((r) => r.rps >= 500 && r.p99 < 50);
    console.log(
      `\ngoal (≥ 500 req/s, p99 < 50 ms for feeds and changes): ${goal ? 'met' : 'not met'} in this run`,
    );
  } finally {
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api?.once('exit', r));
      api.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await prisma.$disconnect();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
