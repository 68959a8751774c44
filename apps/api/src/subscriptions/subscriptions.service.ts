import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { type z } from 'zod';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { type createSubscriptionSchema } from '@fineprint/contracts';
import {
  DeliveryRepository,
  DocumentRepository,
  SubscriptionRepository,
  VendorRepository,
} from '@fineprint/db';
import { SubscriptionTokens } from '@fineprint/notify';
import { QueueProducer } from '@fineprint/queue';

import { resolveScope } from '../common/resolve-scope';

/** A second confirmation email to the same address and scope waits at least this long. */
const RESEND_AFTER_MS = 10 * 60_000;

@Injectable()
export class SubscriptionsService {
  private readonly tokens: SubscriptionTokens;

  constructor(
    @Inject(APP_CONFIG) config: Env,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly vendors: VendorRepository,
    private readonly documents: DocumentRepository,
    private readonly queues: QueueProducer,
  ) {
    this.tokens = new SubscriptionTokens(config.SECRET_KEY);
  }

  /**
   * Double opt-in. The answer is the same whether the address was new, pending or
   * already confirmed, so the endpoint does not reveal who is subscribed.
   */
  async subscribe(input: z.output<typeof createSubscriptionSchema>): Promise<void> {
    const scope = await resolveScope(input.scope, this.vendors, this.documents);
    const existing = await this.subscriptions.findByEmailAndScope(input.email, scope);
    if (existing?.confirmed && !existing.unsubscribedAt) return;
    if (existing?.confirmSentAt && Date.now() - existing.confirmSentAt.getTime() < RESEND_AFTER_MS) return;

    const id = existing?.id ?? randomUUID();
    const sentAt = new Date();
    const confirmTokenHash = SubscriptionTokens.hash(this.tokens.confirmToken(id, sentAt));
    const unsubscribeTokenHash = SubscriptionTokens.hash(this.tokens.unsubscribeToken(id));
    if (existing) {
      await this.subscriptions.renew(id, {
        confirmTokenHash,
        unsubscribeTokenHash,
        digest: input.digest,
        sentAt,
      });
    } else {
      await this.subscriptions.create({
        id,
        sentAt,
        email: input.email,
        scope,
        digest: input.digest,
        confirmTokenHash,
        unsubscribeTokenHash,
      });
    }
    const delivery = await this.deliveries.create({
      changeId: null,
      channel: 'email',
      eventType: 'subscription.confirm',
      targetId: id,
      subscriptionId: id,
    });
    await this.queues.enqueue.deliver({ deliveryId: delivery.id });
  }

  async confirm(token: string): Promise<boolean> {
    return (await this.subscriptions.confirmByTokenHash(SubscriptionTokens.hash(token))) !== null;
  }

  async unsubscribe(token: string): Promise<boolean> {
    return (await this.subscriptions.unsubscribeByTokenHash(SubscriptionTokens.hash(token))) !== null;
  }
}
