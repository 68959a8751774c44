/**
 * Why a collection's filters gave no page:
 * - `TIMEOUT`: they ran past the time limit (the process is killed);
 * - `MEMORY_LIMIT`: the process ran out of its heap or address space and was stopped;
 * - `FILTER_FAILED`: a filter threw (it used something the sandbox does not have, or the page
 *   is not what it expects), or the filter module does not load;
 * - `FILTER_MISSING`: the declaration names a filter the collection's module does not export;
 * - `FILTER_PENDING`: a filter waits on something that never comes (no network, no timers);
 * - `OUTPUT_TOO_LARGE`: the filtered page is larger than the output limit;
 * - `SANDBOX_ERROR`: the sandbox itself could not start or answered nonsense.
 */
export type FilterErrorCode =
  | 'TIMEOUT'
  | 'MEMORY_LIMIT'
  | 'FILTER_FAILED'
  | 'FILTER_MISSING'
  | 'FILTER_PENDING'
  | 'OUTPUT_TOO_LARGE'
  | 'SANDBOX_ERROR';

export class FilterError extends Error {
  constructor(
    readonly code: FilterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FilterError';
  }
}
