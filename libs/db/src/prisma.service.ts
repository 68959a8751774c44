import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

import { APP_CONFIG, type Env } from '@fineprint/config';

import { createPgAdapter } from './prisma-client.factory';

/** The application's Prisma client. Repositories are its only users. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: Env) {
    super({ adapter: createPgAdapter(config.DATABASE_URL) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }

  /** Cheap reachability probe for health checks. */
  async ping(): Promise<void> {
    await this.$queryRawUnsafe('SELECT 1');
  }
}
