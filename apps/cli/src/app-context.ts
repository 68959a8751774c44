import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { CatalogModule } from '@fineprint/catalog';
import { ConfigModule, type Env, loadConfig } from '@fineprint/config';
import { DbModule } from '@fineprint/db';
import { PipelineModule } from '@fineprint/pipeline';
import { QueueModule } from '@fineprint/queue';

@Module({})
class CliModule {
  static register(config: Env): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), DbModule, QueueModule, CatalogModule, PipelineModule],
    };
  }
}

/** Runs `work` inside a NestJS application context (database, queues, pipeline), then closes it. */
export async function withAppContext<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(CliModule.register(config), {
    logger: ['error', 'warn'],
  });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
