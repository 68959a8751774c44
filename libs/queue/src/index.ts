export { assertHandlerCoverage, findHandlerCoverageProblems, HandlerCoverageError } from './handler-coverage';
export { JobHandler, type JobHandlerInstance, type JobHandlerMetadata } from './job-handler.decorator';
export { jobIds, scheduleOffsetMs } from './job-ids';
export { type AnyQueue, type AnyWorker, QueueBackend, type QueueBackendKind } from './queue-backend';
export { DEFAULT_JOB_OPTIONS, QueueProducer } from './queue-producer.service';
export {
  type CheckTrigger,
  JOB_CATALOG,
  type JobData,
  type JobName,
  type JobPayloads,
  QUEUE_NAMES,
  type QueueName,
} from './queue.definitions';
export { QueueModule } from './queue.module';
export { WORKER_QUEUES, WorkerHost, type WorkerQueuesOptions } from './worker-host.service';
export { type Job, UnrecoverableError } from 'bullmq';
