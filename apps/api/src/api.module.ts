import { type DynamicModule, Module } from '@nestjs/common';

import { ConfigModule, type Env } from '@fineprint/config';
import { DbModule } from '@fineprint/db';
import { QueueModule } from '@fineprint/queue';

import { ScheduleModule } from '@fineprint/pipeline';

import { ChangesController } from './changes/changes.controller';
import { AdminGuard } from './common/admin.guard';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { HealthModule } from './health/health.module';
import { VendorsController } from './vendors/vendors.controller';

/** HTTP only: controllers, DTOs, guards, OpenAPI, feeds and the built dashboard. */
@Module({})
export class ApiModule {
  static register(config: Env): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), DbModule, QueueModule, ScheduleModule, HealthModule],
      controllers: [DocumentsController, ChangesController, VendorsController],
      providers: [DocumentsService, AdminGuard],
    };
  }
}
