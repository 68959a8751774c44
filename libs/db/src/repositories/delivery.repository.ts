import { Injectable } from '@nestjs/common';
import {
  type Delivery,
  type DeliveryChannel,
  type DeliveryStatus,
  Prisma,
  type Subscription,
  type WebhookEndpoint,
} from '@prisma/client';

import { MicroBatcher } from '../batching/micro-batcher';
import { PrismaService } from '../prisma.service';
import { run, type SendingSqlRow, SQL } from '../sql/hot-path.sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What sending a delivery needs, read in one statement with its endpoint or subscription. */
export interface DeliveryForSending {
  id: string;
  changeId: string | null;
  channel: DeliveryChannel;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  subscriptionId: string | null;
  webhookEndpointId: string | null;
  /** The endpoint of a webhook delivery; null if it was deleted (or for an email). */
  endpoint: Pick<
    WebhookEndpoint,
    'id' | 'url' | 'secret' | 'active' | 'consecutiveFailures' | 'disabledReason'
  > | null;
  /** The subscription of an email delivery; null if it was deleted (or for a webhook). */
  subscription: Pick<
    Subscription,
    | 'id'
    | 'email'
    | 'vendorId'
    | 'documentId'
    | 'topic'
    | 'minSeverity'
    | 'includeCosmetic'
    | 'confirmed'
    | 'confirmSentAt'
    | 'confirmTokenHash'
    | 'unsubscribedAt'
  > | null;
}

/** The outcome of one attempt at a delivery. */
export interface DeliveryAttempt {
  id: string;
  status: DeliveryStatus;
  responseCode?: number | null;
  error?: string | null;
  durationMs?: number | null;
}

function toDeliveryForSending(r: SendingSqlRow): DeliveryForSending {
  return {
    id: r.id,
    changeId: r.changeId,
    channel: r.channel,
    eventType: r.eventType,
    status: r.status,
    attempts: r.attempts,
    subscriptionId: r.subscriptionId,
    webhookEndpointId: r.webhookEndpointId,
    endpoint: r.e_id
      ? {
          id: r.e_id,
          url: r.e_url,
          secret: r.e_secret,
          active: r.e_active,
          consecutiveFailures: r.e_failures,
          disabledReason: r.e_disabledReason,
        }
      : null,
    subscription: r.s_id
      ? {
          id: r.s_id,
          email: r.s_email,
          vendorId: r.s_vendorId,
          documentId: r.s_documentId,
          topic: r.s_topic,
          minSeverity: r.s_minSeverity,
          includeCosmetic: r.s_includeCosmetic,
          confirmed: r.s_confirmed,
          confirmSentAt: r.s_confirmSentAt,
          confirmTokenHash: r.s_confirmTokenHash,
          unsubscribedAt: r.s_unsubscribedAt,
        }
      : null,
  };
}

export interface NewDelivery {
  changeId: string | null;
  channel: DeliveryChannel;
  eventType: string;
  targetId: string;
  subscriptionId?: string | null;
  webhookEndpointId?: string | null;
}

