import { describeScope, matchesScope, type Scope } from './match-scope';

const scope = (s: Partial<Scope> = {}): Scope => ({
  vendorId: null,
  documentId: null,
  topic: null,
  minSeverity: 'low',
  includeCosmetic: false,
  ...s,
});
const change = {
  vendorId: 'v1',
  documentId: 'd1',
  topics: ['voice-recordings'],
  severity: 'medium' as const,
  cosmetic: false,
};

describe('matchesScope', () => {
  it('everything matches an empty scope, at low minimum severity', () => {
    expect(matchesScope(scope(), change)).toBe(true);
  });
  it.each([
    [{ vendorId: 'v2' }, false],
    [{ vendorId: 'v1' }, true],
    [{ documentId: 'd2' }, false],
    [{ documentId: 'd1' }, true],
    [{ topic: 'ai-training' }, false],
    [{ topic: 'voice-recordings' }, true],
    [{ minSeverity: 'high' as const }, false],
    [{ minSeverity: 'medium' as const }, true],
    [{ vendorId: 'v1', topic: 'voice-recordings', minSeverity: 'high' as const }, false],
  ])('scope %j → %s', (s, expected) => {
    expect(matchesScope(scope(s), change)).toBe(expected);
  });
  it('cosmetic changes only reach those who asked, whatever their minimum severity', () => {
    const cosmetic = { ...change, severity: 'cosmetic' as const, cosmetic: true };
    expect(matchesScope(scope(), cosmetic)).toBe(false);
    expect(matchesScope(scope({ includeCosmetic: true }), cosmetic)).toBe(true);
    expect(matchesScope(scope({ includeCosmetic: true, minSeverity: 'high' }), cosmetic)).toBe(true);
  });
});

describe('matchesScope, every severity against every minimum', () => {
  const order = ['cosmetic', 'low', 'medium', 'high'] as const;
  const cases = order.flatMap((min) =>
    order.flatMap((severity) =>
      [false, true].map((includeCosmetic) => [min, severity, includeCosmetic] as const),
    ),
  );
  it.each(cases)('min %s, change %s, includeCosmetic %s', (min, severity, includeCosmetic) => {
    const cosmetic = severity === 'cosmetic';
    const expected = cosmetic ? includeCosmetic : order.indexOf(severity) >= order.indexOf(min);
    expect(
      matchesScope(scope({ minSeverity: min, includeCosmetic }), { ...change, severity, cosmetic }),
    ).toBe(expected);
  });

  it('a change flagged cosmetic is cosmetic whatever its severity', () => {
    const flagged = { ...change, severity: 'high' as const, cosmetic: true };
    expect(matchesScope(scope({ minSeverity: 'high' }), flagged)).toBe(false);
    expect(matchesScope(scope({ includeCosmetic: true }), flagged)).toBe(true);
  });

  it('filters still apply to cosmetic changes', () => {
    const cosmetic = { ...change, severity: 'cosmetic' as const, cosmetic: true };
    expect(matchesScope(scope({ includeCosmetic: true, vendorId: 'v2' }), cosmetic)).toBe(false);
    expect(matchesScope(scope({ includeCosmetic: true, topic: 'ai-training' }), cosmetic)).toBe(false);
  });

  it('a topic filter needs the change to carry that topic among several, and none when it has none', () => {
    expect(
      matchesScope(scope({ topic: 'ai-training' }), {
        ...change,
        topics: ['voice-recordings', 'ai-training'],
      }),
    ).toBe(true);
    expect(matchesScope(scope({ topic: 'ai-training' }), { ...change, topics: [] })).toBe(false);
  });
});

describe('describeScope', () => {
  it.each([
    [{}, {}, 'changes by every vendor, of any severity'],
    [{ vendorId: 'v1' }, { vendor: 'Amazon' }, 'changes by Amazon, of any severity'],
    [{ vendorId: 'v1' }, {}, 'changes by one vendor, of any severity'],
    [
      { vendorId: 'v1', documentId: 'd1' },
      { vendor: 'Amazon', document: 'Alexa Privacy Settings' },
      'changes to Alexa Privacy Settings, of any severity',
    ],
    [
      { topic: 'voice-recordings', minSeverity: 'high' as const },
      {},
      'changes by every vendor, about voice recordings, of high severity',
    ],
    [{ minSeverity: 'medium' as const }, {}, 'changes by every vendor, of medium severity or more'],
    [{ includeCosmetic: true }, {}, 'changes by every vendor, of any severity, including cosmetic edits'],
  ])('%j with names %j', (s, names, expected) => {
    expect(describeScope(scope(s), names)).toBe(expected);
  });
});

describe('a scope without the optional filters', () => {
  it('matches like one with null filters', () => {
    expect(matchesScope({ minSeverity: 'medium', includeCosmetic: false }, change)).toBe(true);
    expect(matchesScope({ minSeverity: 'high', includeCosmetic: false }, change)).toBe(false);
  });
});
