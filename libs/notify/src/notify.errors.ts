/** A failed delivery, with a code; `permanent` says whether retrying can help. */
abstract class DeliveryError extends Error {
  abstract readonly permanent: boolean;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A delivery that retrying cannot help (unknown record, 4xx answer, refused address). */
export class PermanentDeliveryError extends DeliveryError {
  readonly permanent = true;
}

/** A delivery that failed for now; BullMQ retries it with backoff. */
export class TransientDeliveryError extends DeliveryError {
  readonly permanent = false;
}
