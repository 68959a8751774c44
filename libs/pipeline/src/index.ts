export { ChangeLifecycleService } from './changes/change-lifecycle.service';
export { DiffVersionService, type DiffVersionResult } from './changes/diff-version.service';
export { type CheckContext, CheckDocumentService, type CheckResult } from './check/check-document.service';
export { checkContextOfJob } from './check/check-context-of-job';
export { SCRAPER, type ScraperPort } from './check/scraper.port';
export {
  type CheckVerdict,
  type ContentObservation,
  type ContentVerdict,
  decideContent,
  type DecisionOptions,
} from './decision/decide-content';
export { PipelineModule } from './pipeline.module';
export { loadHistoryFolder, REEXTRACTION_MESSAGE } from './replay/load-history-folder';
export {
  type ReplayDecision,
  type ReplayEntry,
  replayHistory,
  type ReplayInput,
  type ReplayReport,
} from './replay/replay-history';
export { CheckFailedError, DocumentGoneError, VersionGoneError } from './pipeline.errors';
export { DocumentScheduleService } from './schedule/document-schedule.service';
export { ScheduleModule } from './schedule/schedule.module';
