import { Inject, Injectable } from '@nestjs/common';
import { type z } from 'zod';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { type createWebhookSchema } from '@fineprint/contracts';
import {
  DeliveryRepository,
  DocumentRepository,
  VendorRepository,
  WebhookEndpointRepository,
} from '@fineprint/db';
import { generateWebhookSecret } from '@fineprint/notify';
import { QueueProducer } from '@fineprint/queue';

import { NotFoundError } from '../common/api.errors';
import { assertPublicUrl } from '../common/assert-public-url';
import { resolveScope } from '../common/resolve-scope';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly vendors: VendorRepository,
    private readonly documents: DocumentRepository,
    private readonly queues: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  /** Creates an endpoint; the secret is returned here and never again. */
  async create(input: z.output<typeof createWebhookSchema>) {
    await assertPublicUrl(this.config, 'url', input.url);
    const scope = await resolveScope(input.scope, this.vendors, this.documents);
    const secret = generateWebhookSecret();
    const endpoint = await this.endpoints.create({
      url: input.url,
      description: input.description ?? null,
      secret,
      scope,
    });
    return { endpoint, secret };
  }

  list() {
    return this.endpoints.list();
  }

  async get(id: string) {
    const endpoint = await this.endpoints.findById(id);
    if (!endpoint) throw new NotFoundError('Webhook endpoint', id);
    return endpoint;
  }

  async setActive(id: string, active: boolean) {
    await this.get(id);
    return this.endpoints.update(
      id,
      active ? { active, consecutiveFailures: 0, disabledAt: null, disabledReason: null } : { active },
    );
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.endpoints.delete(id);
  }

  async deliveriesOf(id: string, limit: number, cursor?: string) {
    await this.get(id);
    return this.deliveries.listForEndpoint(id, { take: limit + 1, ...(cursor ? { cursor } : {}) });
  }

  /** Sends a `ping` event now (through the delivery queue, recorded like any delivery). */
  async ping(id: string) {
    await this.get(id);
    const delivery = await this.deliveries.create({
      changeId: null,
      channel: 'webhook',
      eventType: 'ping',
      targetId: id,
      webhookEndpointId: id,
    });
    await this.queues.enqueue.deliver({ deliveryId: delivery.id });
    return delivery;
  }

  /** Sends a delivery again, whatever its status. */
  async redeliver(deliveryId: string) {
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery) throw new NotFoundError('Delivery', deliveryId);
    await this.deliveries.resetForRedelivery(deliveryId);
    await this.queues.enqueue.redeliver({ deliveryId, attempts: delivery.attempts });
    return { ...delivery, status: 'pending' as const };
  }
}
