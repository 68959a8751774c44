import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { freePort } from '../services/redis-server';

const ROOT = resolve(__dirname, '../../../..');

export interface RunningFineprint {
  url: string;
  logs(): string;
  stop(): Promise<void>;
  /** Kills the worker (SIGKILL) and starts a new one, as a crash and a restart would. */
  restartWorker(): Promise<void>;
}

/**
 * Starts the real API and worker as separate processes (as in production) with the given
 * environment, and waits for /health. For end-to-end tests and the demo.
 */
export async function startFineprint(
  env: Record<string, string>,
  options: { quiet?: boolean } = {},
): Promise<RunningFineprint> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fullEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    ...env,
  };
  let log = '';
  const launch = (name: 'api' | 'worker'): ChildProcess => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${name}/src/main.ts`], {
      cwd: ROOT,
      env: fullEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      log += `[${name}] ${chunk.toString()}`;
      if (log.length > 2_000_000) log = log.slice(-1_000_000);
      if (!options.quiet) process.stderr.write(`[${name}] ${chunk.toString()}`);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  };
  const stopChild = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 8000).unref();
    });
  const api = launch('api');
  let worker = launch('worker');
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || api.exitCode !== null || api.signalCode !== null) {
      await Promise.all([stopChild(api), stopChild(worker)]);
      throw new Error(`Fineprint did not become healthy at ${url}:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    logs: () => log,
    stop: async () => {
      await Promise.all([stopChild(api), stopChild(worker)]);
    },
    restartWorker: async () => {
      await stopChild(worker, 'SIGKILL');
      worker = launch('worker');
    },
  };
}
