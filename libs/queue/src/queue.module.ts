import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { APP_CONFIG, type Env } from '@fineprint/config';

import { QueueBackend } from './queue-backend';
import { QueueProducer } from './queue-producer.service';
import { WORKER_QUEUES, WorkerHost, type WorkerQueuesOptions } from './worker-host.service';

/** Producers for every queue. Import once at the root of an app. */
@Global()
@Module({
  providers: [
    { provide: QueueBackend, inject: [APP_CONFIG], useFactory: (config: Env) => new QueueBackend(config) },
    QueueProducer,
  ],
  exports: [QueueBackend, QueueProducer],
})
export class QueueModule {
  /** Adds the worker host: the process consumes the given queues. */
  static forWorker(options: WorkerQueuesOptions): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [{ provide: WORKER_QUEUES, useValue: options }, WorkerHost],
      exports: [WorkerHost],
    };
  }
}
