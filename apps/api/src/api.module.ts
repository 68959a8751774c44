import { type DynamicModule, Module } from '@nestjs/common';

import { ConfigModule, type Env } from '@fineprint/config';
import { DbModule } from '@fineprint/db';
import { QueueModule } from '@fineprint/queue';

import { ScheduleModule } from '@fineprint/pipeline';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';

import { AdminController } from './admin/admin.controller';
import { ChangesController } from './changes/changes.controller';
import { AdminGuard } from './common/admin.guard';
import { RATE_LIMIT_STORAGE, RateLimitModule } from './common/rate-limit.module';
import { ReadCache } from './common/read-cache';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { FeedsController } from './feeds/feeds.controller';
import { HealthModule } from './health/health.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { BackendDeadlineInterceptor } from './resilience/backend-deadline.interceptor';
import { BackendProbe } from './resilience/backend-probe.service';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { VendorsController } from './vendors/vendors.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/** HTTP only: controllers, DTOs, guards, OpenAPI, feeds and the built dashboard. */
@Module({})
export class ApiModule {
  static register(config: Env): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DbModule,
        QueueModule,
        ScheduleModule,
        HealthModule,
        // per client address, every route: limits a reader never meets; routes that send
        // email override them with far lower ones
        // the counters are shared by all replicas when on Redis (RateLimitModule)
        ThrottlerModule.forRootAsync({
          imports: [RateLimitModule],
          inject: [RATE_LIMIT_STORAGE],
          useFactory: (storage: ThrottlerStorage) => ({
            throttlers: [
              { name: 'default', ttl: 60_000, limit: config.API_RATE_LIMIT_PER_MINUTE },
              { name: 'hour', ttl: 3_600_000, limit: config.API_RATE_LIMIT_PER_MINUTE * 30 },
            ],
            storage,
          }),
        }),
      ],
      controllers: [
        DocumentsController,
        ChangesController,
        VendorsController,
        SubscriptionsController,
        WebhooksController,
        AdminController,
        MetricsController,
        FeedsController,
      ],
      providers: [
        DocumentsService,
        SubscriptionsService,
        WebhooksService,
        MetricsService,
        AdminGuard,
        BackendProbe,
        ReadCache,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: BackendDeadlineInterceptor },
      ],
    };
  }
}
