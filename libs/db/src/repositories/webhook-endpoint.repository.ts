import { Injectable } from '@nestjs/common';
import { type Prisma, type WebhookEndpoint } from '@prisma/client';

import { shouldDisable } from '@fineprint/contracts';

import { PrismaService } from '../prisma.service';
import { type SubscriptionScope } from './subscription.repository';

@Injectable()
export class WebhookEndpointRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: {
    url: string;
    secret: string;
    description: string | null;
    scope: SubscriptionScope;
  }): Promise<WebhookEndpoint> {
    return this.prisma.webhookEndpoint.create({
      data: { url: data.url, secret: data.secret, description: data.description, ...data.scope },
    });
  }

  findById(id: string): Promise<WebhookEndpoint | null> {
    return this.prisma.webhookEndpoint.findUnique({ where: { id } });
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.prisma.webhookEndpoint.findMany({ orderBy: { createdAt: 'desc' } });
  }

  listActive(page: { take: number; afterId?: string }): Promise<WebhookEndpoint[]> {
    return this.prisma.webhookEndpoint.findMany({
      where: { active: true, ...(page.afterId ? { id: { gt: page.afterId } } : {}) },
      orderBy: { id: 'asc' },
      take: page.take,
    });
  }

  update(id: string, data: Prisma.WebhookEndpointUpdateInput): Promise<WebhookEndpoint> {
    return this.prisma.webhookEndpoint.update({ where: { id }, data });
  }

  delete(id: string): Promise<WebhookEndpoint> {
    return this.prisma.webhookEndpoint.delete({ where: { id } });
  }

  async recordSuccess(id: string): Promise<void> {
    await this.prisma.webhookEndpoint.updateMany({
      where: { id, consecutiveFailures: { gt: 0 } },
      data: { consecutiveFailures: 0 },
    });
  }

  /** Counts a failure; disables the endpoint, with the reason, once the run reaches `threshold`. */
  async recordFailure(id: string, reason: string, threshold: number): Promise<WebhookEndpoint> {
    const endpoint = await this.prisma.webhookEndpoint.update({
      where: { id },
      data: { consecutiveFailures: { increment: 1 } },
    });
    if (endpoint.active && shouldDisable(endpoint.consecutiveFailures, threshold)) {
      return this.prisma.webhookEndpoint.update({
        where: { id },
        data: {
          active: false,
          disabledAt: new Date(),
          disabledReason:
            `disabled after ${endpoint.consecutiveFailures} consecutive failed deliveries; last: ${reason}`.slice(
              0,
              1000,
            ),
        },
      });
    }
    return endpoint;
  }
}
