import { type DynamicModule, Module } from '@nestjs/common';

import { CatalogModule } from '@fineprint/catalog';
import { ConfigModule, type Env } from '@fineprint/config';
import { DbModule } from '@fineprint/db';
import { NotifyModule } from '@fineprint/notify';
import { PipelineModule } from '@fineprint/pipeline';
import { QueueModule, type QueueName } from '@fineprint/queue';

import { BootSyncService } from './boot/boot-sync.service';
import { DiffVersionProcessor } from './changes/diff-version.processor';
import { CheckDocumentProcessor } from './checks/check-document.processor';
import { DeliverProcessor } from './notifications/deliver.processor';
import { FanOutChangeProcessor } from './notifications/fan-out-change.processor';
import { RequestSubscriptionProcessor } from './notifications/request-subscription.processor';
import { SendDigestProcessor } from './notifications/send-digest.processor';
import { PingProcessor } from './system/ping.processor';

/** Queues this worker serves; each job of each must have exactly one handler (checked at boot). */
export const SERVED_QUEUES: QueueName[] = ['check', 'diff', 'notify', 'deliver', 'system'];

/** The worker: a NestJS application context with no HTTP, hosting the BullMQ processors. */
@Module({})
export class WorkerModule {
  static register(config: Env): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DbModule,
        QueueModule,
        QueueModule.forWorker({
          queues: SERVED_QUEUES,
          concurrency: {
            check: Math.max(2, Math.floor(config.WORKER_CONCURRENCY / 2)),
            deliver: config.DELIVERY_CONCURRENCY,
          },
        }),
        CatalogModule,
        PipelineModule,
        NotifyModule,
      ],
      providers: [
        PingProcessor,
        CheckDocumentProcessor,
        DiffVersionProcessor,
        FanOutChangeProcessor,
        DeliverProcessor,
        SendDigestProcessor,
        RequestSubscriptionProcessor,
        BootSyncService,
      ],
    };
  }
}
