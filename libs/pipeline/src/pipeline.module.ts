import { Module, type OnModuleDestroy, Inject } from '@nestjs/common';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { QueueBackend } from '@fineprint/queue';
import { Scraper } from '@fineprint/scraper';

import { DiffVersionService } from './changes/diff-version.service';
import { CheckDocumentService } from './check/check-document.service';
import { RedisHostThrottle } from './check/redis-host-throttle';
import { SCRAPER } from './check/scraper.port';
import { ScheduleModule } from './schedule/schedule.module';

/** The tracking pipeline: check (fetch, extract, decide, store), diff, announce, schedules. */
@Module({
  imports: [ScheduleModule],
  providers: [
    {
      provide: SCRAPER,
      inject: [APP_CONFIG, QueueBackend],
      useFactory: (config: Env, backend: QueueBackend) =>
        new Scraper({
          ...(backend.kind === 'redis'
            ? {
                throttle: new RedisHostThrottle(
                  backend.redisOptions(),
                  config.QUEUE_PREFIX,
                  config.HOST_SPACING_MS,
                ),
              }
            : {}),
          allowPrivateNetworks: config.ALLOW_PRIVATE_NETWORKS,
          maxBytes: config.FETCH_MAX_BYTES,
          timeoutMs: config.FETCH_TIMEOUT_MS,
          chromiumPath: config.CHROMIUM_PATH,
          maxBrowserPages: config.BROWSER_MAX_PAGES,
          hostSpacingMs: config.HOST_SPACING_MS,
        }),
    },
    CheckDocumentService,
    DiffVersionService,
  ],
  exports: [CheckDocumentService, DiffVersionService, ScheduleModule, SCRAPER],
})
export class PipelineModule implements OnModuleDestroy {
  constructor(@Inject(SCRAPER) private readonly scraper: Scraper) {}

  async onModuleDestroy(): Promise<void> {
    await this.scraper.close();
  }
}
