import { matchesScope, type Scope } from './match-scope';

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
