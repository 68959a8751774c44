export interface MicroBatcherOptions {
  /** How long the first call of a batch waits for others to join it. */
  maxWaitMs: number;
  /** A batch this large runs at once, without waiting. */
  maxSize: number;
}

interface Pending<In, Out> {
  input: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the calls made within a few milliseconds (by jobs running side by side) and
 * runs them as one batch, e.g. one SQL statement instead of one per job. Each caller
 * still awaits its own result: `run` returns one result per input, in the same order.
 * If `run` throws, or returns the wrong number of results, every caller of that batch
 * gets the error; other batches are unaffected.
 */
export class MicroBatcher<In, Out> {
  private queue: Pending<In, Out>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly options: MicroBatcherOptions,
  ) {}

  load(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (this.queue.length >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  /** Runs what is waiting now; resolves when every batch started so far has settled. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all([...this.running]);
  }

  private flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const done = this.settle(batch).finally(() => this.running.delete(done));
    this.running.add(done);
  }

  private async settle(batch: Pending<In, Out>[]): Promise<void> {
    let results: Out[];
    try {
      results = await this.run(batch.map((p) => p.input));
      if (results.length !== batch.length)
        throw new Error(`A batch of ${batch.length} returned ${results.length} results`);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i] as Out));
  }
}
