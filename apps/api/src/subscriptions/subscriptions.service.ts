import { Injectable } from '@nestjs/common';
import { type z } from 'zod';

import { type createSubscriptionSchema } from '@fineprint/contracts';
import { DocumentRepository, SubscriptionRepository, VendorRepository } from '@fineprint/db';
import { SubscriptionTokens } from '@fineprint/notify';
import { QueueProducer } from '@fineprint/queue';

import { resolveScope } from '../common/resolve-scope';

@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly vendors: VendorRepository,
    private readonly documents: DocumentRepository,
    private readonly queues: QueueProducer,
  ) {}

  /**
   * Double opt-in, decided off the request path: the request is enqueued as it is, and the
   * worker (SubscriptionRequestService) decides whether a confirmation email goes out. The
   * answer and its timing are therefore the same whether the address is new, pending or
   * confirmed, and parallel identical requests cannot collide on a unique key here.
   */
  async subscribe(input: z.output<typeof createSubscriptionSchema>): Promise<void> {
    const scope = await resolveScope(input.scope, this.vendors, this.documents);
    await this.queues.enqueue.requestSubscription({ email: input.email, scope, digest: input.digest });
  }

  isPendingConfirmation(token: string): Promise<boolean> {
    return this.subscriptions.hasConfirmToken(SubscriptionTokens.hash(token));
  }

  async confirm(token: string): Promise<boolean> {
    return (await this.subscriptions.confirmByTokenHash(SubscriptionTokens.hash(token))) !== null;
  }

  async unsubscribe(token: string): Promise<boolean> {
    return (await this.subscriptions.unsubscribeByTokenHash(SubscriptionTokens.hash(token))) !== null;
  }
}
