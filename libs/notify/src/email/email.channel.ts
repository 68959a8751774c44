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

/** Email over SMTP (nodemailer), pooled connections. */
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
