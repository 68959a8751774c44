/**
 * Groups calls made by concurrently running jobs into one database round trip, with no
 * added delay: while a batch is in flight new calls wait in the queue, and the queue
 * leaves as the next batch when a slot frees up (or at the next turn of the event loop
 * when nothing is in flight). Under low load a call costs one query, as before; under
 * load a query serves as many calls as arrived while the previous one ran.
 *
 * Every caller gets its own result or its own error: when a whole batch fails, its items
 * are run again one at a time, so one bad item fails only its own caller.
 */
export interface MicroBatcherOptions {
  /** Largest number of items in one batch (default 100). */
  maxBatch?: number;
  /** Batches allowed in flight at once (default 2): the pool has other users. */
  maxInFlight?: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

export class MicroBatcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  /** `run` gets the items of a batch and returns one result per item, in the same order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    options: MicroBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  load(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.inFlight < this.maxInFlight && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.execute(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  private async execute(batch: Pending<I, O>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((p) => p.item));
      if (results.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} returned ${results.length} results`);
      }
      batch.forEach((p, i) => p.resolve(results[i] as O));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // one bad item must not fail its neighbours: try each on its own
      await Promise.all(
        batch.map(async (p) => {
          try {
            const [result] = await this.run([p.item]);
            p.resolve(result as O);
          } catch (single) {
            p.reject(single);
          }
        }),
      );
    }
  }
}
