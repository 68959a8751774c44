import { type DeliveryForSending, type DeliveryRepository } from '@fineprint/db';

import { MicroBatcher, type MicroBatcherOptions } from './micro-batcher';

export type DeliveryAttempt = Parameters<DeliveryRepository['recordAttempts']>[0][number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The two statements of every delivery — read the row with its target, record the
 * attempt — shared by the deliveries running side by side: the calls made within a few
 * milliseconds become one SQL statement. Each delivery still awaits its own row and its
 * own write before it completes, so a job never finishes before its attempt is recorded.
 */
export class DeliveryBatches {
  private readonly reads: MicroBatcher<string, DeliveryForSending | null>;
  private readonly writes: MicroBatcher<DeliveryAttempt, undefined>;

  constructor(deliveries: DeliveryRepository, options: MicroBatcherOptions = { maxWaitMs: 2, maxSize: 500 }) {
    this.reads = new MicroBatcher(async (ids) => {
      const rows = await deliveries.findManyForSending(ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }, options);
    this.writes = new MicroBatcher(async (attempts) => {
      await deliveries.recordAttempts(attempts);
      return attempts.map(() => undefined);
    }, options);
  }

  /** The delivery and its target, or null when there is no such delivery. */
  find(id: string): Promise<DeliveryForSending | null> {
    // a malformed id would fail the whole batch's uuid[] cast: it cannot name a row anyway
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.reads.load(id.toLowerCase());
  }

  record(attempt: DeliveryAttempt): Promise<undefined> {
    return this.writes.load(attempt);
  }

  /** Waits for the statements in flight (at shutdown). */
  async drain(): Promise<void> {
    await Promise.all([this.reads.drain(), this.writes.drain()]);
  }
}
