import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

import { APP_CONFIG, type Env } from '@fineprint/config';

import { parseDatabaseUrl } from './prisma-client.factory';

/** The application's Prisma client. Repositories are its only users. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(APP_CONFIG) config: Env) {
    const { connectionString, schema } = parseDatabaseUrl(config.DATABASE_URL);
    super({
      adapter: new PrismaPg(
        { connectionString, max: 10, connectionTimeoutMillis: 5000 },
        schema ? { schema } : undefined,
      ),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }

  /** Cheap reachability probe for health checks. */
  async ping(): Promise<void> {
    await this.$queryRawUnsafe('SELECT 1');
  }
}
