import { type Agent, errors as undiciErrors, request } from 'undici';

import { createGuardedAgent, PrivateAddressError } from '@fineprint/net';

import { webhookHeaders } from './standard-webhooks.signer';

export interface WebhookSendResult {
  ok: boolean;
  status?: number;
  durationMs: number;
  error?: { kind: 'transient' | 'permanent'; code: string; message: string };
}

export interface WebhookChannelOptions {
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
}

/**
 * Sends one signed event: a POST with a short deadline, no redirects followed (a 3xx is
 * a failure), through the guarded agent (no private, loopback, link-local or metadata
 * addresses unless allowed, checked on the resolved address at connect time). Never
 * throws for an HTTP failure: the result says what happened and whether to retry.
 */
export class WebhookChannel {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(options: WebhookChannelOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.agent = createGuardedAgent({
      allowPrivateNetworks: options.allowPrivateNetworks,
      connectTimeoutMs: this.timeoutMs,
      connections: 64,
      pipelining: 1,
      keepAliveTimeout: 10_000,
    });
  }

  async send(url: string, secret: string, messageId: string, body: string): Promise<WebhookSendResult> {
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    const invalid = invalidUrl(url);
    if (invalid) return { ok: false, durationMs: elapsed(), error: invalid };
    try {
      const response = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Fineprint-Webhooks/1',
          ...webhookHeaders(secret, messageId, body),
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      const status = response.statusCode;
      if (status >= 200 && status < 300) return { ok: true, status, durationMs: elapsed() };
      if (status >= 300 && status < 400) {
        return {
          ok: false,
          status,
          durationMs: elapsed(),
          error: {
            kind: 'permanent',
            code: 'REDIRECT',
            message: `HTTP ${status}: redirects are not followed`,
          },
        };
      }
      const transient = status >= 500 || status === 408 || status === 429;
      return {
        ok: false,
        status,
        durationMs: elapsed(),
        error: {
          kind: transient ? 'transient' : 'permanent',
          code: `HTTP_${status}`,
          message: `HTTP ${status}`,
        },
      };
    } catch (error) {
      return { ok: false, durationMs: elapsed(), error: classify(error, this.timeoutMs) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** A URL that no retry can fix: unparseable, or not http(s). */
function invalidUrl(url: string): WebhookSendResult['error'] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'permanent', code: 'INVALID_URL', message: 'The endpoint URL cannot be parsed' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { kind: 'permanent', code: 'INVALID_URL', message: `Unsupported scheme ${parsed.protocol}` };
  return null;
}

function classify(error: unknown, timeoutMs: number): NonNullable<WebhookSendResult['error']> {
  const cause = (error as { cause?: unknown }).cause;
  if (error instanceof PrivateAddressError || cause instanceof PrivateAddressError) {
    return {
      kind: 'permanent',
      code: 'PRIVATE_ADDRESS',
      message: (error instanceof PrivateAddressError ? error : (cause as Error)).message,
    };
  }
  const name = (error as { name?: string }).name;
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  ) {
    return { kind: 'transient', code: 'TIMEOUT', message: `No answer within ${timeoutMs} ms` };
  }
  if (error instanceof undiciErrors.InvalidArgumentError || error instanceof TypeError) {
    return { kind: 'permanent', code: 'INVALID_URL', message: error.message };
  }
  const code =
    (error as { code?: string }).code ?? (cause as { code?: string } | undefined)?.code ?? 'CONNECTION';
  return { kind: 'transient', code, message: (error as Error).message || code };
}

/** The delivery backoff lives with the deliver job's contract (libs/queue job-contracts.ts). */
export { retryDelayMs } from '@fineprint/queue';

/** When an endpoint is disabled: libs/contracts (the endpoint repository applies it). */
export { shouldDisable } from '@fineprint/contracts';
