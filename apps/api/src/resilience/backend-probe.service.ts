import { Socket } from 'node:net';

import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { QueueBackend } from '@fineprint/queue';

/** How long a probe may take, and how long its answer is reused by the requests that ask. */
const PROBE_TIMEOUT_MS = 250;
const PROBE_REUSE_MS = 1000;

export type Backend = 'database' | 'queue';

/**
 * Whether PostgreSQL and the queue backend answer, asked only when a request is slow
 * (the backend deadline): a fresh TCP connection to PostgreSQL and the queue's own ping,
 * each bounded, the answer shared by the requests of the next second.
 */
@Injectable()
export class BackendProbe {
  private last: { at: number; down: Promise<Backend | null> } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Env,
    private readonly queue: QueueBackend,
  ) {}

  /** The first backend found down, or null when both answer. */
  down(): Promise<Backend | null> {
    if (this.last && Date.now() - this.last.at < PROBE_REUSE_MS) return this.last.down;
    const down = this.probe();
    this.last = { at: Date.now(), down };
    return down;
  }

  private async probe(): Promise<Backend | null> {
    const [database, queue] = await Promise.all([
      databaseReachable(this.config.DATABASE_URL),
      this.queue.ping(PROBE_TIMEOUT_MS).then(
        () => true,
        () => false,
      ),
    ]);
    if (!database) return 'database';
    if (!queue) return 'queue';
    return null;
  }
}

/**
 * Whether PostgreSQL accepts a connection. A refused or reset connection is down at once; a
 * connection that only timed out is tried once more, with longer to answer: on a busy machine
 * (an event loop held up by other requests) a healthy database can miss the first 250 ms, and a
 * false "down" would turn a slow request into a 503.
 */
async function databaseReachable(databaseUrl: string): Promise<boolean> {
  const first = await tcpReachable(databaseUrl, PROBE_TIMEOUT_MS);
  if (first !== 'timeout') return first === 'ok';
  return (await tcpReachable(databaseUrl, PROBE_RETRY_TIMEOUT_MS)) === 'ok';
}
/** The second, longer try after a probe that only timed out. */
const PROBE_RETRY_TIMEOUT_MS = 750;

function tcpReachable(databaseUrl: string, timeoutMs: number): Promise<'ok' | 'refused' | 'timeout'> {
  const url = new URL(databaseUrl);
  return new Promise((resolve) => {
    const socket = new Socket();
    let settled = false;
    const done = (answer: 'ok' | 'refused' | 'timeout') => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(answer);
    };
    // (a timer that fires late, after an event loop held up by other work, may find the connection
    // made but its event not yet run: the timeout waits for the I/O callbacks already due)
    socket.setTimeout(timeoutMs, () => setImmediate(() => done('timeout')));
    socket.once('connect', () => done('ok'));
    socket.once('error', () => done('refused'));
    socket.connect(Number(url.port || 5432), url.hostname.replace(/^\[|\]$/g, ''));
  });
}
