import { type CheckTrigger } from '@fineprint/contracts';

export { type CheckTrigger };

/**
 * The pipeline's queues, the jobs each carries and their payloads. Payloads carry
 * ids, never page bodies. Queue names are the pipeline's stages.
 */
export interface JobPayloads {
  check: {
    'check-document': { documentId: string; trigger: CheckTrigger };
  };
  diff: {
    'diff-version': { versionId: string };
  };
  notify: {
    'fan-out-change': { changeId: string };
    'send-digest': { day: string };
    /** A subscribe request, handled off the API's request path (issue 14). */
    'request-subscription': {
      email: string;
      scope: {
        vendorId: string | null;
        documentId: string | null;
        topic: string | null;
        minSeverity: 'cosmetic' | 'low' | 'medium' | 'high';
        includeCosmetic: boolean;
      };
      digest: 'immediate' | 'daily';
    };
  };
  deliver: {
    deliver: { deliveryId: string };
  };
  system: {
    /** A trivial job that proves the wiring end to end. */
    ping: { seq: number; runId: string };
  };
}

export type QueueName = keyof JobPayloads;
export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = JobPayloads[Q][N];

/** Every job name of every queue: the boot check makes sure each has exactly one handler. */
export const JOB_CATALOG: { readonly [Q in QueueName]: readonly JobName<Q>[] } = {
  check: ['check-document'],
  diff: ['diff-version'],
  notify: ['fan-out-change', 'send-digest', 'request-subscription'],
  deliver: ['deliver'],
  system: ['ping'],
};

export const QUEUE_NAMES = Object.keys(JOB_CATALOG) as QueueName[];
