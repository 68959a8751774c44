import { type JobHandlerMetadata } from './job-handler.decorator';
import { JOB_CATALOG, type QueueName } from './queue.definitions';

/** Raised at boot when a job would have no handler, or two. */
export class HandlerCoverageError extends Error {
  readonly code = 'JOB_HANDLER_COVERAGE';
  constructor(readonly problems: string[]) {
    super(`Job handlers are not one per job:\n  ${problems.join('\n  ')}`);
    this.name = 'HandlerCoverageError';
  }
}

/**
 * Every job of the served queues has exactly one handler, and no handler claims a job
 * the catalog does not know. Returns the problems (empty when all is well).
 */
export function findHandlerCoverageProblems(
  registered: JobHandlerMetadata[],
  queues: readonly QueueName[],
  catalog: { readonly [Q in QueueName]: readonly string[] } = JOB_CATALOG,
): string[] {
  const problems: string[] = [];
  for (const queue of queues) {
    for (const name of catalog[queue]) {
      const count = registered.filter((r) => r.queue === queue && r.name === name).length;
      if (count === 0) problems.push(`${queue}/${name} has no handler`);
      if (count > 1) problems.push(`${queue}/${name} has ${count} handlers`);
    }
  }
  for (const r of registered) {
    if (!(catalog[r.queue] as readonly string[] | undefined)?.includes(r.name)) {
      problems.push(`${r.queue}/${r.name} is handled but not declared in JOB_CATALOG`);
    }
  }
  return problems;
}

export function assertHandlerCoverage(registered: JobHandlerMetadata[], queues: readonly QueueName[]): void {
  const problems = findHandlerCoverageProblems(registered, queues);
  if (problems.length > 0) throw new HandlerCoverageError(problems);
}
