import { type DynamicModule, Module } from '@nestjs/common';

import { ConfigModule, type Env } from '@fineprint/config';
import { DbModule } from '@fineprint/db';
import { QueueModule, type QueueName } from '@fineprint/queue';

import { PingProcessor } from './system/ping.processor';

/** Queues this worker serves; each job of each must have exactly one handler (checked at boot). */
export const SERVED_QUEUES: QueueName[] = ['system'];

/** The worker: a NestJS application context with no HTTP, hosting the BullMQ processors. */
@Module({})
export class WorkerModule {
  static register(config: Env): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DbModule, QueueModule, QueueModule.forWorker({ queues: SERVED_QUEUES })],
      providers: [PingProcessor],
    };
  }
}
