import { samples } from '../test/text-samples';
import { countWords, readsAsEnglish, readsAsFrench } from './language';

// The one-pass word counts against the split they stand for, on seeded strings (non-ASCII
// letters, surrogates, apostrophes) mixed with function words of each language.
const ENGLISH = new Set(
  'the and of to a in is are we you your our for with that this or be by on may not it as any can will from'.split(
    ' ',
  ),
);
const OTHER = new Set(
  'le la les des du et nous vous votre vos pour avec est sont une dans qui que der die das und wir sie ihre ist mit von zu el los las y nosotros usted sus para con del il lo gli di che per sono het een en wij uw voor met van os um uma não são'.split(
    ' ',
  ),
);
const FRENCH = new Set(
  'le la les des du de et est sont une un pour par dans sur avec nous vous votre vos notre nos qui que ne pas au aux ce cette ces ses leur leurs il elle ils elles on en'.split(
    ' ',
  ),
);

function englishBySplit(sentences: string[]): boolean {
  let words = 0;
  let english = 0;
  let other = 0;
  for (const s of sentences) {
    for (const w of s.toLowerCase().split(/[^\p{L}']+/u)) {
      if (!w) continue;
      words++;
      if (ENGLISH.has(w)) english++;
      else if (OTHER.has(w)) other++;
    }
    if (words >= 4000) break;
  }
  if (words >= 40) return english >= 0.12 * words || other < 0.08 * words;
  return words < 12 || !(other >= 0.15 * words && english < 0.05 * words);
}

function frenchBySplit(sentences: string[], afterText?: string): boolean {
  let words = 0;
  let fr = 0;
  let en = 0;
  const count = (text: string) => {
    for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
      if (!w) continue;
      words++;
      if (FRENCH.has(w)) fr++;
      else if (ENGLISH.has(w)) en++;
    }
  };
  for (const s of sentences) {
    count(s);
    if (words >= 2000) break;
  }
  if (words < 40 && afterText) count(afterText.slice(0, 4000));
  return words >= 4 && fr >= 0.15 * words && en < 0.05 * words;
}

describe('language', () => {
  const texts = samples(3000);
  const fill = ['the ', 'we ', "we're ", 'le ', 'LES ', 'nous ', 'NOSOTROS ', 'İl ', 'ΣΑ ', 'der '];
  const mixed = texts.map((t, i) => `${t} ${fill[i % fill.length]}${fill[(i * 7) % fill.length]}${t}`);

  it('countWords counts the non-empty parts of the split, and those of each list (the first list first)', () => {
    for (const t of mixed)
      for (const apostrophe of [true, false]) {
        const split = { words: 0, first: 0, second: 0 };
        for (const w of t.toLowerCase().split(apostrophe ? /[^\p{L}']+/u : /[^\p{L}]+/u)) {
          if (!w) continue;
          split.words++;
          if (OTHER.has(w)) split.first++;
          else if (FRENCH.has(w)) split.second++;
        }
        const counts = { words: 0, first: 0, second: 0 };
        countWords(t, apostrophe, OTHER, FRENCH, counts);
        expect([t, apostrophe, counts]).toEqual([t, apostrophe, split]);
      }
  });

  it("readsAsEnglish counts the words /[^\\p{L}']+/u splits out", () => {
    for (let i = 0; i + 5 < mixed.length; i += 5) {
      const group = mixed.slice(i, i + 1 + (i % 5));
      expect([group, readsAsEnglish(group)]).toEqual([group, englishBySplit(group)]);
    }
  });

  it('readsAsFrench counts the words /[^\\p{L}]+/u splits out, the new version too when the change is short', () => {
    for (let i = 0; i + 5 < mixed.length; i += 5) {
      const group = mixed.slice(i, i + 1 + (i % 3));
      const after = (texts[i + 5] as string).repeat(3);
      expect([group, readsAsFrench(group, after)]).toEqual([group, frenchBySplit(group, after)]);
    }
  });
});
