import { lookup as dnsLookup } from 'node:dns/promises';
import { createServer, type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import { connect, isIP, type Socket } from 'node:net';
import { type Duplex } from 'node:stream';

import { canonicalAddress, isPrivateAddress } from './private-address';

export type ResolveHost = (host: string) => Promise<{ address: string; family: number }[]>;

export interface GuardedProxyOptions {
  /** Which resolved addresses to refuse; by default every non-public one. */
  isBlocked?: (address: string) => boolean;
  /** Host name resolution (tests inject one); by default the system resolver. */
  resolve?: ResolveHost;
}

export interface GuardedProxy {
  /** `http://127.0.0.1:<port>`, for Chromium's --proxy-server. */
  url: string;
  /** Connections refused so far, with the host and address that was not public. */
  readonly refused: { host: string; address: string }[];
  close(): Promise<void>;
}

const HOP_BY_HOP = [
  'proxy-connection',
  'proxy-authorization',
  'connection',
  'keep-alive',
  'te',
  'trailer',
  'upgrade',
];

/**
 * A forward HTTP proxy on 127.0.0.1 for the browser: every connection Chromium makes
 * (pages, subresources, redirects, fetch/XHR, WebSockets: plain requests and CONNECT
 * tunnels alike) goes through it, and it resolves the host itself, refuses when any
 * address is not public, and connects to the very address it checked. Chromium never
 * resolves a name, so a DNS answer that changes between a check and a connection (DNS
 * rebinding) has nothing to slip through.
 */
export function startGuardedProxy(options: GuardedProxyOptions = {}): Promise<GuardedProxy> {
  const isBlocked = options.isBlocked ?? isPrivateAddress;
  const resolve: ResolveHost = options.resolve ?? ((host) => dnsLookup(host, { all: true, verbatim: true }));
  const refused: { host: string; address: string }[] = [];
  const sockets = new Set<Duplex>();

  /** The one address to connect to, or null (recorded) when the host is not public. */
  const target = async (host: string): Promise<string | null> => {
    const bare = host.replace(/^\[|\]$/g, '');
    const addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await resolve(bare);
    const bad = addresses.find((a) => isBlocked(canonicalAddress(a.address)));
    if (bad || addresses.length === 0) {
      refused.push({ host: bare, address: bad?.address ?? '(none)' });
      return null;
    }
    return addresses[0]?.address ?? null;
  };

  const track = (socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      let url: URL;
      try {
        url = new URL(req.url ?? '');
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (url.protocol !== 'http:') {
        res.writeHead(403).end();
        return;
      }
      const address = await target(url.hostname).catch(() => null);
      if (!address) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked: not a public address');
        return;
      }
      const headers = { ...req.headers };
      for (const h of HOP_BY_HOP) delete headers[h];
      const upstream = httpRequest(
        {
          host: address,
          port: Number(url.port || 80),
          method: req.method,
          path: `${url.pathname}${url.search}`,
          headers,
          setHost: false,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
      req.pipe(upstream);
    })();
  });

  const tunnel = (
    req: IncomingMessage,
    client: Duplex,
    head: Buffer,
    host: string,
    port: number,
    preface?: Buffer,
  ) => {
    track(client);
    void (async () => {
      const address = await target(host).catch(() => null);
      if (!address) {
        client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      const upstream: Socket = connect(port, address, () => {
        if (preface) upstream.write(preface);
        else client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      track(upstream);
      upstream.on('error', () => client.destroy());
    })();
  };

  // HTTPS and WebSocket tunnels
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    if (!match?.[1] || !match[2]) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    tunnel(req, client, head, match[1], Number(match[2]));
  });
  // a plain ws:// upgrade sent to the proxy in absolute form
  server.on('upgrade', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const lines = [`${req.method ?? 'GET'} ${url.pathname}${url.search} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i] ?? '';
      if (!/^proxy-/i.test(name)) lines.push(`${name}: ${req.rawHeaders[i + 1] ?? ''}`);
    }
    const preface = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
    tunnel(req, client, head, url.hostname, Number(url.port || 80), preface);
  });
  server.on('connection', (socket: Socket) => track(socket));

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolveStart({
        url: `http://127.0.0.1:${port}`,
        refused,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
