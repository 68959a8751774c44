import { samples, seeded } from '../test/text-samples';
import {
  isLetterCodePoint,
  isLetterOrDigitUnit,
  plainWords,
  PlainWordsSearch,
  wordTokens,
} from './plain-words';

// Each fast path against the plain definition it stands for, on seeded strings dense in
// joiners, apostrophes, non-ASCII letters and digits, surrogates and case pairs.
const extra = [
  "don't",
  'e-mail',
  "'quoted'",
  '--a',
  "a''b",
  'İstanbul',
  'ΟΔΟΣ ΣΑΣ',
  '\u212aelvin',
  '\ud801\udc00\ud801\udc28',
  'x\u0301y',
  '٣٤',
  'ß',
  '`tick`',
  '´acute',
  '\u02bcmod',
];
const texts = [...samples(4000), ...extra, ...samples(2000).map((s) => s.toUpperCase())];

describe('plain words', () => {
  it("wordTokens finds what /[\\p{L}\\p{N}]+(?:['-][\\p{L}]+)*/gu finds", () => {
    for (const t of texts)
      expect([t, wordTokens(t)]).toEqual([t, t.match(/[\p{L}\p{N}]+(?:['-][\p{L}]+)*/gu) ?? []]);
  });

  it("plainWords drops ' and makes every run of other characters than letters and digits one space", () => {
    // (with `curly`, the apostrophes above ASCII are dropped too; a backtick stays a separator)
    const curly = /['\u2018\u2019\u02bc\u00b4]/gu;
    for (const t of [...texts, " a ' b", "a' b", "'a", "a'", "a ''b", ' a  b ', 'a , b', '  ', ' ']) {
      expect([t, plainWords(t)]).toEqual([t, t.replace(/'/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ')]);
      expect([t, plainWords(t, true)]).toEqual([t, t.replace(curly, '').replace(/[^\p{L}\p{N}]+/gu, ' ')]);
    }
  });

  it('isLetterOrDigitUnit tests one UTF-16 unit as /[\\p{L}\\p{N}]/u does', () => {
    for (let c = 0; c < 0x10000; c += c < 0x3000 ? 1 : 97)
      expect([c, isLetterOrDigitUnit(c)]).toEqual([c, /[\p{L}\p{N}]/u.test(String.fromCharCode(c))]);
  });

  it('isLetterCodePoint tests one code point as /\\p{L}/u does (a lone surrogate is none)', () => {
    for (let c = 0; c < 0x110000; c += c < 0x3000 ? 1 : c < 0x10000 ? 97 : 997)
      expect([c, isLetterCodePoint(c)]).toEqual([c, /^\p{L}$/u.test(String.fromCodePoint(c))]);
  });

  describe('PlainWordsSearch', () => {
    const next = seeded(3);
    /** A name as the classifier looks for one: two or more words of a text's plain words, or not. */
    const nameOf = (t: string) => {
      const words = plainWords(t.toLowerCase(), true).trim().split(' ');
      const from = Math.floor(next() * words.length);
      return words.slice(from, from + 2 + Math.floor(next() * 2)).join(' ');
    };

    it('finds a name where plainWords(head) + plainWords(tail.toLowerCase(), curly), less its leading space, holds it', () => {
      for (let i = 0; i + 3 < texts.length; i += 3) {
        const head = [texts[i] as string, texts[i + 1] as string].map((t) => t.toLowerCase());
        const tail = texts[i + 2] as string;
        const names = [
          nameOf(tail),
          nameOf(texts[i + 3] as string),
          nameOf(head[0] as string),
          'do not send',
        ];
        const h = plainWords(`${head.join(' ')} `);
        const t = plainWords(tail.toLowerCase(), true);
        const whole = h + (t.startsWith(' ') ? t.slice(1) : t);
        const search = new PlainWordsSearch(names);
        search.begin();
        for (const part of head) {
          search.feed(part);
          search.feed(' ');
        }
        search.end();
        search.begin(true);
        search.feed(tail, true, true);
        search.end();
        names.forEach((n, k) => expect([whole, n, search.found(k)]).toEqual([whole, n, whole.includes(n)]));
      }
    });

    it('reads a capital sigma in its context, as toLowerCase of the whole text does', () => {
      const search = new PlainWordsSearch(['οδος σας', 'οδοσ']);
      search.begin(true);
      search.feed('ΟΔΟΣ ΣΑΣ', true, true);
      search.end();
      expect([search.found(0), search.found(1)]).toEqual([true, false]);
    });
  });
});
