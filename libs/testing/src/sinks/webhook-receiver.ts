import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';

import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Verified by the independent `standardwebhooks` implementation. */
  verified: boolean;
  at: number;
}

export type Behaviour =
  | 'ok'
  | 'fail500'
  | 'hang'
  /** `delayMs`: the answer comes that long after the request (a slow receiver). */
  | { status: number; headers?: Record<string, string>; delayMs?: number };

export interface WebhookReceiver {
  url: string;
  /** Requests that were answered with a 2xx (what a real receiver would have processed). */
  received: ReceivedWebhook[];
  /** Every request, whatever the answer (500s, hangs and redirects included), in arrival order. */
  attempts: ReceivedWebhook[];
  /** Per path prefix (e.g. "/a"); default for all others. */
  setBehaviour(behaviour: Behaviour | ((n: number) => Behaviour), path?: string): void;
  setSecret(secret: string, path?: string): void;
  waitFor(
    n: number,
    timeoutMs?: number,
    filter?: (r: ReceivedWebhook) => boolean,
  ): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1 that checks each signature with the `standardwebhooks`
 * package (not Fineprint's own code), and can answer 500, a chosen status, or never.
 */
export async function startWebhookReceiver(
  options: { secret?: string; count?: boolean } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const attempts: ReceivedWebhook[] = [];
  const behaviours = new Map<string, Behaviour | ((n: number) => Behaviour)>();
  const secrets = new Map<string, string>();
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  const pick = <T>(map: Map<string, T>, path: string): T | undefined => {
    let best: string | undefined;
    for (const key of map.keys())
      if (key !== '*' && path.startsWith(key) && (!best || key.length > best.length)) best = key;
    return map.get(best ?? '*');
  };
  if (options.secret) secrets.set('*', options.secret);

  const respond = (res: ServerResponse, behaviour: Behaviour) => {
    if (behaviour === 'hang') return; // never answer
    if (behaviour === 'ok') return void res.writeHead(200).end('ok');
    if (behaviour === 'fail500') return void res.writeHead(500).end('nope');
    const answer = () => void res.writeHead(behaviour.status, behaviour.headers ?? {}).end();
    if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
    else answer();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const secret = pick(secrets, path);
      let verified = false;
      if (secret) {
        try {
          new Webhook(secret).verify(body, {
            'webhook-id': String(req.headers['webhook-id'] ?? ''),
            'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
            'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
          });
          verified = true;
        } catch {
          verified = false;
        }
      }
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const configured = pick(behaviours, path) ?? 'ok';
      const behaviour = typeof configured === 'function' ? configured(n) : configured;
      attempts.push({
        path,
        headers: req.headers,
        body: options.count ? '' : body,
        verified,
        at: Date.now(),
      });
      if (behaviour === 'ok' || (typeof behaviour === 'object' && behaviour.status < 300)) {
        received.push({
          path,
          headers: req.headers,
          body: options.count ? '' : body,
          verified,
          at: Date.now(),
        });
        for (const w of waiters) w();
      }
      respond(res, behaviour);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    attempts,
    setBehaviour: (behaviour, path = '*') => void behaviours.set(path, behaviour),
    setSecret: (secret, path = '*') => void secrets.set(path, secret),
    waitFor: (n, timeoutMs = 15_000, filter = () => true) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const matching = received.filter(filter);
          if (matching.length >= n) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(matching);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `expected ${n} webhook(s) within ${timeoutMs} ms, got ${received.filter(filter).length}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
