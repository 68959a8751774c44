import { Injectable, Logger } from '@nestjs/common';

import { DeliveryRepository, SubscriptionRepository } from '@fineprint/db';

import { DeliverService } from '../deliver/deliver.service';
import { renderDigestEmail } from '../email/render-digest-email';

/**
 * The daily digest: for each daily subscriber, the change deliveries still pending go
 * out as one email, and are marked delivered together.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliver: DeliverService,
  ) {}

  async sendDigests(day: string): Promise<{ emails: number; changes: number }> {
    const pending = await this.deliveries.listPendingDigestItems();
    const bySubscriber = new Map<string, { id: string; changeId: string }[]>();
    for (const d of pending) {
      bySubscriber.set(d.subscriptionId, [
        ...(bySubscriber.get(d.subscriptionId) ?? []),
        { id: d.id, changeId: d.changeId },
      ]);
    }
    let emails = 0;
    let changes = 0;
    for (const [subscriptionId, items] of bySubscriber) {
      const sub = await this.subscriptions.findById(subscriptionId);
      if (!sub || sub.digest !== 'daily') continue;
      const ids = items.map((i) => i.id);
      if (!sub.confirmed || sub.unsubscribedAt) {
        await this.deliveries.markSkipped(ids, 'not confirmed, or unsubscribed');
        continue;
      }
      const notes = await Promise.all(items.map((i) => this.deliver.notification(i.changeId)));
      const unsubscribeUrl = this.deliver.unsubscribeUrl(sub.id);
      const rendered = renderDigestEmail(day, notes, unsubscribeUrl);
      await this.deliver.email.send({
        ...rendered,
        to: sub.email,
        deliveryId: `digest-${day}-${sub.id}`,
        unsubscribeUrl,
      });
      await this.deliveries.markDelivered(ids, 250);
      emails++;
      changes += items.length;
    }
    this.logger.log({ msg: 'digests sent', day, emails, changes });
    return { emails, changes };
  }
}
