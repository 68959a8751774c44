import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * The supervisor of `npm start` (scripts/lib/run-apps.mjs), driven with two stand-in apps
 * in a child Node process (the script is an ES module): one that keeps crashing, one that
 * runs steadily. The crashing one is started again with a doubling delay, the steady one
 * is left alone, and supervision gives up after too many crashes in the window.
 */
describe('run-apps supervision', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fineprint-run-apps-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const drive = (entries: Record<string, string>, restart: Record<string, number>) => {
    const driver = `
      import { runApps } from ${JSON.stringify(join(ROOT, 'scripts/lib/run-apps.mjs'))};
      const started = Date.now();
      const apps = runApps(${JSON.stringify(ROOT)}, {}, {
        apps: ${JSON.stringify(Object.keys(entries))},
        entries: ${JSON.stringify(entries)},
        restart: ${JSON.stringify(restart)},
        log: (line) => console.log(String(Date.now() - started).padStart(6) + ' ' + line),
      });
      const result = await apps.exited;
      const survivors = apps.children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
      console.log('RESULT ' + JSON.stringify({ ...result, survivors: survivors.map((s) => s.name) }));
      await apps.stop();
    `;
    return new Promise<{ lines: string[]; result: Record<string, unknown> }>((done, fail) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', driver], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
      child.once('exit', () => {
        clearTimeout(timer);
        const lines = out.split('\n').filter(Boolean);
        const result = lines.find((l) => l.startsWith('RESULT '));
        if (!result) return fail(new Error(`the driver gave no result:\n${out}`));
        done({ lines, result: JSON.parse(result.slice(7)) as Record<string, unknown> });
      });
    });
  };

  it('restarts a crashing app with a doubling delay, leaves the others running, and gives up after too many crashes', async () => {
    const crasher = join(dir, 'crasher.js');
    const steady = join(dir, 'steady.js');
    writeFileSync(crasher, `setTimeout(() => process.kill(process.pid, 'SIGKILL'), 100);\n`);
    writeFileSync(steady, `setInterval(() => {}, 1000);\n`);
    const { lines, result } = await drive(
      { crasher, steady },
      { firstDelayMs: 100, maxDelayMs: 10_000, maxCrashes: 3, windowMs: 60_000 },
    );
    const starts = lines.filter((l) => / › crasher started/.test(l));
    expect(starts).toHaveLength(4); // the first start and 3 restarts; the 4th crash ends it
    expect(lines.filter((l) => / › steady started/.test(l))).toHaveLength(1);
    const delays = lines
      .filter((l) => /crasher process exited \(SIGKILL\); starting it again in \d+ ms/.test(l))
      .map((l) => Number(/again in (\d+) ms/.exec(l)?.[1]));
    expect(delays).toEqual([100, 200, 400]);
    expect(result).toMatchObject({ name: 'crasher', signal: 'SIGKILL', crashes: 4, failedToStart: false });
    expect(result['survivors']).toEqual(['steady']); // the steady app ran until the end
  }, 60_000);

  it('does not restart an app that fails on its very first start (a bad configuration)', async () => {
    const broken = join(dir, 'broken.js');
    writeFileSync(broken, `console.error('DATABASE_URL is not a URL'); process.exitCode = 1;\n`);
    const { lines, result } = await drive({ broken }, { firstDelayMs: 100 });
    expect(lines.filter((l) => / › broken started/.test(l))).toHaveLength(1);
    expect(result).toMatchObject({ name: 'broken', code: 1, failedToStart: true });
  }, 60_000);
});
