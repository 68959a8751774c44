import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG, type Env } from '@fineprint/config';
import {
  ChangeRepository,
  type DeliveryForSending,
  DeliveryRepository,
  DocumentRepository,
  VendorRepository,
  WebhookEndpointRepository,
} from '@fineprint/db';

import { type ChangeNotification, toChangeNotification } from '../change-notification';
import { EmailChannel, EmailSendError } from '../email/email.channel';
import { renderChangeEmail } from '../email/render-change-email';
import { renderConfirmationEmail } from '../email/render-confirmation-email';
import { describeScope } from '../match-scope';
import { PermanentDeliveryError, TransientDeliveryError } from '../notify.errors';
import { SubscriptionTokens } from '../subscription-tokens';
import { changeDetectedBody, pingEvent } from '../webhook/webhook-payload';
import { WebhookChannel } from '../webhook/webhook.channel';

export type DeliverOutcome = 'delivered' | 'skipped' | 'already-delivered';

/** The record of an attempt whose worker died before it could record it. */
const WORKER_LOST =
  'WORKER_LOST: the worker stopped during this attempt (a crash or kill); it was retried under the same id';

/**
 * Sends one Delivery by its channel and records the attempt: status, attempts,
 * response code, last error. A transient failure throws so BullMQ retries with backoff;
 * a permanent one is recorded and thrown as permanent (no retry). The repository reads the
 * row and records the attempt in statements shared by the deliveries running side by
 * side (docs/decisions/0010-delivery-throughput.md).
 */
