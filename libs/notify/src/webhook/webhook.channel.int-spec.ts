import { Webhook } from 'standardwebhooks';

import { startWebhookReceiver, type WebhookReceiver } from '@fineprint/testing';

import { changeNotificationFixture } from '../test/change-notification.fixture';
import { generateWebhookSecret } from './standard-webhooks.signer';
import { changeDetectedEvent, pingEvent, WEBHOOK_PAYLOAD_VERSION } from './webhook-payload';
import { WebhookChannel } from './webhook.channel';

describe('WebhookChannel against a real receiver', () => {
  const secret = generateWebhookSecret();
  let receiver: WebhookReceiver;
  let channel: WebhookChannel;

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret });
    channel = new WebhookChannel({ allowPrivateNetworks: true, timeoutMs: 400 });
  });
  afterAll(async () => {
    await channel.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.splice(0);
    receiver.attempts.splice(0);
    receiver.setBehaviour('ok');
  });

  it('posts a signed change.detected event that the independent standardwebhooks library verifies', async () => {
    const body = JSON.stringify(changeDetectedEvent(changeNotificationFixture()));
    const result = await channel.send(`${receiver.url}/hook`, secret, 'msg_delivery-1', body);
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(result.error).toBeUndefined();

    const [got] = await receiver.waitFor(1, 2000);
    expect(got?.verified).toBe(true);
    expect(got?.headers['content-type']).toBe('application/json');
    expect(got?.headers['user-agent']).toBe('Fineprint-Webhooks/1');
    expect(got?.headers['webhook-id']).toBe('msg_delivery-1');
    expect(Number(got?.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    expect(got?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    const payload = JSON.parse(got?.body ?? '{}') as {
      type: string;
      version: string;
      data: { change: { id: string; tags: unknown[] }; vendor: { slug: string } };
    };
    expect(payload.type).toBe('change.detected');
    expect(payload.version).toBe(WEBHOOK_PAYLOAD_VERSION);
    expect(payload.data.change.id).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(payload.data.change.tags).toHaveLength(1);
    expect(payload.data.vendor.slug).toBe('amazon');

    const headers = {
      'webhook-id': String(got?.headers['webhook-id']),
      'webhook-timestamp': String(got?.headers['webhook-timestamp']),
      'webhook-signature': String(got?.headers['webhook-signature']),
    };
    expect(() => new Webhook(secret).verify(got?.body ?? '', headers)).not.toThrow();
    const tampered = (got?.body ?? '').replace('"high"', '"low"');
    expect(tampered).not.toBe(got?.body);
    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(got?.body ?? '', headers)).toThrow();
  });

  it('a receiver with another secret gets the event but cannot verify it', async () => {
    const body = JSON.stringify(pingEvent('endpoint-1'));
    const result = await channel.send(receiver.url, generateWebhookSecret(), 'msg_other', body);
    expect(result.ok).toBe(true);
    const [got] = await receiver.waitFor(1, 2000);
    expect(got?.verified).toBe(false);
  });

  it('keeps the webhook-id across retries: a 500 is transient, the retry succeeds with the same id', async () => {
    receiver.setBehaviour((n) => (n === 1 ? 'fail500' : 'ok'), '/retry');
    const body = JSON.stringify(pingEvent('endpoint-1'));
    const first = await channel.send(`${receiver.url}/retry`, secret, 'msg_retry', body);
    expect(first).toMatchObject({ ok: false, status: 500, error: { kind: 'transient', code: 'HTTP_500' } });
    const second = await channel.send(`${receiver.url}/retry`, secret, 'msg_retry', body);
    expect(second).toMatchObject({ ok: true, status: 200 });
    const [got] = await receiver.waitFor(1, 2000);
    expect(got?.headers['webhook-id']).toBe('msg_retry');
    expect(got?.verified).toBe(true);
    const tries = receiver.attempts.filter((a) => a.path === '/retry');
    expect(tries.map((a) => a.headers['webhook-id'])).toEqual(['msg_retry', 'msg_retry']);
    expect(tries.every((a) => a.verified)).toBe(true);
  });

  it.each([
    [404, 'permanent'],
    [410, 'permanent'],
    [429, 'transient'],
    [503, 'transient'],
  ] as const)('an HTTP %i answer is %s', async (status, kind) => {
    receiver.setBehaviour({ status }, `/status-${status}`);
    const result = await channel.send(`${receiver.url}/status-${status}`, secret, 'msg_s', '{}');
    expect(result).toMatchObject({ ok: false, status, error: { kind, code: `HTTP_${status}` } });
  });

  it('does not follow a redirect: a 302 is a failure and the target is never called', async () => {
    receiver.setBehaviour({ status: 302, headers: { location: `${receiver.url}/elsewhere` } }, '/moved');
    const result = await channel.send(`${receiver.url}/moved`, secret, 'msg_302', '{}');
    expect(result).toMatchObject({ ok: false, status: 302, error: { kind: 'permanent', code: 'REDIRECT' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.attempts.map((r) => r.path)).toEqual(['/moved']);
  });

  it('gives up on a receiver that never answers, as a transient timeout', async () => {
    receiver.setBehaviour('hang', '/hang');
    const result = await channel.send(`${receiver.url}/hang`, secret, 'msg_hang', '{}');
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: 'transient', code: 'TIMEOUT' });
    expect(result.durationMs).toBeLessThan(5000);
  });

  it('a closed port is a transient connection failure', async () => {
    const gone = await startWebhookReceiver();
    const url = gone.url;
    await gone.close();
    const result = await channel.send(url, secret, 'msg_gone', '{}');
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe('transient');
  });

  it('refuses loopback receivers when private networks are not allowed, without connecting', async () => {
    const guarded = new WebhookChannel({ allowPrivateNetworks: false, timeoutMs: 1000 });
    try {
      for (const url of [receiver.url, receiver.url.replace('127.0.0.1', 'localhost')]) {
        const result = await guarded.send(`${url}/private`, secret, 'msg_private', '{}');
        expect(result).toMatchObject({ ok: false, error: { kind: 'permanent', code: 'PRIVATE_ADDRESS' } });
      }
      expect(receiver.attempts.filter((r) => r.path === '/private')).toHaveLength(0);
    } finally {
      await guarded.close();
    }
  });

  it('an invalid URL is a permanent failure, not a throw', async () => {
    for (const url of ['not a url', 'ftp://example.org/hook']) {
      const result = await channel.send(url, secret, 'msg_bad', '{}');
      expect(result).toMatchObject({ ok: false, error: { kind: 'permanent', code: 'INVALID_URL' } });
    }
  });
});
