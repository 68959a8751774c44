import { retryDelayMs, shouldDisable } from './webhook.channel';

const HOUR = 3600_000;

describe('retryDelayMs (exponential backoff with full jitter)', () => {
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [6, 320_000],
    [12, 10_000 * 2 ** 11],
    [13, 6 * HOUR],
    [40, 6 * HOUR],
    [1000, 6 * HOUR],
  ])('attempt %i draws below %i ms', (attempt, ceiling) => {
    expect(retryDelayMs(attempt, () => 0)).toBe(0);
    expect(retryDelayMs(attempt, () => 0.5)).toBe(Math.floor(ceiling / 2));
    expect(retryDelayMs(attempt, () => 0.999999)).toBeLessThan(ceiling);
    expect(retryDelayMs(attempt, () => 0.999999)).toBeGreaterThan(ceiling * 0.99);
  });

  it('treats attempts below 1 as the first', () => {
    expect(retryDelayMs(0, () => 0.5)).toBe(5000);
    expect(retryDelayMs(-3, () => 0.5)).toBe(5000);
  });

  it('spreads real draws over the whole window', () => {
    const draws = Array.from({ length: 200 }, () => retryDelayMs(4));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(80_000);
    expect(new Set(draws).size).toBeGreaterThan(100);
  });
});

describe('shouldDisable', () => {
  it.each([
    [0, 5, false],
    [4, 5, false],
    [5, 5, true],
    [9, 5, true],
    [1, 1, true],
  ])('%i consecutive failures with threshold %i → %s', (failures, threshold, expected) => {
    expect(shouldDisable(failures, threshold)).toBe(expected);
  });
});
