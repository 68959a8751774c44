import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { type DigestMode, type Severity, type Subscription } from '@prisma/client';

import { PrismaService } from '../prisma.service';

export interface SubscriptionScope {
  vendorId: string | null;
  documentId: string | null;
  topic: string | null;
  minSeverity: Severity;
  includeCosmetic: boolean;
}

/** The canonical string of a scope: one address holds one subscription per scope. */
export function scopeKey(scope: SubscriptionScope): string {
  return [
    `v=${scope.vendorId ?? '*'}`,
    `d=${scope.documentId ?? '*'}`,
    `t=${scope.topic ?? '*'}`,
    `s=${scope.minSeverity}`,
    `c=${scope.includeCosmetic ? 1 : 0}`,
  ].join(';');
}

/** A `+tag` and the `@` after it (the same pattern in JavaScript and in PostgreSQL). */
const TAG_PATTERN = '\\+[^@]*@';

/** The mailbox an address reaches: lower case, without a `+tag` (limits count per mailbox). */
export function mailboxOf(email: string): string {
  return email.toLowerCase().replace(new RegExp(TAG_PATTERN), '@');
}

export interface ConfirmationRequest {
  email: string;
  scope: SubscriptionScope;
  digest: DigestMode;
  /** Confirmation emails one mailbox may receive in a rolling day, whatever the scopes. */
  maxPerMailboxPerDay: number;
  /** A second email for the same address and scope waits at least this long. */
  resendAfterMs: number;
  /** The token hashes for a subscription id and the moment its email is sent. */
  tokenHashes: (id: string, sentAt: Date) => { confirmTokenHash: string; unsubscribeTokenHash: string };
}

export type ConfirmationOutcome =
  | { outcome: 'send'; deliveryId: string; subscriptionId: string }
  | { outcome: 'already-confirmed' | 'sent-recently' | 'mailbox-limit' };

