import { ngramsOf, predictPractice, trainPracticeModel } from './practice-model';
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
