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
