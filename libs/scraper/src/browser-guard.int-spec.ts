import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { BrowserFetcher } from './browser-fetcher';
import { FetchError } from './scraper.errors';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The browser's guard with real Chromium. On loopback, 127.0.0.1 plays the public
 * internet and 127.0.0.2 the private network (the guard is told to block exactly it);
 * names resolve through the guard's resolver: public.test → 127.0.0.1,
 * private.test → 127.0.0.2, rebind.test → 127.0.0.1 once, then 127.0.0.2 (DNS rebinding).
 * Both servers listen on the same port, so a rebound name would reach the private one.
 */
describe('BrowserFetcher cannot reach private addresses (real Chromium)', () => {
  let publicServer: Server;
  let privateServer: Server;
  let port = 0;
  const privateHits: string[] = [];
  let rebindLookups = 0;
  let fetcher: BrowserFetcher;

  const page = (p: number) => `<!doctype html><html><head><title>Public</title>
<script src="http://private.test:${p}/script.js"></script></head>
<body><main id="main">server text</main><script>
  try { new WebSocket('ws://private.test:${p}/ws'); } catch (e) {}
  try { new WebSocket('ws://127.0.0.2:${p}/ws-literal'); } catch (e) {}
  try { new WebSocket('wss://private.test:${p}/wss'); } catch (e) {}
  fetch('http://private.test:${p}/fetch').catch(function () {});
  fetch('http://127.0.0.2:${p}/fetch-literal').catch(function () {});
  fetch('http://[::ffff:127.0.0.2]:${p}/fetch-mapped').catch(function () {});
  fetch('http://rebind.test:${p}/rebound').catch(function () {});
  var xhr = new XMLHttpRequest(); xhr.open('GET', 'http://private.test:${p}/xhr'); xhr.send();
  var frame = document.createElement('iframe'); frame.src = 'http://private.test:${p}/frame'; document.body.appendChild(frame);
  navigator.sendBeacon && navigator.sendBeacon('http://private.test:${p}/beacon', 'x');
  document.getElementById('main').textContent = 'rendered by script';
  setTimeout(function () { var d = document.createElement('p'); d.id = 'done'; document.body.appendChild(d); }, 800);
</script></body></html>`;

  beforeAll(async () => {
    privateServer = createServer((req: IncomingMessage, res) => {
      privateHits.push(`${req.method} ${req.url}`);
      res.end('secret');
    });
    privateServer.on('upgrade', (req: IncomingMessage, socket) => {
      privateHits.push(`UPGRADE ${req.url}`);
      socket.destroy();
    });
    privateServer.on('connection', () => privateHits.push('connection'));
    publicServer = createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://private.test:${port}/secret` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(port));
    });
    await new Promise<void>((resolve) => publicServer.listen(0, '127.0.0.1', resolve));
    port = (publicServer.address() as AddressInfo).port;
    await new Promise<void>((resolve) => privateServer.listen(port, '127.0.0.2', resolve));
    fetcher = new BrowserFetcher({
      allowPrivateNetworks: false,
      chromiumPath: CHROMIUM,
      timeoutMs: 15_000,
      guard: {
        isBlocked: (address) => address === '127.0.0.2',
        resolve: (host) => {
          if (host === 'public.test') return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
          if (host === 'private.test') return Promise.resolve([{ address: '127.0.0.2', family: 4 }]);
          if (host === 'rebind.test')
            return Promise.resolve([
              { address: rebindLookups++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 },
            ]);
          return Promise.reject(Object.assign(new Error(`no such host ${host}`), { code: 'ENOTFOUND' }));
        },
      },
    });
  });
  afterAll(async () => {
    await fetcher.close();
    await new Promise((r) => publicServer.close(r));
    await new Promise((r) => privateServer.close(r));
  });

  it('renders a public page while none of its scripts, frames, sockets or subresources reach the private host', async () => {
    const result = await fetcher.fetch(`http://public.test:${port}/`, ['#done']);
    expect(result.body.toString()).toContain('rendered by script');
    expect(privateHits).toEqual([]);
  }, 60_000);

  it('refuses a redirect to a private host, as a permanent PRIVATE_ADDRESS failure', async () => {
    const error = await fetcher.fetch(`http://public.test:${port}/redirect`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ kind: 'permanent', code: 'PRIVATE_ADDRESS' });
    expect(privateHits).toEqual([]);
  }, 60_000);

  it('a name that rebinds to a private address after its first answer reaches nothing private', async () => {
    rebindLookups = 0;
    const result = await fetcher.fetch(`http://rebind.test:${port}/`, ['#done']);
    expect(result.body.toString()).toContain('rendered by script');
    expect(rebindLookups).toBeGreaterThan(1); // asked again, answered private, refused
    expect(privateHits).toEqual([]);
  }, 60_000);

  it('refuses a private page outright', async () => {
    const error = await fetcher.fetch(`http://private.test:${port}/`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PRIVATE_ADDRESS' });
    const literal = await fetcher.fetch(`http://127.0.0.2:${port}/`).catch((e: unknown) => e);
    expect(literal).toBeInstanceOf(FetchError);
    expect(privateHits).toEqual([]);
  }, 60_000);
});
