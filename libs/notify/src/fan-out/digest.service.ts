import { Injectable, Logger } from '@nestjs/common';

import { PrismaService } from '@fineprint/db';

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
    private readonly prisma: PrismaService,
    private readonly deliver: DeliverService,
  ) {}

  async sendDigests(day: string): Promise<{ emails: number; changes: number }> {
    const pending = await this.prisma.delivery.findMany({
      where: {
        channel: 'email',
        eventType: 'change.detected',
        status: 'pending',
        subscriptionId: { not: null },
      },
      select: { id: true, changeId: true, subscriptionId: true },
    });
    const bySubscriber = new Map<string, { id: string; changeId: string }[]>();
    for (const d of pending) {
      if (!d.subscriptionId || !d.changeId) continue;
      bySubscriber.set(d.subscriptionId, [
        ...(bySubscriber.get(d.subscriptionId) ?? []),
        { id: d.id, changeId: d.changeId },
      ]);
    }
    let emails = 0;
    let changes = 0;
    for (const [subscriptionId, items] of bySubscriber) {
      const sub = await this.prisma.subscription.findUnique({ where: { id: subscriptionId } });
      if (!sub || sub.digest !== 'daily') continue;
      const ids = items.map((i) => i.id);
      if (!sub.confirmed || sub.unsubscribedAt) {
        await this.prisma.delivery.updateMany({
          where: { id: { in: ids } },
          data: { status: 'skipped', lastError: 'not confirmed, or unsubscribed' },
        });
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
      await this.prisma.delivery.updateMany({
        where: { id: { in: ids } },
        data: {
          status: 'delivered',
          deliveredAt: new Date(),
          lastAttemptAt: new Date(),
          attempts: { increment: 1 },
          responseCode: 250,
        },
      });
      emails++;
      changes += items.length;
    }
    this.logger.log({ msg: 'digests sent', day, emails, changes });
    return { emails, changes };
  }
}
