// Runs the API and the worker as two child processes that share one environment,
// prefixes their output, and stops both on Ctrl-C.
import { spawn } from 'node:child_process';

const ENTRY = { api: 'apps/api/src/main.ts', worker: 'apps/worker/src/main.ts' };

export function runApps(root, env, { apps = ['api', 'worker'], quiet = false } = {}) {
  const children = apps.map((name) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', ENTRY[name]], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const forward = (stream, out) =>
      stream.on('data', (chunk) => {
        if (quiet) return;
        for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(`[${name}] ${line}\n`);
      });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    return { name, child };
  });
  const stop = () =>
    Promise.all(
      children.map(
        ({ child }) =>
          new Promise((resolve) => {
            // a child killed by a signal has no exit code, only a signal code
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', resolve);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 8000).unref();
          }),
      ),
    );
  const exited = Promise.race(
    children.map(
      ({ name, child }) =>
        new Promise((resolve) => child.once('exit', (code, signal) => resolve({ name, code, signal }))),
    ),
  );
  return { children, stop, exited };
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
