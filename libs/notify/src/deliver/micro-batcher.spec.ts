import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('runs the calls made within the wait as one batch, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher(
      (xs: number[]) => {
        batches.push(xs);
        return Promise.resolve(xs.map((x) => x * 10));
      },
      { maxWaitMs: 5, maxSize: 100 },
    );
    const results = await Promise.all([1, 2, 3].map((x) => batcher.load(x)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('runs a full batch at once, without waiting', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher(
      (xs: number[]) => {
        batches.push(xs);
        return Promise.resolve(xs);
      },
      { maxWaitMs: 60_000, maxSize: 2 },
    );
    await expect(Promise.all([batcher.load(1), batcher.load(2)])).resolves.toEqual([1, 2]);
    const third = batcher.load(3);
    expect(batches).toEqual([[1, 2]]);
    await batcher.drain();
    await expect(third).resolves.toBe(3);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('gives a failed batch’s error to every one of its callers, and only to them', async () => {
    let call = 0;
    const batcher = new MicroBatcher(
      (xs: string[]) => (++call === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve(xs)),
      { maxWaitMs: 1, maxSize: 100 },
    );
    const failed = await Promise.allSettled([batcher.load('a'), batcher.load('b')]);
    expect(failed).toEqual([
      { status: 'rejected', reason: new Error('database gone') },
      { status: 'rejected', reason: new Error('database gone') },
    ]);
    await expect(batcher.load('c')).resolves.toBe('c');
  });

  it('fails every caller when the batch throws synchronously or returns too few results', async () => {
    const throwing = new MicroBatcher<number, number>(
      () => {
        throw new TypeError('bad input');
      },
      { maxWaitMs: 1, maxSize: 100 },
    );
    await expect(throwing.load(1)).rejects.toThrow('bad input');
    const short = new MicroBatcher((xs: number[]) => Promise.resolve(xs.slice(1)), {
      maxWaitMs: 1,
      maxSize: 100,
    });
    const results = await Promise.allSettled([short.load(1), short.load(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('drain() waits for batches in flight', async () => {
    let finished = false;
    const batcher = new MicroBatcher(
      async (xs: number[]) => {
        await new Promise((r) => setTimeout(r, 20));
        finished = true;
        return xs;
      },
      { maxWaitMs: 1, maxSize: 100 },
    );
    const result = batcher.load(1);
    await batcher.drain();
    expect(finished).toBe(true);
    await expect(result).resolves.toBe(1);
  });
});
