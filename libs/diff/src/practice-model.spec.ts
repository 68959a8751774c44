import { paragraph, seeded } from '../test/text-samples';
import { ngramsOf, type PracticeModel, predictPractice, trainPracticeModel } from './practice-model';
import { SHIPPED_MODEL } from './classify-change';

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
