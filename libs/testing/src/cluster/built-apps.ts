import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

export type AppName = 'api' | 'worker';

/**
 * Runs `npm run build` (scripts/build.mjs) into `tmp/<name>` and returns that folder, so a
 * test or a bench runs the production artefacts without racing another one's dist/.
 */
export function buildInto(name: string): string {
  const out = join(ROOT, 'tmp', name);
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: ROOT,
    env: { ...process.env, BUILD_OUT_DIR: out },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
  for (const app of ['api', 'worker', 'cli'])
    if (!existsSync(join(out, 'apps', app, 'main.js')))
      throw new Error(`the build made no ${app} entry point`);
  return out;
}

/** How an app is started: the built JavaScript, or the TypeScript sources through SWC (`npm start`). */
export function appCommand(app: AppName | 'cli', dist: string | null): string[] {
  return dist === null
    ? ['-r', '@swc-node/register', `apps/${app}/src/main.ts`]
    : ['--enable-source-maps', join(dist, 'apps', app, 'main.js')];
}

export interface RunningApp {
  name: string;
  child: ChildProcess;
  /** The API's base URL (null for a worker). */
  url: string | null;
  logs(): string;
  /** SIGTERM, then SIGKILL after 8 s; resolves when the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts one API or worker process with the given environment; the API gets `url`. */
export function launchApp(
  name: string,
  app: AppName,
  env: Record<string, string>,
  options: { dist: string | null; echo?: boolean },
): RunningApp {
  const child = spawn(process.execPath, appCommand(app, options.dist), {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 1_000_000) log = log.slice(-500_000);
    if (options.echo) process.stderr.write(`[${name}] ${chunk.toString()}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    child,
    url: app === 'api' ? `http://127.0.0.1:${env['PORT'] ?? '3000'}` : null,
    logs: () => log,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((done) => {
        // a child killed by a signal has no exit code, only a signal code
        if (gone()) return done();
        child.once('exit', () => done());
        child.kill(signal);
        setTimeout(() => child.kill('SIGKILL'), 8000).unref();
      }),
  };
}

/** Waits until the API answers 200 on /health, or fails with the end of its log. */
export async function waitHealthy(app: RunningApp, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const response = await fetch(`${app.url ?? ''}/health`);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs || app.child.exitCode !== null || app.child.signalCode !== null)
      throw new Error(`${app.name} did not become healthy:\n${app.logs().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
