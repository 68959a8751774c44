import { MicroBatcher } from './micro-batcher';

const tick = () => new Promise((r) => setImmediate(r));

describe('MicroBatcher', () => {
  it('runs a lone call at once, as a batch of one', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher((items: number[]) => {
      batches.push(items);
      return Promise.resolve(items.map((i) => i * 2));
    });
    await expect(batcher.load(21)).resolves.toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it('groups the calls that arrive while a batch is in flight, each caller getting its own result', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((r) => (release = r));
        return items.map((i) => `r${i}`);
      },
      { maxInFlight: 1 },
    );
    const first = batcher.load(1);
    await tick();
    const rest = [2, 3, 4].map((i) => batcher.load(i));
    await tick();
    expect(batches).toEqual([[1]]); // the others wait for the slot
    release();
    await expect(first).resolves.toBe('r1');
    await expect(Promise.all(rest)).resolves.toEqual(['r2', 'r3', 'r4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('caps the size of a batch', async () => {
    const sizes: number[] = [];
    const batcher = new MicroBatcher(
      (items: number[]) => {
        sizes.push(items.length);
        return Promise.resolve(items);
      },
      { maxBatch: 3, maxInFlight: 1 },
    );
    await Promise.all(Array.from({ length: 7 }, (_, i) => batcher.load(i)));
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('when a batch fails, retries its items one by one so only the bad one fails', async () => {
    const batcher = new MicroBatcher((items: number[]) =>
      items.includes(13)
        ? Promise.reject(new Error(`unlucky batch ${items.join(',')}`))
        : Promise.resolve(items.map((i) => i + 1)),
    );
    const results = await Promise.allSettled([1, 13, 2].map((i) => batcher.load(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 2 });
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('unlucky batch 13'));
  });

  it('rejects every caller when the runner returns the wrong number of results', async () => {
    const batcher = new MicroBatcher(() => Promise.resolve([] as number[]));
    await expect(batcher.load(1)).rejects.toThrow('a batch of 1 returned 0 results');
  });
});
