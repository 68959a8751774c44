import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import puppeteer, { type Browser, type HTTPRequest } from 'puppeteer-core';

import {
  canonicalAddress,
  type GuardedProxy,
  type GuardedProxyOptions,
  isPrivateAddress,
  startGuardedProxy,
} from '@fineprint/net';

import { type FetchResult } from './fetch-result';
import { acquireHost, honourRetryAfter, type Throttle } from './host-throttle';
import { DEFAULT_USER_AGENT, parseFetchUrl } from './http-fetcher';
import { FetchError, kindOfStatus } from './scraper.errors';

export interface BrowserFetcherOptions {
  allowPrivateNetworks: boolean;
  chromiumPath?: string;
  timeoutMs?: number;
  maxPages?: number;
  userAgent?: string;
  /**
   * The address policy of the browser's proxy (tests inject a resolver and a blocked set
   * on loopback); by default the system resolver and every non-public address.
   */
  guard?: GuardedProxyOptions;
  /**
   * The host spacing and Retry-After holds the HTTP fetcher uses (shared across workers on
   * Redis): the page's own request waits its turn, a held host fails at once as
   * RATE_LIMITED, and a 429/503 with Retry-After holds the host for every worker.
   */
  throttle?: Throttle;
}

/** Schemes a page may load; anything else (ftp:, file:, chrome:, filesystem:…) is aborted. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'data:', 'blob:', 'about:']);

const BLOCKED_TYPES = new Set(['image', 'font', 'media', 'stylesheet']);
/** How Fineprint starts Chromium: headless, no background traffic, no sandbox (run as root in CI). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Chromium through puppeteer-core for pages that need scripts: one browser per process
 * (started on first use, started again if it dies), a fresh context per fetch closed in
 * `finally`, images/fonts/media/styles not loaded, a cap on pages open at once.
 *
 * Unless private networks are allowed, Chromium reaches the network only through a
 * guarded proxy of this process (startGuardedProxy): the proxy resolves each host, refuses
 * non-public addresses and connects to the address it checked, for the page, every
 * subresource, redirect, fetch and WebSocket alike; Chromium's own resolver maps every
 * name to "not found", so nothing bypasses the proxy, and WebRTC may not send UDP past it.
 */
const PROFILE_PREFIX = 'fineprint-chromium-';
const OWNER_FILE = 'fineprint-owner.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Profiles (user-data dirs) of workers that died without closing their browser: each profile
 * names the process that made it, and one whose process is gone is removed. Several workers
 * may share a host, so a live owner's profile is never touched.
 */
export function removeOrphanProfiles(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(PROFILE_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const path = join(dir, name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(path, OWNER_FILE), 'utf8'));
    } catch {
      continue; // not ours to judge (an older layout, or being created right now)
    }
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && !alive(owner)) {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    }
  }
  return removed;
}

export class BrowserFetcher {
  private browser: Promise<Browser> | null = null;
  private proxy: GuardedProxy | null = null;
  private userDataDir: string | null = null;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly chromiumPath: string;
  private readonly timeoutMs: number;
  private readonly maxPages: number;

  constructor(private readonly options: BrowserFetcherOptions) {
    this.chromiumPath = options.chromiumPath ?? '/usr/bin/chromium';
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxPages = options.maxPages ?? 2;
  }

