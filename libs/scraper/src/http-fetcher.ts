import { createHash } from 'node:crypto';
import { type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

import { type Agent, errors as undiciErrors, request } from 'undici';

import { createGuardedAgent, PrivateAddressError } from '@fineprint/net';

import { type FetchResult } from './fetch-result';
import { acquireHost, HostThrottle, honourRetryAfter, type Throttle } from './host-throttle';
import { FetchError, kindOfStatus } from './scraper.errors';

export const DEFAULT_USER_AGENT =
  'Fineprint/0.1 (+https://github.com/fineprint/fineprint; privacy-notice monitor)';

export interface HttpFetcherOptions {
  allowPrivateNetworks: boolean;
  /** Largest body accepted, before and after decompression (default 10 MB). */
  maxBytes?: number;
  /** Whole request deadline, headers and body (default 30 s). */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
  throttle?: Throttle;
}

export interface HttpRequestOptions {
  etag?: string;
  lastModified?: string;
  /**
   * SHA-256 of a body already accepted for this URL: a response with exactly those bytes
   * is that page again, so the bot-wall heuristic is not run on it.
   */
  knownSha256?: string;
  language?: string | null;
}

const EMPTY_SHA256 = createHash('sha256').digest('hex');
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CAPTCHA =
  /\b(captcha|are you a robot|not a robot|unusual traffic|verify (that )?you are (a )?human|automated access|bot detection)\b/i;

/**
 * Plain HTTP with undici: bounded redirects (followed by hand, loops detected), a
 * deadline, a size limit enforced while streaming and again after decompression,
 * conditional requests, and errors that carry their kind.
 */
export class HttpFetcher {
  private readonly agent: Agent;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly maxRedirects: number;
  private readonly userAgent: string;
  private readonly throttle: Throttle;

  constructor(options: HttpFetcherOptions) {
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.throttle = options.throttle ?? new HostThrottle(0);
    this.agent = createGuardedAgent({
      allowPrivateNetworks: options.allowPrivateNetworks,
      connectTimeoutMs: options.connectTimeoutMs ?? Math.min(10_000, this.timeoutMs),
      keepAliveTimeout: 10_000,
      connections: 16,
    });
  }

  async fetch(url: string, options: HttpRequestOptions = {}): Promise<FetchResult> {
    const started = Date.now();
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const visited = new Set<string>();
    let current = parseFetchUrl(url);
    for (let hop = 0; ; hop++) {
      if (visited.has(current.href))
        throw new FetchError('permanent', 'REDIRECT_LOOP', `Redirect loop at ${current.href}`);
      visited.add(current.href);
      await acquireHost(this.throttle, current); // a held host fails without a request
      const response = await this.send(current, options, deadline, hop === 0);
      if (REDIRECTS.has(response.statusCode)) {
        response.body.resume();
        const location = response.headers['location'];
        if (typeof location !== 'string') {
          throw new FetchError(
            'permanent',
            'HTTP_STATUS',
            `HTTP ${response.statusCode} without a Location header`,
            { httpStatus: response.statusCode },
          );
        }
        if (hop >= this.maxRedirects)
          throw new FetchError(
            'permanent',
            'TOO_MANY_REDIRECTS',
            `More than ${this.maxRedirects} redirects from ${url}`,
          );
        current = parseFetchUrl(new URL(location, current).href);
        continue;
      }
      const headers = {
        ...(typeof response.headers['etag'] === 'string' ? { etag: response.headers['etag'] } : {}),
        ...(typeof response.headers['last-modified'] === 'string'
          ? { lastModified: response.headers['last-modified'] }
          : {}),
        ...(typeof response.headers['content-language'] === 'string'
          ? { contentLanguage: response.headers['content-language'] }
          : {}),
        ...(typeof response.headers['content-type'] === 'string'
          ? { contentType: response.headers['content-type'] }
          : {}),
      };
      if (response.statusCode === 304) {
        response.body.resume();
        return {
          body: Buffer.alloc(0),
          sha256: EMPTY_SHA256,
          contentType: null,
          charset: null,
          status: 304,
          headers,
          finalUrl: current.href,
          fetchedWith: 'http',
          notModified: true,
          durationMs: Date.now() - started,
        };
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        response.body.resume();
        if (response.statusCode === 429 || response.statusCode === 503)
          await honourRetryAfter(
            this.throttle,
            current,
            response.statusCode,
            response.headers['retry-after'],
          );
        throw new FetchError(
          kindOfStatus(response.statusCode),
          'HTTP_STATUS',
          `HTTP ${response.statusCode} from ${current.href}`,
          { httpStatus: response.statusCode },
        );
      }
      const body = await this.readBody(response.body, response.headers['content-encoding'], deadline);
      const contentType = headers.contentType ?? null;
      const sha256 = createHash('sha256').update(body).digest('hex');
      if (
        sha256 !== options.knownSha256 &&
        body.length < 64 * 1024 &&
        /html/i.test(contentType ?? 'html') &&
        CAPTCHA.test(body.toString('latin1'))
      ) {
        throw new FetchError('blocked', 'CAPTCHA', `${current.href} answered with a captcha or bot wall`, {
          httpStatus: response.statusCode,
        });
      }
      return {
        body,
        sha256,
        contentType,
        charset: null,
        status: response.statusCode,
        headers,
        finalUrl: current.href,
        fetchedWith: 'http',
        notModified: false,
        durationMs: Date.now() - started,
      };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async send(url: URL, options: HttpRequestOptions, signal: AbortSignal, first: boolean) {
    try {
      return await request(url, {
        dispatcher: this.agent,
        method: 'GET',
        signal,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        headers: {
          'user-agent': this.userAgent,
          accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          ...(options.language
            ? { 'accept-language': `${options.language},${options.language.split('-')[0]};q=0.9` }
            : {}),
          ...(first && options.etag ? { 'if-none-match': options.etag } : {}),
          ...(first && options.lastModified ? { 'if-modified-since': options.lastModified } : {}),
        },
      });
    } catch (error) {
      throw this.networkError(error, url);
    }
  }

  private async readBody(
    stream: Readable,
    encoding: string | string[] | undefined,
    signal: AbortSignal,
  ): Promise<Buffer> {
    const coding = (Array.isArray(encoding) ? encoding.join(',') : (encoding ?? '')).trim().toLowerCase();
    let source: Readable = stream;
    if (coding === 'gzip' || coding === 'x-gzip') source = stream.pipe(createGunzip());
    else if (coding === 'deflate') source = stream.pipe(createInflate());
    else if (coding === 'br') source = stream.pipe(createBrotliDecompress());
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of source) {
        const buffer = chunk as Buffer;
        size += buffer.length;
        if (size > this.maxBytes) {
          stream.destroy();
          source.destroy();
          throw new FetchError(
            'permanent',
            'TOO_LARGE',
            `The response is larger than ${this.maxBytes} bytes${coding ? ' once decompressed' : ''}`,
          );
        }
        chunks.push(buffer);
      }
    } catch (error) {
      if (error instanceof FetchError) throw error;
      stream.destroy();
      if (signal.aborted)
        throw new FetchError('transient', 'TIMEOUT', `No complete response within ${this.timeoutMs} ms`, {
          cause: error,
        });
      if ((error as { code?: string }).code?.startsWith('Z_')) {
        throw new FetchError('permanent', 'DECODE_FAILED', `The response body is not valid ${coding}`, {
          cause: error,
        });
      }
      throw this.networkError(error, null);
    }
    return Buffer.concat(chunks, size);
  }

  private networkError(error: unknown, url: URL | null): FetchError {
    const where = url ? ` (${url.host})` : '';
    if (error instanceof FetchError) return error;
    if (error instanceof PrivateAddressError)
      return new FetchError('permanent', 'PRIVATE_ADDRESS', error.message, { cause: error });
    if (
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError
    ) {
      return new FetchError('transient', 'TIMEOUT', `Timed out${where}`, { cause: error });
    }
    const name = (error as { name?: string }).name;
    if (name === 'AbortError' || name === 'TimeoutError')
      return new FetchError(
        'transient',
        'TIMEOUT',
        `No complete response within ${this.timeoutMs} ms${where}`,
        { cause: error },
      );
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return new FetchError('transient', 'DNS', `Cannot resolve the host${where}`, { cause: error });
    if ((error as { cause?: unknown }).cause instanceof PrivateAddressError) {
      return new FetchError('permanent', 'PRIVATE_ADDRESS', (error as { cause: Error }).cause.message, {
        cause: error,
      });
    }
    return new FetchError(
      'transient',
      'CONNECTION',
      `Connection failed${where}: ${code ?? (error as Error).message}`,
      { cause: error },
    );
  }
}

/** An http(s) URL to fetch, or a permanent INVALID_URL failure (the HTTP and the browser fetcher). */
export function parseFetchUrl(url: string): URL {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
    return parsed;
  } catch (cause) {
    throw new FetchError('permanent', 'INVALID_URL', `Not a fetchable URL: ${url}`, { cause });
  }
}
