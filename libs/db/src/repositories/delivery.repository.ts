import { Injectable } from '@nestjs/common';
import { type Delivery, type DeliveryChannel, type DeliveryStatus, Prisma } from '@prisma/client';

import { PrismaService } from '../prisma.service';

export interface DeliveryForSending {
  id: string;
  changeId: string | null;
  channel: DeliveryChannel;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  subscriptionId: string | null;
  webhookEndpointId: string | null;
  endpointUrl: string | null;
  endpointSecret: string | null;
  endpointActive: boolean | null;
  endpointFailures: number | null;
  endpointDisabledReason: string | null;
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
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts the deliveries of a fan-out, skipping those that exist (change × channel ×
   * target is unique): a fan-out retried after a crash creates nothing twice. Returns
   * the ids of all the batch's deliveries, old and new.
   */
  async createMany(rows: NewDelivery[]): Promise<{ id: string; targetId: string; status: DeliveryStatus }[]> {
    if (rows.length === 0) return [];
    await this.prisma.delivery.createMany({ data: rows, skipDuplicates: true });
    const changeIds = [...new Set(rows.map((r) => r.changeId).filter((x): x is string => x !== null))];
    return this.prisma.delivery.findMany({
      where: {
        changeId: { in: changeIds },
        channel: { in: [...new Set(rows.map((r) => r.channel))] },
        targetId: { in: rows.map((r) => r.targetId) },
      },
      select: { id: true, targetId: true, status: true },
    });
  }

  create(row: NewDelivery): Promise<Delivery> {
    return this.prisma.delivery.create({ data: row });
  }

  findById(id: string): Promise<Delivery | null> {
    return this.prisma.delivery.findUnique({ where: { id } });
  }

  /**
   * A delivery with what sending it needs (its endpoint or subscription), in one raw
   * query: this is the hot path of a fan-out to thousands of targets.
   */
  async findForSending(id: string): Promise<DeliveryForSending | null> {
    const rows = await this.prisma.$queryRaw<DeliveryForSending[]>`
      SELECT d.id, d."changeId", d.channel::text AS channel, d."eventType", d.status::text AS status, d.attempts,
             d."subscriptionId", d."webhookEndpointId",
             e.url AS "endpointUrl", e.secret AS "endpointSecret", e.active AS "endpointActive",
             e."consecutiveFailures" AS "endpointFailures", e."disabledReason" AS "endpointDisabledReason"
      FROM "Delivery" d LEFT JOIN "WebhookEndpoint" e ON e.id = d."webhookEndpointId"
      WHERE d.id = ${id}::uuid`;
    return rows[0] ?? null;
  }

  /** Records a successful attempt (raw: the hot path). */
  async recordDelivered(id: string, responseCode: number | null, durationMs: number): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE "Delivery" SET status = 'delivered', attempts = attempts + 1, "responseCode" = ${responseCode},
        "lastError" = NULL, "durationMs" = ${durationMs}, "lastAttemptAt" = now(), "deliveredAt" = now()
      WHERE id = ${id}::uuid`;
  }

  /** Marks one attempt's result. */
  recordAttempt(
    id: string,
    result: {
      status: DeliveryStatus;
      responseCode?: number | null;
      error?: string | null;
      durationMs?: number;
    },
  ): Promise<Delivery> {
    return this.prisma.delivery.update({
      where: { id },
      data: {
        status: result.status,
        attempts: { increment: 1 },
        responseCode: result.responseCode ?? null,
        lastError: result.error?.slice(0, 2000) ?? null,
        durationMs: result.durationMs ?? null,
        lastAttemptAt: new Date(),
        ...(result.status === 'delivered' ? { deliveredAt: new Date() } : {}),
      },
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
