import {
  countWords,
  hashKey,
  INERT_CODES,
  isLooseKeyEmpty,
  looseKey,
  looseKeyHash,
  looseKeyWords,
} from './normalize-text';
import { linkSamples, samples } from '../test/text-samples';
import { plainText, splitSentences } from './split-sentences';

/** The straightforward definitions the fast paths must agree with. */
const reference = {
  looseKey: (text: string) =>
    text
      .normalize('NFC')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<https?:\/\/[^>]+>/g, '')
      .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/gm, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .toLowerCase(),
  countWords: (text: string) => {
    let count = 0;
    let inWord = false;
    const cls = (i: number) => {
      const c = text.charAt(i);
      if (c === "'" || c === '-' || c === '\u2019') return 2;
      return /[\p{L}\p{N}]/u.test(c) ? 1 : 0;
    };
    for (let i = 0; i < text.length; i++) {
      const c = cls(i);
      if (c === 1) {
        if (!inWord) count++;
        inWord = true;
      } else if (!(c === 2 && inWord && i + 1 < text.length && cls(i + 1) === 1)) inWord = false;
    }
    return count;
  },
  plainText: (markdown: string) =>
    markdown
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/gm, '')
      .replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g, '$1')
      .replace(/\s+/g, ' ')
      .trim(),
  splitSentences: (paragraph: string) => {
    const text = reference.plainText(paragraph);
    if (!text) return [];
    const out: string[] = [];
    let start = 0;
    const re = /[.!?]["'\u201D\u2019)\]]?\s+(?=["'\u201C\u2018(]?[\p{Lu}\p{N}])/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const candidate = text.slice(start, m.index + m[0].trimEnd().length);
      if (
        /(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|Inc|Ltd|Co|Corp|No|St|U\.S|U\.K|approx|incl)\.)$/i.test(
          candidate,
        )
      )
        continue;
      out.push(candidate.trim());
      start = m.index + m[0].length;
    }
    const rest = text.slice(start).trim();
    if (rest) out.push(rest);
    return out;
  },
};

const fixed = [
  '',
  '   ',
  'We keep data for 30 days.',
  '- A list item with a [link](https://example.com) and <https://example.com>.',
  '1) First\n2) Second\r\n# Third',
  '## Section 2: “Cookies” — and other technologies…',
  "We don't sell e-mail addresses — ever, in 2025.",
  'Données personnelles: 3 catégories.',
  'Ab approx. Cd. Tacos. Co. Next one. Mr. Smith met Dr. No.',
  '[We](https://a.b) keep [your](x) “data” [for [30](y) days](z)… ![logo](l.png)',
  '1[2](y). Link inside a would-be marker',
  '[- ](x)Starts with a link to a marker',
  '\u00a0- Item after a no-break space',
  '[a](b',
  '[a] (b)',
  '!![a](b)',
  '\u2028- line separator before a marker',
  '\n- newline before a marker',
  '\u3000- ideographic space before a marker',
  'a![b](c)d and a! [b](c) and [x] [y](z) and [p](q [r](s)',
  '- [Chrome](https://c.example) and more',
  '12 [x](y)',
  '1.[2](y) next',
  '[unclosed ( link',
  '[a](b [c](d) e',
];

describe('the typography looseKey passes through unchanged', () => {
  it('is neither letter nor digit, and normalisation changes no pair of it and ASCII', () => {
    const chars = [
      ...Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)),
      ...INERT_CODES.map((c) => String.fromCharCode(c)),
    ];
    for (const code of INERT_CODES)
      expect([code, /[\p{L}\p{N}]/u.test(String.fromCharCode(code))]).toEqual([code, false]);
    const changed = chars.flatMap((x) =>
      chars.filter((y) => (x + y).normalize('NFC') !== x + y).map((y) => x + y),
    );
    expect(changed).toEqual([]);
  });
});

describe('fast paths agree with the plain definitions', () => {
  const inputs = [...fixed, ...samples(5000), ...linkSamples(5000)];

  it('looseKey', () => {
    for (const s of inputs) expect([s, looseKey(s)]).toEqual([s, reference.looseKey(s)]);
  });

  it('looseKeyHash is the hash of the loose key', () => {
    for (const s of inputs) expect([s, looseKeyHash(s)]).toEqual([s, hashKey(reference.looseKey(s))]);
  });

  it('looseKeyWords are the words of the loose key', () => {
    for (const s of inputs) {
      const key = reference.looseKey(s);
      expect([s, looseKeyWords(s)]).toEqual([s, key.split(' ').filter(Boolean)]);
      expect([s, isLooseKeyEmpty(s)]).toEqual([s, key === '']);
    }
  });

  it('countWords', () => {
    for (const s of inputs) expect([s, countWords(s)]).toEqual([s, reference.countWords(s)]);
  });

  it('plainText', () => {
    for (const s of inputs) expect([s, plainText(s)]).toEqual([s, reference.plainText(s)]);
  });

  it('splitSentences', () => {
    for (const s of inputs) expect([s, splitSentences(s)]).toEqual([s, reference.splitSentences(s)]);
  });

  it('splitSentences keeps abbreviations inside sentences', () => {
    expect(splitSentences('Ask Mr. Smith. Data e.g. logs. Tacos. Approx. Fine. A U.S. Company.')).toEqual([
      'Ask Mr. Smith.',
      'Data e.g. logs.',
      'Tacos.',
      'Approx. Fine.',
      'A U.S. Company.',
    ]);
  });

  it('splitSentences ends a sentence or a list item at an HTML line break (cells of Markdown tables)', () => {
    expect(
      splitSentences(
        '| Age data | This includes:<br><br>* Face estimate: a photo of your face<br/>* ID check: a photo of your ID<BR> We delete it. It is gone. |',
      ),
    ).toEqual([
      '| Age data | This includes:',
      'Face estimate: a photo of your face',
      'ID check: a photo of your ID',
      'We delete it.',
      'It is gone. |',
    ]);
    expect(splitSentences('A <b>bold</b> claim. Next one.')).toEqual(['A <b>bold</b> claim.', 'Next one.']);
  });
});