  async fetch(url: string, select: string[] = [], language?: string | null): Promise<FetchResult> {
    const started = Date.now();
    const target = parseFetchUrl(url);
    if (this.options.throttle) await acquireHost(this.options.throttle, target);
    await this.slot();
    try {
      const browser = await this.launch();
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(this.timeoutMs);
        await page.setUserAgent(this.options.userAgent ?? `${DEFAULT_USER_AGENT} Chromium`);
        if (language) await page.setExtraHTTPHeaders({ 'accept-language': language });
        await page.setRequestInterception(true);
        page.on('request', (req) => void this.intercept(req));
        let response;
        const refusedBefore = this.proxy?.refused.length ?? 0;
        const refusedNow = () => this.proxy?.refused.slice(refusedBefore) ?? [];
        try {
          response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.timeoutMs });
        } catch (cause) {
          const refused = refusedNow()[0];
          if (refused)
            throw new FetchError(
              'permanent',
              'PRIVATE_ADDRESS',
              `The browser was refused ${refused.host} (${refused.address}): not a public address`,
              { cause },
            );
          throw new FetchError(
            'transient',
            'TIMEOUT',
            `The browser could not load ${url} within ${this.timeoutMs} ms`,
            { cause },
          );
        }
        const status = response?.status() ?? 0;
        const mainHost = hostOf(page.url() === 'about:blank' ? url : (response?.url() ?? url));
        const refusedMain = refusedNow().find((r) => r.host === mainHost);
        if (refusedMain && status === 403)
          throw new FetchError(
            'permanent',
            'PRIVATE_ADDRESS',
            `The browser was refused ${refusedMain.host} (${refusedMain.address}): not a public address`,
          );
        if ((status === 429 || status === 503) && this.options.throttle)
          await honourRetryAfter(
            this.options.throttle,
            target,
            status,
            response?.headers()['retry-after'],
            ' (browser)',
          );
        if (status >= 400)
          throw new FetchError(kindOfStatus(status), 'HTTP_STATUS', `HTTP ${status} from ${url} (browser)`, {
            httpStatus: status,
          });
        if (select.length > 0) {
          try {
            await page.waitForSelector(select.join(', '), { timeout: Math.min(this.timeoutMs, 15_000) });
          } catch (cause) {
            throw new FetchError(
              'declaration',
              'SELECTOR_NOT_FOUND',
              `No element matches ${select.join(', ')} on ${url}, even after scripts ran`,
              { cause },
            );
          }
        } else {
          await page.waitForNetworkIdle({ idleTime: 300, timeout: 5000 }).catch(() => undefined);
        }
        const body = Buffer.from(await page.content(), 'utf8');
        return {
          body,
          sha256: createHash('sha256').update(body).digest('hex'),
          contentType: 'text/html; charset=utf-8',
          charset: 'utf-8',
          status: status || 200,
          headers: { contentType: 'text/html; charset=utf-8' },
          finalUrl: page.url(),
          fetchedWith: 'browser',
          notModified: false,
          durationMs: Date.now() - started,
        };
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (pending) await (await pending.catch(() => null))?.close().catch(() => undefined);
    await this.proxy?.close();
    this.proxy = null;
    if (this.userDataDir) rmSync(this.userDataDir, { recursive: true, force: true });
    this.userDataDir = null;
  }

  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    if (!existsSync(this.chromiumPath)) {
      return Promise.reject(
        new FetchError(
          'permanent',
          'BROWSER_UNAVAILABLE',
          `No Chromium at ${this.chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. Documents in http mode are not affected.`,
        ),
      );
    }
    removeOrphanProfiles();
    this.userDataDir = mkdtempSync(join(tmpdir(), PROFILE_PREFIX));
    writeFileSync(join(this.userDataDir, OWNER_FILE), String(process.pid));
    const userDataDir = this.userDataDir;
    const launching = this.guardArgs()
      .then((guardArgs) =>
        puppeteer.launch({
          executablePath: this.chromiumPath,
          headless: true,
          // DevTools over a pipe, not a WebSocket: when the worker dies, even by SIGKILL, the
          // pipe closes and Chromium exits instead of living on as an orphan
          pipe: true,
          args: [...CHROMIUM_ARGS, ...guardArgs, `--user-data-dir=${userDataDir}`],
          protocolTimeout: this.timeoutMs * 2,
        }),
      )
      .then((browser) => {
        browser.on('disconnected', () => {
          if (this.browser === launching) this.browser = null; // relaunch on next use
        });
        return browser;
      })
      .catch((cause: unknown) => {
        this.browser = null;
        throw new FetchError(
          'transient',
          'BROWSER_FAILED',
          `Chromium did not start: ${(cause as Error).message}`,
          { cause },
        );
      });
    this.browser = launching;
    return launching;
  }

  /**
   * Chromium's flags for the guard: every connection through the proxy (loopback too),
   * every name Chromium would resolve itself mapped to "not found", no UDP outside it.
   */
  private async guardArgs(): Promise<string[]> {
    if (this.options.allowPrivateNetworks) return [];
    this.proxy ??= await startGuardedProxy(this.options.guard ?? {});
    return [
      `--proxy-server=${this.proxy.url}`,
      '--proxy-bypass-list=<-loopback>',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
      '--webrtc-ip-handling-policy=disable_non_proxied_udp',
    ];
  }

  private async intercept(req: HTTPRequest): Promise<void> {
    if (req.isInterceptResolutionHandled()) return;
    if (BLOCKED_TYPES.has(req.resourceType())) return req.abort('blockedbyclient').catch(() => undefined);
    if (!this.options.allowPrivateNetworks && this.refusedEarly(req.url()))
      return req.abort('accessdenied').catch(() => undefined);
    return req.continue().catch(() => undefined);
  }

  /**
   * What can be refused before the proxy sees it: a scheme a page has no business loading,
   * or an IP literal that is not public (the proxy checks names, and checks again).
   */
  private refusedEarly(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return true;
    }
    if (!ALLOWED_SCHEMES.has(parsed.protocol)) return true;
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:')
      return false;
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    const isBlocked = this.options.guard?.isBlocked ?? isPrivateAddress;
    return isIP(host) !== 0 && isBlocked(canonicalAddress(host));
  }

  private async slot(): Promise<void> {
    if (this.active < this.maxPages) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}
