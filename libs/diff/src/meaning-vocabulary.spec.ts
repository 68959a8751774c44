import { KINDS, TOPICS } from '@fineprint/contracts';

import meaning from './lexicon/meaning.json';
import severity from './lexicon/severity.json';
import topics from './lexicon/topics.json';

describe('the meaning vocabulary is the contracts vocabulary', () => {
  const kinds = new Set<string>(KINDS);
  const topicSet = new Set<string>(TOPICS);

  it('every kind the engine can emit or a severity rule names is a contract kind', () => {
    const used = [
      ...Object.keys(meaning.removal),
      ...Object.values(meaning.removal),
      ...Object.keys(meaning.parents),
      ...Object.values(meaning.parents),
      ...meaning.order,
      ...severity.rules.flatMap((r) => r.kinds ?? []),
    ];
    expect(used.filter((k) => !kinds.has(k))).toEqual([]);
  });

  it('every topic the lexicon or a severity rule names is a contract topic', () => {
    const used = [
      ...Object.keys(topics).filter((k) => !k.startsWith('$')),
      ...severity.rules.flatMap((r) => ('topics' in r && r.topics ? r.topics : [])),
    ];
    expect(used.filter((t) => !topicSet.has(t))).toEqual([]);
  });
});