@Injectable()
export class DeliverService implements OnModuleDestroy {
  readonly email: EmailChannel;
  readonly webhook: WebhookChannel;
  private readonly tokens: SubscriptionTokens;
  private readonly notifications = new Map<string, { at: number; value: Promise<ChangeNotification> }>();
  private readonly bodies = new WeakMap<ChangeNotification, (now?: Date) => string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: Env,
    private readonly deliveries: DeliveryRepository,
    private readonly changes: ChangeRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly vendors: VendorRepository,
    private readonly documents: DocumentRepository,
  ) {
    this.email = new EmailChannel({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
    this.webhook = new WebhookChannel({
      allowPrivateNetworks: config.ALLOW_PRIVATE_NETWORKS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    });
    this.tokens = new SubscriptionTokens(config.SECRET_KEY);
  }

  /**
   * `attempt.started`: how many times the queue has started this job, this time included
   * (BullMQ's attemptsStarted). Starts beyond the attempts on record are attempts a worker
   * died in (kill -9, a crash): each is recorded as such before sending again, under the
   * same id, so the row counts every attempt.
   */
  async deliver(
    deliveryId: string,
    attempt: { number: number; last: boolean; started?: number },
  ): Promise<DeliverOutcome> {
    const delivery = await this.deliveries.findForSending(deliveryId);
    if (!delivery) throw new PermanentDeliveryError('DELIVERY_GONE', `Delivery ${deliveryId} does not exist`);
    if (delivery.status === 'delivered') return 'already-delivered';
    for (let lost = (attempt.started ?? 0) - 1 - delivery.attempts; lost > 0; lost--) {
      await this.deliveries.recordAttempt(delivery.id, { status: 'pending', error: WORKER_LOST });
    }
    return delivery.channel === 'email'
      ? this.deliverEmail(delivery, attempt)
      : this.deliverWebhook(delivery, attempt);
  }

  /**
   * The notification of a change, kept briefly: a fan-out sends the same change thousands
   * of times. The promise is kept, so the deliveries that start together read it once.
   */
  notification(changeId: string): Promise<ChangeNotification> {
    const cached = this.notifications.get(changeId);
    if (cached && Date.now() - cached.at < 60_000) return cached.value;
    const value = this.changes.findById(changeId).then((change) => {
      if (!change) throw new PermanentDeliveryError('CHANGE_GONE', `Change ${changeId} does not exist`);
      return toChangeNotification(change, this.config.PUBLIC_URL);
    });
    if (this.notifications.size > 200) this.notifications.clear();
    this.notifications.set(changeId, { at: Date.now(), value });
    // a failed read is not kept: the next delivery tries again
    value.catch(() => {
      if (this.notifications.get(changeId)?.value === value) this.notifications.delete(changeId);
    });
    return value;
  }

  unsubscribeUrl(subscriptionId: string): string {
    return `${this.config.PUBLIC_URL}/api/v1/subscriptions/unsubscribe?token=${this.tokens.unsubscribeToken(subscriptionId)}`;
  }

  private async deliverEmail(
    delivery: DeliveryForSending,
    attempt: { number: number; last: boolean },
  ): Promise<DeliverOutcome> {
    const sub = delivery.subscription;
    if (!sub) return this.skip(delivery, 'the subscription no longer exists');
    const started = Date.now();
    let message;
    if (delivery.eventType === 'subscription.confirm') {
      if (sub.confirmed || !sub.confirmSentAt || !sub.confirmTokenHash)
        return this.skip(delivery, 'already confirmed or superseded');
      const confirmUrl = `${this.config.PUBLIC_URL}/api/v1/subscriptions/confirm?token=${this.tokens.confirmToken(sub.id, sub.confirmSentAt)}`;
      const names = {
        vendor: sub.vendorId ? ((await this.vendors.findById(sub.vendorId))?.name ?? null) : null,
        document: sub.documentId ? ((await this.documents.findById(sub.documentId))?.title ?? null) : null,
      };
      message = {
        ...renderConfirmationEmail(confirmUrl, describeScope(sub, names)),
        to: sub.email,
        deliveryId: delivery.id,
      };
    } else {
      if (!sub.confirmed || sub.unsubscribedAt) return this.skip(delivery, 'not confirmed, or unsubscribed');
      if (!delivery.changeId) return this.skip(delivery, 'no change to announce');
      const unsubscribeUrl = this.unsubscribeUrl(sub.id);
      message = {
        ...renderChangeEmail(await this.notification(delivery.changeId), unsubscribeUrl),
        to: sub.email,
        deliveryId: delivery.id,
        unsubscribeUrl,
      };
    }
    try {
      await this.email.send(message);
    } catch (error) {
      const e =
        error instanceof EmailSendError ? error : new EmailSendError(String(error), 'transient', null);
      const final = e.kind === 'permanent' || attempt.last;
      await this.deliveries.recordAttempt(delivery.id, {
        status: final ? 'failed' : 'pending',
        responseCode: e.responseCode,
        error: e.message,
        durationMs: Date.now() - started,
      });
      if (e.kind === 'permanent') throw new PermanentDeliveryError('SMTP_REJECTED', e.message);
      throw new TransientDeliveryError('SMTP_FAILED', e.message);
    }
    await this.deliveries.recordAttempt(delivery.id, {
      status: 'delivered',
      responseCode: 250,
      durationMs: Date.now() - started,
    });
    return 'delivered';
  }

  private async deliverWebhook(
    delivery: DeliveryForSending,
    attempt: { number: number; last: boolean },
  ): Promise<DeliverOutcome> {
    const endpoint = delivery.endpoint;
    if (!endpoint) return this.skip(delivery, 'the endpoint no longer exists');
    if (!endpoint.active && delivery.eventType !== 'ping')
      return this.skip(delivery, `the endpoint is disabled: ${endpoint.disabledReason ?? ''}`);
    const body =
      delivery.eventType === 'ping' || !delivery.changeId
        ? JSON.stringify(pingEvent(endpoint.id))
        : this.changeBody(await this.notification(delivery.changeId));
    const result = await this.webhook.send(endpoint.url, endpoint.secret, delivery.id, body);
    if (result.ok) {
      await this.deliveries.recordAttempt(delivery.id, {
        status: 'delivered',
        responseCode: result.status ?? null,
        durationMs: result.durationMs,
      });
      if (endpoint.consecutiveFailures > 0) await this.endpoints.recordSuccess(endpoint.id);
      return 'delivered';
    }
    const error = result.error ?? { kind: 'transient' as const, code: 'UNKNOWN', message: 'failed' };
    const final = error.kind === 'permanent' || attempt.last;
    await this.deliveries.recordAttempt(delivery.id, {
      status: final ? 'failed' : 'pending',
      responseCode: result.status ?? null,
      error: `${error.code}: ${error.message}`,
      durationMs: result.durationMs,
    });
    await this.endpoints.recordFailure(
      endpoint.id,
      `${error.code}: ${error.message}`,
      this.config.WEBHOOK_DISABLE_AFTER,
    );
    if (error.kind === 'permanent') throw new PermanentDeliveryError(error.code, error.message);
    throw new TransientDeliveryError(error.code, error.message);
  }

  /** The change.detected body, its change part serialised once per change. */
  private changeBody(notification: ChangeNotification): string {
    let body = this.bodies.get(notification);
    if (!body) {
      body = changeDetectedBody(notification);
      this.bodies.set(notification, body);
    }
    return body();
  }

  private async skip(delivery: Pick<DeliveryForSending, 'id'>, reason: string): Promise<DeliverOutcome> {
    await this.deliveries.recordAttempt(delivery.id, { status: 'skipped', error: reason });
    return 'skipped';
  }

  async onModuleDestroy(): Promise<void> {
    this.email.close();
    await this.webhook.close();
  }
}