@Injectable()
export class SubscriptionRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByEmailAndScope(email: string, scope: SubscriptionScope): Promise<Subscription | null> {
    return this.prisma.subscription.findUnique({
      where: { email_scopeKey: { email, scopeKey: scopeKey(scope) } },
    });
  }

  create(data: {
    id: string;
    sentAt: Date;
    email: string;
    scope: SubscriptionScope;
    digest: DigestMode;
    confirmTokenHash: string;
    unsubscribeTokenHash: string;
  }): Promise<Subscription> {
    return this.prisma.subscription.create({
      data: {
        id: data.id,
        email: data.email,
        ...data.scope,
        scopeKey: scopeKey(data.scope),
        digest: data.digest,
        confirmTokenHash: data.confirmTokenHash,
        unsubscribeTokenHash: data.unsubscribeTokenHash,
        confirmSentAt: data.sentAt,
      },
    });
  }

  /** A fresh confirmation (re-subscribing an unconfirmed or unsubscribed address). */
  renew(
    id: string,
    data: { confirmTokenHash: string; unsubscribeTokenHash: string; digest: DigestMode; sentAt: Date },
  ): Promise<Subscription> {
    return this.prisma.subscription.update({
      where: { id },
      data: {
        confirmTokenHash: data.confirmTokenHash,
        unsubscribeTokenHash: data.unsubscribeTokenHash,
        digest: data.digest,
        confirmed: false,
        unsubscribedAt: null,
        confirmSentAt: data.sentAt,
      },
    });
  }

  /**
   * Decides and records a confirmation email in one transaction, serialised per mailbox
   * (advisory lock), so parallel requests cannot exceed the mailbox's daily limit or race
   * on the (email, scope) unique key: the subscription is created or renewed and its
   * confirmation Delivery inserted, or nothing is written and the reason is returned.
   */
  requestConfirmation(req: ConfirmationRequest, now = new Date()): Promise<ConfirmationOutcome> {
    const mailbox = mailboxOf(req.email);
    const key = scopeKey(req.scope);
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`subscribe:${mailbox}`}))) AS l`;
      const existing = await tx.subscription.findUnique({
        where: { email_scopeKey: { email: req.email, scopeKey: key } },
      });
      if (existing?.confirmed && !existing.unsubscribedAt) return { outcome: 'already-confirmed' as const };
      if (existing?.confirmSentAt && now.getTime() - existing.confirmSentAt.getTime() < req.resendAfterMs)
        return { outcome: 'sent-recently' as const };
      const since = new Date(now.getTime() - 24 * 3600_000);
      const rows = await tx.$queryRaw<{ sent: number }[]>`
        SELECT count(*)::int AS sent FROM "Delivery" d JOIN "Subscription" s ON s.id = d."subscriptionId"
        WHERE d."eventType" = 'subscription.confirm' AND d."createdAt" > ${since}
          AND regexp_replace(s.email, ${TAG_PATTERN}, '@') = ${mailbox}`;
      if ((rows[0]?.sent ?? 0) >= req.maxPerMailboxPerDay) return { outcome: 'mailbox-limit' as const };
      const id = existing?.id ?? randomUUID();
      const hashes = req.tokenHashes(id, now);
      if (existing) {
        await tx.subscription.update({
          where: { id },
          data: { ...hashes, digest: req.digest, confirmed: false, unsubscribedAt: null, confirmSentAt: now },
        });
      } else {
        await tx.subscription.create({
          data: {
            id,
            email: req.email,
            ...req.scope,
            scopeKey: key,
            digest: req.digest,
            ...hashes,
            confirmSentAt: now,
          },
        });
      }
      const delivery = await tx.delivery.create({
        data: {
          changeId: null,
          channel: 'email',
          eventType: 'subscription.confirm',
          targetId: id,
          subscriptionId: id,
          createdAt: now,
        },
      });
      return { outcome: 'send' as const, deliveryId: delivery.id, subscriptionId: id };
    });
  }

  /** Whether a confirmation token names a pending confirmation (read only: a GET shows a button). */
  async hasConfirmToken(tokenHash: string): Promise<boolean> {
    return (await this.prisma.subscription.count({ where: { confirmTokenHash: tokenHash } })) > 0;
  }

  /** Confirms by single-use token: the token is cleared in the same statement. */
  async confirmByTokenHash(tokenHash: string): Promise<Subscription | null> {
    const sub = await this.prisma.subscription.findUnique({ where: { confirmTokenHash: tokenHash } });
    if (!sub) return null;
    const { count } = await this.prisma.subscription.updateMany({
      where: { id: sub.id, confirmTokenHash: tokenHash },
      data: { confirmed: true, confirmedAt: new Date(), confirmTokenHash: null, unsubscribedAt: null },
    });
    return count === 1 ? { ...sub, confirmed: true } : null;
  }

  async unsubscribeByTokenHash(tokenHash: string): Promise<Subscription | null> {
    const sub = await this.prisma.subscription.findUnique({ where: { unsubscribeTokenHash: tokenHash } });
    if (!sub) return null;
    return this.prisma.subscription.update({
      where: { id: sub.id },
      data: { unsubscribedAt: new Date(), confirmed: false },
    });
  }

  findById(id: string): Promise<Subscription | null> {
    return this.prisma.subscription.findUnique({ where: { id } });
  }

  /** Confirmed, not unsubscribed subscriptions, in pages (for fan-out). */
  listActive(page: { take: number; afterId?: string }): Promise<Subscription[]> {
    return this.prisma.subscription.findMany({
      where: { confirmed: true, unsubscribedAt: null, ...(page.afterId ? { id: { gt: page.afterId } } : {}) },
      orderBy: { id: 'asc' },
      take: page.take,
    });
  }

  countActive(): Promise<number> {
    return this.prisma.subscription.count({ where: { confirmed: true, unsubscribedAt: null } });
  }
}
