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
      tcpReachable(this.config.DATABASE_URL, PROBE_TIMEOUT_MS),
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

function tcpReachable(databaseUrl: string, timeoutMs: number): Promise<boolean> {
  const url = new URL(databaseUrl);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(Number(url.port || 5432), url.hostname.replace(/^\[|\]$/g, ''));
  });
}
