import { Webhook } from 'standardwebhooks';

import { generateWebhookSecret, verifyWebhook, webhookHeaders } from './standard-webhooks.signer';

describe('Standard Webhooks signatures', () => {
  it('verify with the independent standardwebhooks implementation, and fail when tampered', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const body = JSON.stringify({ type: 'change.detected', data: { id: 1 } });
    const headers = webhookHeaders(secret, 'msg_1', body);
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(secret).verify(body.replace('1', '2'), headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(verifyWebhook(secret, headers, body)).toBe(true);
    expect(verifyWebhook(secret, headers, `${body} `)).toBe(false);
  });
});
