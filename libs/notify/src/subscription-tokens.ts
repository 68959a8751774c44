import { createHash, createHmac } from 'node:crypto';

/**
 * The tokens in confirmation and unsubscribe links. They are derived (HMAC with
 * SECRET_KEY) rather than stored, so the worker that sends the email can rebuild them
 * from the subscription row; the database keeps only their SHA-256 hashes, which is
 * what an incoming link is looked up by.
 *
 * - confirmation: bound to the moment it was sent (`confirmSentAt`), so a new request
 *   makes the old link useless; single use (the hash is cleared on confirmation);
 * - unsubscribe: stable for the subscription, so every email's link keeps working.
 */
export class SubscriptionTokens {
  constructor(private readonly secretKey: string) {}

  confirmToken(subscriptionId: string, sentAt: Date): string {
    return this.mac(`confirm:${subscriptionId}:${sentAt.getTime()}`);
  }

  unsubscribeToken(subscriptionId: string): string {
    return this.mac(`unsubscribe:${subscriptionId}`);
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  private mac(message: string): string {
    return createHmac('sha256', this.secretKey).update(message).digest('base64url');
  }
}
