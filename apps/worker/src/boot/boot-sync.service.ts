import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { CatalogSyncService, loadCatalog } from '@fineprint/catalog';
import { APP_CONFIG, type Env } from '@fineprint/config';
import { PrismaService } from '@fineprint/db';
import { DocumentScheduleService } from '@fineprint/pipeline';

const BOOT_LOCK = 4_201_731;

/**
 * At worker start: the catalog folder (CATALOG_DIR) is synced into the database and every
 * document's job scheduler is rebuilt from the database, so schedules survive restarts of
 * the worker and of Redis. Replicas take turns through an advisory lock.
 */
@Injectable()
export class BootSyncService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootSyncService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: Env,
    private readonly prisma: PrismaService,
    private readonly catalog: CatalogSyncService,
    private readonly schedules: DocumentScheduleService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.RUN_SCHEDULERS) return;
    await this.prisma.withAdvisoryLock(BOOT_LOCK, async () => {
      await this.syncCatalog();
      await this.schedules.syncAll();
      await this.schedules.scheduleDigest();
    });
  }

  private async syncCatalog(): Promise<void> {
    if (!this.config.CATALOG_DIR) return;
    const dir = resolve(this.config.CATALOG_DIR);
    if (!existsSync(dir)) {
      this.logger.warn(`CATALOG_DIR ${dir} does not exist; no catalog sync`);
      return;
    }
    const { files, issues } = await loadCatalog(dir);
    for (const issue of issues) this.logger.error(`catalog ${issue.file}: ${issue.field}: ${issue.message}`);
    await this.catalog.sync(files, 'catalog');
  }
}
