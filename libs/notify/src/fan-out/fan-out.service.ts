import { Injectable, Logger } from '@nestjs/common';

import { isAnnounced } from '@fineprint/contracts';
import {
  ChangeRepository,
  DeliveryRepository,
  type NewDelivery,
  SubscriptionRepository,
  WebhookEndpointRepository,
} from '@fineprint/db';
import { JOB_CONTRACTS, QueueProducer } from '@fineprint/queue';

import { matchesScope } from '../match-scope';
import { PermanentDeliveryError } from '../notify.errors';

const PAGE = 1000;
/** A delivery job's options: its contract in libs/queue (job-contracts.ts). */
export const DELIVERY_JOB_OPTIONS = JOB_CONTRACTS.deliver.options;

export interface FanOutReport {
  changeId: string;
  emails: number;
  digests: number;
  webhooks: number;
}

/**
 * One announced change → one Delivery per matching subscription and endpoint (inserted in
 * bulk; change × channel × target is unique, so a fan-out retried after a crash creates
 * nothing twice) → one delivery job each, with a deterministic id.
 */
@Injectable()
export class FanOutService {
  private readonly logger = new Logger(FanOutService.name);

  constructor(
    private readonly changes: ChangeRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queues: QueueProducer,
  ) {}

  async fanOut(changeId: string): Promise<FanOutReport> {
    const change = await this.changes.findById(changeId);
    if (!change) throw new PermanentDeliveryError('CHANGE_GONE', `Change ${changeId} does not exist`);
    const report: FanOutReport = { changeId, emails: 0, digests: 0, webhooks: 0 };
    if (!isAnnounced(change.state)) return report;
    const facts = {
      vendorId: change.document.vendorId,
      documentId: change.documentId,
      topics: change.topics,
      severity: change.severity,
      cosmetic: change.cosmetic,
    };

    for (let afterId: string | undefined; ;) {
      const page = await this.subscriptions.listActive({ take: PAGE, ...(afterId ? { afterId } : {}) });
      if (page.length === 0) break;
      afterId = page[page.length - 1]?.id;
      const matching = page.filter((s) => matchesScope(s, facts));
      const digestIds = new Set(matching.filter((s) => s.digest === 'daily').map((s) => s.id));
      const rows: NewDelivery[] = matching.map((s) => ({
        changeId,
        channel: 'email',
        eventType: 'change.detected',
        targetId: s.id,
        subscriptionId: s.id,
      }));
      const saved = await this.deliveries.createMany(rows);
      const immediate = saved.filter((d) => d.status === 'pending' && !digestIds.has(d.targetId));
      await this.enqueue(immediate.map((d) => d.id));
      report.emails += immediate.length;
      report.digests += saved.length - immediate.length;
      if (page.length < PAGE) break;
    }

    for (let afterId: string | undefined; ;) {
      const page = await this.endpoints.listActive({ take: PAGE, ...(afterId ? { afterId } : {}) });
      if (page.length === 0) break;
      afterId = page[page.length - 1]?.id;
      const rows: NewDelivery[] = page
        .filter((e) => matchesScope(e, facts))
        .map((e) => ({
          changeId,
          channel: 'webhook',
          eventType: 'change.detected',
          targetId: e.id,
          webhookEndpointId: e.id,
        }));
      const saved = await this.deliveries.createMany(rows);
      const pending = saved.filter((d) => d.status === 'pending');
      await this.enqueue(pending.map((d) => d.id));
      report.webhooks += pending.length;
      if (page.length < PAGE) break;
    }
    this.logger.log({ msg: 'fan-out', ...report });
    return report;
  }

  private async enqueue(deliveryIds: string[]): Promise<void> {
    for (let i = 0; i < deliveryIds.length; i += PAGE) {
      await this.queues.enqueueMany.deliver(
        deliveryIds.slice(i, i + PAGE).map((deliveryId) => ({ deliveryId })),
      );
    }
  }
}
