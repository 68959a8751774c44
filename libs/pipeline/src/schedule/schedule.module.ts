import { Module } from '@nestjs/common';

import { ChangeLifecycleService } from '../changes/change-lifecycle.service';
import { DocumentScheduleService } from './document-schedule.service';

/**
 * Schedules and the change lifecycle (no scraper): what the API needs to follow document
 * edits and an operator's release of a quarantined version.
 */
@Module({
  providers: [DocumentScheduleService, ChangeLifecycleService],
  exports: [DocumentScheduleService, ChangeLifecycleService],
})
export class ScheduleModule {}
