import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import puppeteer, { type Browser, type HTTPRequest } from 'puppeteer-core';

import { isPrivateAddress } from '@fineprint/net';

import { type FetchResult } from './fetch-result';
import { DEFAULT_USER_AGENT } from './http-fetcher';
import { FetchError, kindOfStatus } from './scraper.errors';

export interface BrowserFetcherOptions {
  allowPrivateNetworks: boolean;
  chromiumPath?: string;
  timeoutMs?: number;
  maxPages?: number;
  userAgent?: string;
}

const BLOCKED_TYPES = new Set(['image', 'font', 'media', 'stylesheet']);
const ARGS = [
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
 */
export class BrowserFetcher {
  private browser: Promise<Browser> | null = null;
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
        try {
          response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.timeoutMs });
        } catch (cause) {
          throw new FetchError(
            'transient',
            'TIMEOUT',
            `The browser could not load ${url} within ${this.timeoutMs} ms`,
            { cause },
          );
        }
        const status = response?.status() ?? 0;
        if (status >= 400)
          throw new FetchError(kindOfStatus(status), 'HTTP_STATUS', `HTTP ${status} from ${url} (browser)`, {
            httpStatus: status,
          });
        if (select.length > 0) {
          try {
            await page.waitForSelector(select.join(', '), { timeout: Math.min(this.timeoutMs, 15_000) });
          } catch (cause) {
            throw new FetchError(
              'permanent',
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
    this.userDataDir = mkdtempSync(join(tmpdir(), 'fineprint-chromium-'));
    const launching = puppeteer
      .launch({
        executablePath: this.chromiumPath,
        headless: true,
        args: [...ARGS, `--user-data-dir=${this.userDataDir}`],
        protocolTimeout: this.timeoutMs * 2,
      })
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

  private async intercept(req: HTTPRequest): Promise<void> {
    if (req.isInterceptResolutionHandled()) return;
    if (BLOCKED_TYPES.has(req.resourceType())) return req.abort('blockedbyclient').catch(() => undefined);
    if (!this.options.allowPrivateNetworks && (await this.isPrivate(req.url())))
      return req.abort('accessdenied').catch(() => undefined);
    return req.continue().catch(() => undefined);
  }

  private async isPrivate(url: string): Promise<boolean> {
    let host: string;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
      host = parsed.hostname.replace(/^\[|\]$/g, '');
    } catch {
      return true;
    }
    if (isIP(host)) return isPrivateAddress(host);
    try {
      const addresses = await lookup(host, { all: true });
      return addresses.some((a) => isPrivateAddress(a.address));
    } catch {
      return true;
    }
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
