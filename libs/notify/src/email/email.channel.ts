import { connect, type Socket } from 'node:net';

import nodemailer, { type Transporter } from 'nodemailer';

import { type RenderedEmail } from './render-change-email';

export interface EmailMessage extends RenderedEmail {
  to: string;
  /** Goes into the Message-ID and an X-Fineprint-Delivery header, for tracing one delivery. */
  deliveryId: string;
  /** RFC 8058 one-click unsubscribe target (POST). */
  unsubscribeUrl?: string;
  unsubscribeMailto?: string;
}

export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly kind: 'transient' | 'permanent',
    readonly responseCode: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmailSendError';
  }
}

/**
 * Email over SMTP (nodemailer), pooled connections. The connections are opened with
 * TCP_NODELAY: nodemailer writes a message as several small writes, and with Nagle's
 * algorithm the last one (the ".") waits for the server's delayed ACK, about 40 ms per
 * message per connection (measured: 8 connections sent ~150 messages/s, 40 ms of each
 * message spent waiting).
 */
export class EmailChannel {
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(private readonly options: { smtpUrl: string; from: string; maxConnections?: number }) {
    const url = new URL(options.smtpUrl);
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      pool: true,
      maxConnections: options.maxConnections ?? 8,
      maxMessages: Number.POSITIVE_INFINITY,
      connectionTimeout: 10_000,
      getSocket: (_options: unknown, done: SocketCallback) =>
        openSocket(url.hostname, Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)), 10_000, done),
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.domain = /@([^>\s]+)/.exec(options.from)?.[1] ?? 'fineprint.local';
  }

  async send(message: EmailMessage): Promise<{ messageId: string; response: string }> {
    const headers: Record<string, string> = { 'X-Fineprint-Delivery': message.deliveryId };
    if (message.unsubscribeUrl) {
      headers['List-Unsubscribe'] = [
        `<${message.unsubscribeUrl}>`,
        ...(message.unsubscribeMailto ? [`<${message.unsubscribeMailto}>`] : []),
      ].join(', ');
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      const info = (await this.transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.deliveryId}@${this.domain}>`,
        headers,
        // mostly-Latin text: saying so skips nodemailer's per-part scan of the whole body
        textEncoding: 'quoted-printable',
        // the content is ours, but it quotes vendors' sentences: never read files or URLs for it
        disableFileAccess: true,
        disableUrlAccess: true,
      })) as { messageId: string; response: string };
      return { messageId: info.messageId, response: info.response };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode ?? null;
      // Without a server reply, nodemailer's EENVELOPE means the message itself has no
      // valid recipient or sender: no retry can fix that.
      const permanent =
        code !== null ? code >= 500 && code < 600 : (error as { code?: string }).code === 'EENVELOPE';
      throw new EmailSendError(
        `SMTP: ${(error as Error).message}`,
        permanent ? 'permanent' : 'transient',
        code,
        { cause: error },
      );
    }
  }

  close(): void {
    this.transport.close();
  }
}

type SocketCallback = (error: Error | null, socket?: { connection: Socket }) => void;

/**
 * A connected socket with Nagle's algorithm off, handed to nodemailer (which upgrades it
 * to TLS itself for smtps:). A refused or timed-out connection is reported once, with
 * the socket's error code, and is transient like any connection error.
 */
function openSocket(host: string, port: number, timeoutMs: number, done: SocketCallback): void {
  const socket = connect({ host, port, noDelay: true });
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    socket.setTimeout(0);
    socket.removeListener('error', settle);
    socket.removeListener('timeout', onTimeout);
    if (error) {
      socket.destroy();
      done(error);
    } else done(null, { connection: socket });
  };
  const onTimeout = () =>
    settle(Object.assign(new Error(`SMTP connection to ${host}:${port} timed out`), { code: 'ETIMEDOUT' }));
  socket.setTimeout(timeoutMs, onTimeout);
  socket.once('error', settle);
  socket.once('connect', () => {
    socket.setKeepAlive(true);
    settle(null);
  });
}
