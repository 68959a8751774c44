export {
  checkRunKey,
  JOB_CONTRACTS,
  type JobArgs,
  type JobContract,
  type JobKind,
  retryDelayMs,
} from './job-contracts';
export { JobHandler, type JobHandlerInstance, type JobHandlerMetadata } from './job-handler.decorator';
export { jobIds } from './job-ids';
export { type AnyQueue, type AnyWorker, QueueBackend, type QueueBackendKind } from './queue-backend';
export { type Enqueue, type EnqueueAt, type EnqueueMany, QueueProducer } from './queue-producer.service';
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
export { type WorkerQueuesOptions } from './worker-host.service';
export { type Job, UnrecoverableError } from 'bullmq';
