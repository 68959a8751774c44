import { paragraph, seeded } from '../test/text-samples';
import {
  ngramsOf,
  type PracticeModel,
  PRACTICES,
  predictPractice,
  trainPracticeModel,
} from './practice-model';
import { classifyChange, type ClassifyOptions, SHIPPED_MODEL } from './classify-change';
import { vetoedByModel } from './clause-meaning';
import { diffText } from './diff-text';

describe('practice model', () => {
  const examples = [
    { text: 'We share your data with partners.', practice: 'sharing' as const },
    { text: 'Your information is shared with advertisers.', practice: 'sharing' as const },
    { text: 'We collect your name and email address.', practice: 'collection' as const },
    { text: 'We collect device identifiers.', practice: 'collection' as const },
    { text: 'These terms are governed by the laws of Ireland.', practice: 'none' as const },
    { text: 'The service is provided as is.', practice: 'none' as const },
  ];

  it('n-grams are unigrams and bigrams with a start marker, apostrophes straightened', () => {
    expect(ngramsOf('We don\u2019t sell')).toEqual(['we', '^ we', "don't", "we don't", 'sell', "don't sell"]);
  });

  it('training is deterministic and learns its examples', () => {
    const options = { minCount: 1, prune: 0 };
    const a = trainPracticeModel(examples, options);
    expect(trainPracticeModel(examples, options)).toEqual(a);
    expect(predictPractice(a, 'We share your data with partners.').practice).toBe('sharing');
    expect(predictPractice(a, 'We collect your name.').practice).toBe('collection');
  });

  it('the shipped model carries the ToS;DR attribution and licence', () => {
    expect(SHIPPED_MODEL.$attribution).toContain(
      'Contains data from ToS;DR (https://tosdr.org) by ToS;DR contributors, CC BY-SA 3.0',
    );
    expect(SHIPPED_MODEL.$licence).toContain('CC BY-SA 3.0');
    expect(SHIPPED_MODEL.classes).toContain('sharing');
  });
});

describe('predictPractice by word numbers', () => {
  it('gives exactly what the n-gram strings give', () => {
    // a copy whose two n-grams share a weight array takes the path by n-gram strings
    const weights = { ...SHIPPED_MODEL.weights, 'zz-unused': SHIPPED_MODEL.weights['data'] as number[] };
    const byStrings: PracticeModel = { ...SHIPPED_MODEL, weights };
    const next = seeded(5);
    const texts = [
      ...Array.from({ length: 400 }, () => paragraph(next).join(' ')),
      'We do not sell your personal information to data brokers.',
      'You can opt out of interest-based advertising in your settings.',
      'We keep your voice recordings for 18 months unless you delete them.',
    ];
    for (const t of texts) expect(predictPractice(SHIPPED_MODEL, t)).toEqual(predictPractice(byStrings, t));
  });
});

describe("the model's veto on the rules' meanings", () => {
  // a hand-made model: "no practice" unless the clause names advertisers (then sharing)
  const C = 8;
  const row = (cls: number, v: number) => Array.from({ length: C }, (_, c) => (c === cls ? v : 0));
  const sure: PracticeModel = {
    classes: [...PRACTICES],
    bias: row(PRACTICES.indexOf('none'), 6),
    weights: { advertisers: row(PRACTICES.indexOf('sharing'), 12) },
  };
  const page = (s: string | null) =>
    ['# Privacy', 'How we handle information.', ...(s ? [s] : []), '## Contact', 'Write to us.'].join('\n\n');
  const kinds = (before: string | null, after: string | null, options: ClassifyOptions = {}) =>
    classifyChange(diffText(page(before), page(after)), { model: sure, ...options }).kinds;

  it('drops a data practice the model is sure is none, and never a choice or a right', () => {
    expect(kinds(null, 'We share your email address with our partners.')).toEqual([]);
    expect(kinds(null, 'We share your email address with our partners.', { modelVeto: null })).toContain(
      'sharing-expanded',
    );
    expect(kinds(null, 'You can opt out of marketing emails in your account settings.')).toContain(
      'opt-out-added',
    );
    expect(kinds(null, 'You have the right to access and delete your personal data.')).toContain(
      'rights-added',
    );
  });

  it('leaves the sensitive topics to the rules', () => {
    expect(kinds(null, 'We use your conversations to train our AI models.')).toContain('new-data-use');
  });

  it('holds in a pair only when both sides are vetoed', () => {
    // the model reads "trusted" as sharing: only the old wording would be vetoed, and the pair,
    // which keeps the same retention clause, must not read as retention lengthened
    const model: PracticeModel = {
      ...sure,
      weights: { trusted: row(PRACTICES.indexOf('sharing'), 12) },
    };
    const kept =
      'legal obligations sometimes require us to retain certain information for purposes like record-keeping.';
    expect(
      kinds(
        `Our team reviews every request, and ${kept}`,
        `Our team reviews every trusted request, and certain laws require us to publish a yearly report, and ${kept}`,
        { model },
      ),
    ).toEqual([]);
  });

  it('checks the prediction only for meanings it may overrule', () => {
    const predict = jest.fn(() => ({ practice: 'none' as const, score: 1 }));
    const choice = { kind: 'opt-out-added', topic: null, rule: 'r', object: 'o' };
    expect(vetoedByModel([choice], predict, 0.7)).toBe(false);
    expect(predict).not.toHaveBeenCalled();
    const sharing = { kind: 'sharing-expanded', topic: null, rule: 'r', object: 'o' };
    expect(vetoedByModel([sharing], predict, 0.7)).toBe(true);
    expect(vetoedByModel([sharing], () => ({ practice: 'none', score: 0.6 }), 0.7)).toBe(false);
  });
});
