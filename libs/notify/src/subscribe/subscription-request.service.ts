import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { type ConfirmationOutcome, SubscriptionRepository, type SubscriptionScope } from '@fineprint/db';
import { QueueProducer } from '@fineprint/queue';

import { SubscriptionTokens } from '../subscription-tokens';

/** Confirmation emails one mailbox (case and `+tag` folded) receives per rolling day, whatever the scopes. */
export const MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY = 3;
/** A second confirmation email to the same address and scope waits at least this long. */
export const RESEND_AFTER_MS = 10 * 60_000;

export interface SubscriptionRequest {
  email: string;
  scope: SubscriptionScope;
  digest: 'immediate' | 'daily';
}

/**
 * The worker's side of "subscribe": the API only enqueues the request and answers the
 * same way at once, so neither its answer nor its timing tells whether an address is
 * subscribed. Here the request becomes a confirmation email, unless the address is already
 * confirmed for that scope, was sent one recently, or its mailbox had its daily share.
 */
@Injectable()
export class SubscriptionRequestService {
  private readonly logger = new Logger(SubscriptionRequestService.name);
  private readonly tokens: SubscriptionTokens;

  constructor(
    @Inject(APP_CONFIG) config: Env,
    private readonly subscriptions: SubscriptionRepository,
    private readonly queues: QueueProducer,
  ) {
    this.tokens = new SubscriptionTokens(config.SECRET_KEY);
  }

  async handle(request: SubscriptionRequest): Promise<ConfirmationOutcome['outcome']> {
    const result = await this.subscriptions.requestConfirmation({
      ...request,
      maxPerMailboxPerDay: MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY,
      resendAfterMs: RESEND_AFTER_MS,
      tokenHashes: (id, sentAt) => ({
        confirmTokenHash: SubscriptionTokens.hash(this.tokens.confirmToken(id, sentAt)),
        unsubscribeTokenHash: SubscriptionTokens.hash(this.tokens.unsubscribeToken(id)),
      }),
    });
    if (result.outcome === 'send') {
      await this.queues.enqueue.deliver({ deliveryId: result.deliveryId });
    } else if (result.outcome === 'mailbox-limit') {
      this.logger.warn({ msg: 'confirmation not sent: the mailbox had its daily share' });
    }
    return result.outcome;
  }
}
