/** A delivery that retrying cannot help (unknown record, 4xx answer, refused address). */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** A delivery that failed for now; BullMQ retries it with backoff. */
export class TransientDeliveryError extends Error {
  readonly permanent = false;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransientDeliveryError';
  }
}
