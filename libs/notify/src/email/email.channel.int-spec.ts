import { type AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

import { type SmtpSink, startSmtpSink } from '@fineprint/testing';

import { changeNotificationFixture } from '../test/change-notification.fixture';
import { EmailChannel, EmailSendError } from './email.channel';
import { renderChangeEmail } from './render-change-email';
import { renderConfirmationEmail } from './render-confirmation-email';
import { renderDigestEmail } from './render-digest-email';

const UNSUBSCRIBE = 'https://fineprint.example/api/v1/subscriptions/unsubscribe?token=tok_abc-123';

/** An SMTP server that answers every RCPT TO with the given code. */
async function rejectingServer(code: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error(`rejected with ${code}`), { responseCode: code }));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('EmailChannel against a real SMTP server', () => {
  let sink: SmtpSink;
  let channel: EmailChannel;

  beforeAll(async () => {
    sink = await startSmtpSink();
    channel = new EmailChannel({ smtpUrl: sink.url, from: 'Fineprint <alerts@fineprint.example>' });
  });
  afterAll(async () => {
    channel.close();
    await sink.close();
  });
  beforeEach(() => sink.clear());

  it('sends a change email with both parts, the cited sentence, the link and RFC 8058 headers', async () => {
    const n = changeNotificationFixture();
    const sent = await channel.send({
      ...renderChangeEmail(n, UNSUBSCRIBE),
      to: 'reader@example.org',
      deliveryId: 'delivery-42',
      unsubscribeUrl: UNSUBSCRIBE,
      unsubscribeMailto: 'mailto:unsubscribe@fineprint.example?subject=delivery-42',
    });
    expect(sent.messageId).toBe('<delivery-42@fineprint.example>');
    expect(sent.response).toMatch(/^250/);

    const mail = await sink.waitFor((m) => m.messageId === '<delivery-42@fineprint.example>', 5000);
    expect(mail.subject).toBe('[Fineprint] High: Amazon – Alexa Privacy Settings: opt-out removed');
    expect(mail.text).toContain(n.summary);
    expect(mail.text).toContain('Removed: "You can choose Do Not Send Voice Recordings');
    expect(mail.text).toContain(n.links.change);
    expect(mail.text).toContain(UNSUBSCRIBE);
    expect(mail.html).toContain('<h1');
    expect(mail.html).toContain('Removed: You can choose Do Not Send Voice Recordings');
    expect(mail.html).toContain('<del>You can choose Do Not Send Voice Recordings.</del>');
    expect(mail.html).toContain(`href="${n.links.change}"`);
    expect(mail.html).toContain(`href="${UNSUBSCRIBE}"`);

    const raw = (name: string) =>
      mail.headerLines
        .find((h) => h.key === name)
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\r?\n\s+/g, ' ');
    expect(raw('list-unsubscribe')).toBe(
      `<${UNSUBSCRIBE}>, <mailto:unsubscribe@fineprint.example?subject=delivery-42>`,
    );
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(raw('x-fineprint-delivery')).toBe('delivery-42');
  });

  it('escapes every interpolated value in the HTML part', async () => {
    const n = changeNotificationFixture({
      summary: 'Evil: <img src=x onerror=alert(1)>',
      document: {
        id: 'd',
        title: '<script>alert("x")</script>',
        url: 'https://a.example/?q="><script>',
        type: 'privacy_policy',
      },
      vendor: { id: 'v', slug: 'evil', name: 'Evil & <b>Co</b>' },
      tags: [
        {
          topic: 'x',
          kind: 'opt-out-removed',
          rule: 'r',
          citations: [{ side: 'added', text: '</blockquote><script>1</script>' }],
        },
      ],
    });
    await channel.send({
      ...renderChangeEmail(n, UNSUBSCRIBE),
      to: 'reader@example.org',
      deliveryId: 'd-evil',
    });
    const mail = await sink.waitFor((m) => m.messageId === '<d-evil@fineprint.example>', 5000);
    const html = String(mail.html);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Co</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Evil &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(html).toContain('href="https://a.example/?q=&quot;&gt;&lt;script&gt;"');
    // The subject and the text part are plain text: they keep the title as written.
    expect(mail.subject).toContain('<script>alert("x")</script>');
    expect(mail.headers.get('list-unsubscribe')).toBeUndefined();
  });

  it('sends the double opt-in confirmation with its single-use link and the scope in words', async () => {
    const confirmUrl = 'https://fineprint.example/api/v1/subscriptions/confirm?token=once_only';
    await channel.send({
      ...renderConfirmationEmail(confirmUrl, 'changes by Amazon, of high severity'),
      to: 'new@example.org',
      deliveryId: 'd-confirm',
    });
    const mail = await sink.waitFor((m) => m.messageId === '<d-confirm@fineprint.example>', 5000);
    expect(mail.subject).toBe('[Fineprint] Confirm your subscription');
    expect(mail.text).toContain(confirmUrl);
    expect(mail.text).toContain('changes by Amazon, of high severity');
    expect(mail.html).toContain(`href="${confirmUrl}"`);
  });

  it('sends a digest of several changes, most severe first', async () => {
    const low = changeNotificationFixture({
      changeId: 'low-1',
      severity: 'low',
      summary: 'Terms: wording changed',
    });
    const high = changeNotificationFixture({ changeId: 'high-1' });
    await channel.send({
      ...renderDigestEmail('2026-11-01', [low, high], UNSUBSCRIBE),
      to: 'reader@example.org',
      deliveryId: 'd-digest',
      unsubscribeUrl: UNSUBSCRIBE,
    });
    const mail = await sink.waitFor((m) => m.messageId === '<d-digest@fineprint.example>', 5000);
    expect(mail.subject).toBe('[Fineprint] 2 changes on 2026-11-01');
    const text = String(mail.text);
    expect(text.indexOf(high.summary)).toBeGreaterThan(-1);
    expect(text.indexOf(high.summary)).toBeLessThan(text.indexOf(low.summary));
    expect(mail.html).toContain('Removed: “You can choose Do Not Send Voice Recordings');
  });

  it.each([
    [550, 'permanent'],
    [451, 'transient'],
  ] as const)('an SMTP %i answer is a %s error', async (code, kind) => {
    const server = await rejectingServer(code);
    const rejecting = new EmailChannel({ smtpUrl: server.url, from: 'alerts@fineprint.example' });
    try {
      const error = await rejecting
        .send({ subject: 's', text: 't', html: '<p>t</p>', to: 'x@example.org', deliveryId: 'd-rej' })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(EmailSendError);
      expect((error as EmailSendError).kind).toBe(kind);
      expect((error as EmailSendError).responseCode).toBe(code);
    } finally {
      rejecting.close();
      await server.close();
    }
  });

  it('a message without a recipient is a permanent error, without a server reply', async () => {
    const error = await channel
      .send({ subject: 's', text: 't', html: '<p>t</p>', to: '', deliveryId: 'd-empty' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(EmailSendError);
    expect((error as EmailSendError).kind).toBe('permanent');
    expect((error as EmailSendError).responseCode).toBeNull();
  });

  it('a refused connection is a transient error', async () => {
    const server = await rejectingServer(550);
    const url = server.url;
    await server.close();
    const nowhere = new EmailChannel({ smtpUrl: url, from: 'alerts@fineprint.example' });
    try {
      const error = await nowhere
        .send({ subject: 's', text: 't', html: '<p>t</p>', to: 'x@example.org', deliveryId: 'd-none' })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(EmailSendError);
      expect((error as EmailSendError).kind).toBe('transient');
    } finally {
      nowhere.close();
    }
  });
});
