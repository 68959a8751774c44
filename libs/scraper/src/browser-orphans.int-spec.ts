import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { removeOrphanProfiles } from './browser-fetcher';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Alive and not a zombie (a dead process nobody reaped yet holds nothing). */
function running(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('Chromium does not outlive a worker killed with SIGKILL', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('<!doctype html><main><p>Still here.</p></main>'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('the browser exits when the process that launched it is killed', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'libs/scraper/test/browser-child.fixture.ts'), url, CHROMIUM],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const deadline = Date.now() + 60_000;
    while (!/browser (\d+)/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`the child did not fetch: ${err}`);
      await sleep(100);
    }
    const browserPid = Number(/browser (\d+)/.exec(out)?.[1]);
    expect(browserPid).toBeGreaterThan(0);
    expect(running(browserPid)).toBe(true);

    child.kill('SIGKILL');
    const gone = Date.now() + 10_000;
    while (running(browserPid) && Date.now() < gone) await sleep(100);
    const left = running(browserPid);
    if (left) process.kill(browserPid, 'SIGKILL'); // leave nothing behind, then fail
    expect(left).toBe(false);
  }, 90_000);

  it('a profile left by a dead process is removed, a live one is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fineprint-profiles-'));
    const dead = join(dir, 'fineprint-chromium-dead');
    const live = join(dir, 'fineprint-chromium-live');
    const unknown = join(dir, 'fineprint-chromium-unknown');
    for (const p of [dead, live, unknown]) mkdirSync(p);
    writeFileSync(join(dead, 'fineprint-owner.pid'), '2147483646'); // no such process
    writeFileSync(join(live, 'fineprint-owner.pid'), String(process.ppid));
    expect(removeOrphanProfiles(dir)).toEqual([dead]);
    expect(existsSync(dead)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['fineprint-chromium-live', 'fineprint-chromium-unknown']);
  });
});
