import { UnrecoverableError } from '@fineprint/queue';

/**
 * Runs a job's work; an error that says it is permanent becomes BullMQ's
 * UnrecoverableError, so the job fails at once instead of being retried.
 */
export async function unrecoverableIfPermanent<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      typeof error === 'object' &&
      error !== null &&
      (error as { permanent?: unknown }).permanent === true
    ) {
      const e = error as Error & { code?: string };
      throw new UnrecoverableError(`${e.code ?? e.name}: ${e.message}`);
    }
    throw error;
  }
}
