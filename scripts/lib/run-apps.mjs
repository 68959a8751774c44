// Runs the API and the worker as child processes that share one environment, prefixes
// their output, and supervises them: an app that exits on its own (a crash, a kill -9,
// an out-of-memory kill) is started again after a backoff that doubles with each recent
// crash, while the other keeps running (the API keeps serving while the worker is down).
// Supervision gives up, and `exited` resolves, only when one app crashes more than
// `maxCrashes` times within `windowMs`, or fails on its very first start (a bad
// configuration is not fixed by starting again). `stop()` (Ctrl-C) stops everything.
import { spawn } from 'node:child_process';

const ENTRY = { api: 'apps/api/src/main.ts', worker: 'apps/worker/src/main.ts' };

export const RESTART_POLICY = {
  /** The first restart's delay; each further crash within the window doubles it. */
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  /** More crashes than this within windowMs: give up and stop everything. */
  maxCrashes: 5,
  windowMs: 60_000,
  /** A first start that ends with an exit code within this time is a failed start, not a crash. */
  startupGraceMs: 15_000,
};

export function runApps(
  root,
  env,
  {
    apps = ['api', 'worker'],
    quiet = false,
    entries = ENTRY,
    restart = {},
    log = (line) => (line.startsWith('✗') ? console.error(line) : console.log(line)),
  } = {},
) {
  const policy = { ...RESTART_POLICY, ...restart };
  let stopping = false;
  let giveUp;
  const exited = new Promise((resolve) => (giveUp = resolve));
  const supervised = apps.map((name) => ({
    name,
    child: null,
    starts: 0,
    startedAt: 0,
    crashes: [],
    timer: null,
  }));

  const launch = (app) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entries[app.name]], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.child = child;
    app.starts++;
    app.startedAt = Date.now();
    const forward = (stream, out) =>
      stream.on('data', (chunk) => {
        if (quiet) return;
        for (const line of chunk.toString().split('\n'))
          if (line.trim()) out.write(`[${app.name}] ${line}\n`);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    log(`› ${app.name} started (pid ${child.pid}${app.starts > 1 ? `, start ${app.starts}` : ''})`);
    child.once('exit', (code, signal) => onExit(app, child, code, signal));
  };

  const onExit = (app, child, code, signal) => {
    if (stopping || app.child !== child) return;
    const now = Date.now();
    // a child killed by a signal has no exit code, only a signal code
    const how = signal ?? `code ${code}`;
    if (app.starts === 1 && signal === null && now - app.startedAt < policy.startupGraceMs) {
      log(`✗ the ${app.name} process failed to start (${how})`);
      giveUp({ name: app.name, code, signal, crashes: 1, failedToStart: true });
      return;
    }
    app.crashes = app.crashes.filter((at) => now - at < policy.windowMs);
    app.crashes.push(now);
    const recent = app.crashes.length;
    if (recent > policy.maxCrashes) {
      log(
        `✗ the ${app.name} process exited (${how}), ${recent} times within ${policy.windowMs / 1000} s: giving up`,
      );
      giveUp({ name: app.name, code, signal, crashes: recent, failedToStart: false });
      return;
    }
    const delay = Math.min(policy.firstDelayMs * 2 ** (recent - 1), policy.maxDelayMs);
    log(
      `✗ the ${app.name} process exited (${how}); starting it again in ${delay} ms ` +
        `(crash ${recent} of ${policy.maxCrashes} allowed within ${policy.windowMs / 1000} s)`,
    );
    app.timer = setTimeout(() => {
      app.timer = null;
      if (!stopping) launch(app);
    }, delay);
  };

  for (const app of supervised) launch(app);

  const stop = () => {
    stopping = true;
    return Promise.all(
      supervised.map((app) => {
        if (app.timer) clearTimeout(app.timer);
        app.timer = null;
        const child = app.child;
        return new Promise((resolve) => {
          if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 8000).unref();
        });
      }),
    );
  };
  return {
    /** The running child of each app (a restarted app has a new one). */
    get children() {
      return supervised.map(({ name, child }) => ({ name, child }));
    },
    stop,
    /** Resolves when supervision gives up on an app (it keeps crashing, or never started). */
    exited,
  };
}

export async function waitForHealth(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Fineprint did not become healthy at ${url}/health within ${timeoutMs / 1000} s (${last})`);
}