@Injectable()
export class DeliveryRepository {
  /** Batches the read and the write of every delivery job across the jobs running side by side. */
  private readonly sendingReads = new MicroBatcher((ids: string[]) => this.findManyForSending(ids), {
    maxBatch: 500,
  });
  private readonly attemptWrites = new MicroBatcher(
    (attempts: DeliveryAttempt[]) => this.recordAttempts(attempts),
    {
      maxBatch: 500,
    },
  );

  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts the deliveries of a fan-out, skipping those that exist (change × channel ×
   * target is unique): a fan-out retried after a crash creates nothing twice. Returns
   * all the batch's deliveries, old and new, in one plain statement (Prisma's createMany
   * then findMany cost about half a millisecond of CPU per row).
   */
  async createMany(rows: NewDelivery[]): Promise<{ id: string; targetId: string; status: DeliveryStatus }[]> {
    if (rows.length === 0) return [];
    return run(this.prisma.pool, SQL.deliveryCreateMany, [
      rows.map((r) => r.changeId),
      rows.map((r) => r.channel),
      rows.map((r) => r.eventType),
      rows.map((r) => r.targetId),
      rows.map((r) => r.subscriptionId ?? null),
      rows.map((r) => r.webhookEndpointId ?? null),
    ]);
  }

  create(row: NewDelivery): Promise<Delivery> {
    return this.prisma.delivery.create({ data: row });
  }

  findById(id: string): Promise<Delivery | null> {
    return this.prisma.delivery.findUnique({ where: { id } });
  }

  /**
   * A delivery with what sending it needs (its endpoint or subscription); null if there is
   * no such delivery. The hot path of a fan-out: the jobs running side by side share one
   * statement (MicroBatcher, docs/decisions/0010-delivery-throughput.md).
   */
  findForSending(id: string): Promise<DeliveryForSending | null> {
    // a malformed id names no row, and must not fail its batch's uuid[] cast
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.sendingReads.load(id.toLowerCase());
  }

  /**
   * Records one attempt: status, attempts + 1, response code, last error, duration and
   * times. Resolves once the row is written; the jobs running side by side share one
   * statement.
   */
  recordAttempt(id: string, result: Omit<DeliveryAttempt, 'id'>): Promise<void> {
    return this.attemptWrites.load({ id, ...result });
  }

  /** Deliveries with what sending them needs, in one plain statement; in the order of `ids`. */
  private async findManyForSending(ids: readonly string[]): Promise<(DeliveryForSending | null)[]> {
    const rows = await run(this.prisma.pool, SQL.deliveryForSending, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toDeliveryForSending(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * Records attempts at many deliveries in one plain statement. A delivery named twice
   * (a redelivery running beside its original) gets a second statement, so each attempt
   * is counted.
   */
  private async recordAttempts(attempts: readonly DeliveryAttempt[]): Promise<undefined[]> {
    const seen = new Set<string>();
    const now: DeliveryAttempt[] = [];
    const later: DeliveryAttempt[] = [];
    for (const a of attempts) {
      (seen.has(a.id) ? later : now).push(a);
      seen.add(a.id);
    }
    if (now.length > 0)
      await run(this.prisma.pool, SQL.deliveryAttempts, [
        now.map((a) => a.id),
        now.map((a) => a.status),
        now.map((a) => a.responseCode ?? null),
        now.map((a) => a.error?.slice(0, 2000) ?? null),
        now.map((a) => (a.durationMs == null ? null : Math.round(a.durationMs))),
      ]);
    if (later.length > 0) await this.recordAttempts(later);
    return attempts.map(() => undefined);
  }

  /** Change emails still pending, for the daily digest. */
  async listPendingDigestItems(): Promise<{ id: string; changeId: string; subscriptionId: string }[]> {
    const rows = await this.prisma.delivery.findMany({
      where: {
        channel: 'email',
        eventType: 'change.detected',
        status: 'pending',
        subscriptionId: { not: null },
        changeId: { not: null },
      },
      select: { id: true, changeId: true, subscriptionId: true },
    });
    return rows.flatMap((r) =>
      r.changeId && r.subscriptionId
        ? [{ id: r.id, changeId: r.changeId, subscriptionId: r.subscriptionId }]
        : [],
    );
  }

  /** Deliveries sent together (a digest): delivered, one attempt more. */
  async markDelivered(ids: string[], responseCode: number): Promise<void> {
    const now = new Date();
    await this.prisma.delivery.updateMany({
      where: { id: { in: ids } },
      data: {
        status: 'delivered',
        deliveredAt: now,
        lastAttemptAt: now,
        attempts: { increment: 1 },
        responseCode,
      },
    });
  }

  /** Deliveries that will not be sent, and why. */
  async markSkipped(ids: string[], reason: string): Promise<void> {
    await this.prisma.delivery.updateMany({
      where: { id: { in: ids } },
      data: { status: 'skipped', lastError: reason },
    });
  }

  resetForRedelivery(id: string): Promise<Delivery> {
    return this.prisma.delivery.update({ where: { id }, data: { status: 'pending', lastError: null } });
  }

  listForEndpoint(webhookEndpointId: string, page: { take: number; cursor?: string }): Promise<Delivery[]> {
    return this.prisma.delivery.findMany({
      where: { webhookEndpointId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.take,
      ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    });
  }

  countByStatus(
    changeId?: string,
  ): Promise<{ status: DeliveryStatus; channel: DeliveryChannel; count: number }[]> {
    return this.prisma.delivery
      .groupBy({ by: ['status', 'channel'], where: changeId ? { changeId } : {}, _count: true })
      .then((rows) => rows.map((r) => ({ status: r.status, channel: r.channel, count: r._count })));
  }

  isUniqueViolation(error: unknown): boolean {
    return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
  }
}
