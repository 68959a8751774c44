import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

describe('FixedWindowThrottlerStorage', () => {
  it('counts hits in a window, blocks past the limit until the block ends, then counts afresh', async () => {
    const storage = new FixedWindowThrottlerStorage();
    const hit = () => storage.increment('k', 200, 3, 200);
    const results = [await hit(), await hit(), await hit(), await hit()];
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3]?.timeToBlockExpire).toBeGreaterThan(0);
    expect((await storage.increment('other', 200, 3, 200)).isBlocked).toBe(false);
    await new Promise((r) => setTimeout(r, 450));
    const after = await hit();
    expect(after).toMatchObject({ isBlocked: false, totalHits: 1 });
  });
});
