import { type DynamicModule, Module } from '@nestjs/common';

import { ConfigModule, type Env } from '@fineprint/config';
import { DbModule } from '@fineprint/db';
import { QueueModule } from '@fineprint/queue';

import { HealthModule } from './health/health.module';

/** HTTP only: controllers, DTOs, guards, OpenAPI, feeds and the built dashboard. */
@Module({})
export class ApiModule {
  static register(config: Env): DynamicModule {
    return { module: ApiModule, imports: [ConfigModule.forRoot(config), DbModule, QueueModule, HealthModule] };
  }
}
