import clauseData from './lexicon/clause.json';
import type * as ReadClause from './read-clause';

/**
 * The reader's fast paths (words looked up by number, patterns gated by their literals) are
 * derived from the lexicon when it is loaded: an entry someone adds to clause.json is honoured
 * with no other change.
 */
describe('readClause with a lexicon entry added', () => {
  function withLexicon(edit: (data: typeof clauseData) => void): typeof ReadClause {
    const data = JSON.parse(JSON.stringify(clauseData)) as typeof clauseData;
    edit(data);
    let mod: typeof ReadClause | undefined;
    jest.isolateModules(() => {
      jest.doMock('./lexicon/clause.json', () => data);
      mod = jest.requireActual<typeof ReadClause>('./read-clause');
    });
    jest.dontMock('./lexicon/clause.json');
    return mod as typeof ReadClause;
  }

  it('reads a new pattern of a family, opened by a new key word', () => {
    const text = 'We may syndicate your profile to publishers.';
    const shipped = withLexicon(() => undefined);
    expect(shipped.actOf(shipped.readClause(text), 'share')).toBe(undefined);
    const { actOf, readClause } = withLexicon((d) => {
      d.families.share.keys.push('syndicate');
      d.families.share.patterns.push('\\bsyndicat(e|es|ed|ing)\\b.{0,40}\\b(profile|data)\\b');
    });
    expect(actOf(readClause(text), 'share')).toEqual({ family: 'share', negated: false, at: 7 });
    expect(actOf(readClause('We will never syndicate your data.'), 'share')?.negated).toBe(true);
  });

  it('reads a new match word of a family', () => {
    const { actOf, readClause } = withLexicon((d) => {
      d.families.collect.keys.push('harvest');
      d.families.collect.words.push('harvest');
    });
    expect(actOf(readClause('We do not harvest contact lists.'), 'collect')).toEqual({
      family: 'collect',
      negated: true,
      at: 10,
    });
  });
});
