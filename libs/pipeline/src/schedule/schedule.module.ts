import { Module } from '@nestjs/common';

import { DocumentScheduleService } from './document-schedule.service';

/** Schedules only (no scraper): what the API needs to follow document edits. */
@Module({ providers: [DocumentScheduleService], exports: [DocumentScheduleService] })
export class ScheduleModule {}
