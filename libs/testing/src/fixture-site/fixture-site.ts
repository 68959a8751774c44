import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';

import iconv from 'iconv-lite';

import { minimalPdf } from './minimal-pdf';

/**
 * 40 MB of "a" gzipped (about 40 KB). Compressing it takes over a second of CPU, which on a
 * loaded machine outlasted a test fetcher's deadline (it then saw a timeout instead of the
 * size limit the test is about): it is made once per machine, off the event loop, kept in
 * the temp directory, and started when a site starts, long before a test asks for it.
 */
let bomb: Promise<Buffer> | null = null;
function gzipBomb(): Promise<Buffer> {
  bomb ??= (async () => {
    const file = join(tmpdir(), 'fineprint-fixture-gzip-bomb-40m.gz');
    try {
      return await readFile(file);
    } catch {
      const made = await promisify(gzip)(Buffer.alloc(40 * 1024 * 1024, 0x61));
      const partial = `${file}.${process.pid}`;
      await writeFile(partial, made);
      await rename(partial, file);
      return made;
    }
  })();
  return bomb;
}

export interface FixtureSite {
  url: string;
  hits(path: string): number;
  /**
   * Replaces (or adds) a page served as text/html (bytes are sent as they are, whatever
   * the headers say); mutable pages let tests change content between checks.
   */
  setPage(
    path: string,
    html: string | Buffer,
    options?: { status?: number; headers?: Record<string, string> },
  ): void;
  close(): Promise<void>;
}

const page = (
  title: string,
  body: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav class="menu"><a href="/">Home</a> <a href="/help?utm_source=nav&amp;ref_=x">Help</a></nav>
<div class="cookie-banner">We use cookies. <button>OK</button></div>
<main id="content">${body}</main>
<footer>© 2026 Example Corp · <span class="stamp">${new Date().toISOString()}</span></footer></body></html>`;

const policyHtml = () =>
  page(
    'Example Privacy Policy',
    `<h1>Privacy Policy</h1><p>We collect the information you give us.</p>
<h2>Your choices</h2><ul><li>You can opt out of marketing emails.</li><li>You can <a href="/settings?utm_campaign=x&amp;id=7">delete your data</a>.</li></ul>
<table><tr><th>Data</th><th>Retention</th></tr><tr><td>Voice recordings</td><td>18 months</td></tr></table>`,
  );
/** The policy page as served at one moment (its footer carries a timestamp). */
export const POLICY_HTML = policyHtml();

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A local vendor site on 127.0.0.1 for fetcher and pipeline tests: server-rendered and
 * script-rendered pages, redirects and a loop, ETag/304, gzip, latin-1 (header and
 * meta), slow, endless and oversized responses, a 403 wall, a captcha, 500, 404, a PDF.
 */
export async function startFixtureSite(): Promise<FixtureSite> {
  void gzipBomb();
  const hits = new Map<string, number>();
  const custom = new Map<
    string,
    { html: string | Buffer; status: number; headers: Record<string, string> }
  >();
  const sockets = new Set<import('node:net').Socket>();
  const routes: Record<string, Handler> = {
    '/policy': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(policyHtml()),
    '/scripted': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html><head><title>Scripted</title></head><body>
<div id="app">Loading…</div>
<script>setTimeout(() => { document.getElementById('app').innerHTML = '<article id="terms"><h1>Terms</h1><p>Rendered by script: you can turn off personalised ads.</p></article>'; }, 50);</script>
</body></html>`),
    '/redirect': (_req, res) => res.writeHead(302, { location: '/policy' }).end(),
    '/redirect-chain': (_req, res) => res.writeHead(301, { location: '/redirect' }).end(),
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          etag: '"v1"',
          'last-modified': 'Mon, 01 Sep 2025 10:00:00 GMT',
        })
        .end(POLICY_HTML);
    },
    '/gzip': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
        .end(gzipSync(POLICY_HTML)),
    '/gzip-bomb': (_req, res) =>
      void gzipBomb().then((body) =>
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(body),
      ),
    '/latin1-header': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
        .end(
          iconv.encode(
            '<html><body><main><p>Données personnelles traitées à Zürich « façade »</p></main></body></html>',
            'latin1',
          ),
        ),
    '/latin1-meta': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          iconv.encode(
            '<html><head><meta charset="iso-8859-1"></head><body><main><p>Protección de datos: año, niño</p></main></body></html>',
            'latin1',
          ),
        ),
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>Start');
      // never finishes: the client's deadline must end it
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (res.write(chunk)) {
          /* keep the socket full */
        }
      };
      res.on('drain', pump);
      res.on('close', () => res.off('drain', pump));
      pump();
    },
    '/huge': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.alloc(12 * 1024 * 1024, 0x61)),
    '/forbidden': (_req, res) =>
      res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Access denied</h1>'),
    '/captcha': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body><h1>Are you a robot?</h1><p>Please solve the captcha.</p></body></html>'),
    '/error': (_req, res) =>
      res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>'),
    '/gone': (_req, res) => res.writeHead(410).end(),
    '/policy.pdf': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/pdf' })
        .end(
          minimalPdf([
            'Example Privacy Policy.',
            'We keep voice recordings for 18 months.',
            'You can opt out at any time.',
          ]),
        ),
    '/image.png': (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const page = custom.get(path);
    if (page)
      return void res
        .writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', ...page.headers })
        .end(page.html);
    const route = routes[path];
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits: (path) => hits.get(path) ?? 0,
    setPage: (path, html, options = {}) =>
      custom.set(path, { html, status: options.status ?? 200, headers: options.headers ?? {} }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
