import { pairSentences } from './pair-sentences';

const w = (s: string) => s.toLowerCase().split(/\W+/).filter(Boolean);

describe('pairSentences', () => {
  it('pairs a reworded sentence with its replacement, one to one, best first', () => {
    const removed = [w('you can turn off voice recording storage in settings'), w('we keep logs for a year')];
    const added = [
      w('we keep server logs for two years'),
      w('you can disable voice recording storage in the settings menu'),
    ];
    expect(pairSentences(removed, added).map((p) => [p.removed, p.added])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('leaves a sentence unpaired when nothing added is close enough', () => {
    expect(pairSentences([w('we sell data to brokers')], [w('the weather is nice today')])).toEqual([]);
  });

  it('gives an added sentence to one removed sentence only', () => {
    const pairs = pairSentences([w('a b c d'), w('a b c e')], [w('a b c d')]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.removed).toBe(0);
  });
});
