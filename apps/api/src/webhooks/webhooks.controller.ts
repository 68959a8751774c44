import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import { createWebhookSchema, listVersionsQuery } from '@fineprint/contracts';
import { type Delivery, type WebhookEndpoint } from '@fineprint/db';

import { AdminGuard } from '../common/admin.guard';
import { IdPipe } from '../common/id.pipe';
import { toPage } from '../common/page';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { WebhooksService } from './webhooks.service';

const endpointId = new IdPipe('Webhook endpoint');
const activeBody = z.object({ active: z.boolean() }).strict();

function presentEndpoint(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    scope: {
      vendorId: e.vendorId,
      documentId: e.documentId,
      topic: e.topic,
      minSeverity: e.minSeverity,
      includeCosmetic: e.includeCosmetic,
    },
    active: e.active,
    consecutiveFailures: e.consecutiveFailures,
    disabledAt: e.disabledAt,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt,
  };
}

function presentDelivery(d: Delivery) {
  return {
    id: d.id,
    changeId: d.changeId,
    eventType: d.eventType,
    channel: d.channel,
    status: d.status,
    attempts: d.attempts,
    responseCode: d.responseCode,
    lastError: d.lastError,
    durationMs: d.durationMs,
    createdAt: d.createdAt,
    lastAttemptAt: d.lastAttemptAt,
    deliveredAt: d.deliveredAt,
  };
}

@ApiTags('webhooks (admin)')
@ApiBearerAuth()
@UseGuards(AdminGuard)
@Controller('api/v1')
export class WebhooksController {
  constructor(private readonly service: WebhooksService) {}

  @Post('webhooks')
  @ApiOperation({
    summary: 'Register a webhook endpoint; the response holds its signing secret, shown this once',
  })
  async create(@Body(new ZodValidationPipe(createWebhookSchema)) body: z.output<typeof createWebhookSchema>) {
    const { endpoint, secret } = await this.service.create(body);
    return { ...presentEndpoint(endpoint), secret };
  }

  @Get('webhooks')
  @ApiOperation({ summary: 'Webhook endpoints (without secrets)' })
  async list() {
    return { items: (await this.service.list()).map(presentEndpoint) };
  }

  @Get('webhooks/:id')
  async get(@Param('id', endpointId) id: string) {
    return presentEndpoint(await this.service.get(id));
  }

  @Patch('webhooks/:id')
  @ApiOperation({ summary: 'Disable, or re-enable (clears the failure run), an endpoint' })
  async setActive(
    @Param('id', endpointId) id: string,
    @Body(new ZodValidationPipe(activeBody)) body: z.output<typeof activeBody>,
  ) {
    return presentEndpoint(await this.service.setActive(id, body.active));
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  async remove(@Param('id', endpointId) id: string): Promise<void> {
    await this.service.remove(id);
  }

  @Get('webhooks/:id/deliveries')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first' })
  async deliveries(
    @Param('id', endpointId) id: string,
    @Query(new ZodValidationPipe(listVersionsQuery)) query: z.output<typeof listVersionsQuery>,
  ) {
    const rows = await this.service.deliveriesOf(id, query.limit, query.cursor);
    return toPage(rows, query.limit, (d) => d.id, presentDelivery);
  }

  @Post('webhooks/:id/ping')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a ping event to the endpoint' })
  async ping(@Param('id', endpointId) id: string) {
    return presentDelivery(await this.service.ping(id));
  }

  @Post('deliveries/:id/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again' })
  async redeliver(@Param('id', new IdPipe('Delivery')) id: string) {
    return presentDelivery(await this.service.redeliver(id));
  }
}
