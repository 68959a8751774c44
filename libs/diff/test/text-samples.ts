/**
 * Seeded test inputs for libs/diff's fast paths: strings over an alphabet chosen to hit
 * every branch, and policy-like paragraphs with their reworded next versions.
 */

/** Seeded strings over an alphabet chosen to hit every branch: joiners, markers, links, non-ASCII, surrogates. */
export function samples(count: number): string[] {
  const alphabet = [
    'a',
    'Z',
    '7',
    ' ',
    ' ',
    '  ',
    "'",
    '-',
    '\u2019',
    '.',
    '. ',
    '\n',
    '\r',
    '\t',
    '\u00a0',
    '\u2028',
    'é',
    'e\u0301',
    'ß',
    '中',
    '٣',
    '\ud835\udc00',
    '\ud800',
    '[x](y)',
    '![i](u)',
    '[',
    ']',
    '(',
    ')',
    '!',
    '](',
    '\u201c',
    '\u201d',
    '\u2014',
    '\u2026',
    '\u00a9',
    '\u200b',
    '\ufeff',
    '\u2022 ',
    '\u0301',
    '\u212a',
    '\u00b2',
    '<https://a.b/c>',
    '<b>',
    '- ',
    '* ',
    '1. ',
    '2) ',
    '## ',
    '> ',
    '*em*',
    '__b__',
    '`c`',
    'Mr. ',
    'e.g. ',
    'U.S. ',
    'Last updated ',
    'May 5',
  ];
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  return Array.from({ length: count }, () =>
    Array.from(
      { length: Math.floor(next() * 24) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join(''),
  );
}

/** A seeded generator of numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

const WORDS = (
  'we you your data information personal collect use share process services provide improve account device ' +
  'voice recordings location advertising partners third parties retain delete request access rights choose ' +
  'settings security law consent cookies analytics content support may will not never the a of to and or'
).split(' ');
const DECOR = [
  '',
  '',
  '',
  ',',
  ' \u2014',
  '\u2019s',
  ' (\u201cdata\u201d)',
  ' [settings](https://x.example/s)',
  ' *only*',
];

/** A policy-like sentence: words, now and then punctuation, typographic quotes, a link or emphasis. */
export function sentence(next: () => number): string {
  const n = 4 + Math.floor(next() * 20);
  const words = Array.from({ length: n }, () => {
    const w = WORDS[Math.floor(next() * WORDS.length)] as string;
    return next() < 0.1 ? `${w}${DECOR[Math.floor(next() * DECOR.length)] as string}` : w;
  });
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${next() < 0.9 ? '.' : '!'}`;
}

/** A paragraph of one to six sentences. */
export function paragraph(next: () => number): string[] {
  return Array.from({ length: 1 + Math.floor(next() * 6) }, () => sentence(next));
}

/**
 * The next version of a paragraph, edited sentence by sentence: sentences reworded (a
 * word changed, inserted or deleted), replaced, inserted, deleted or kept.
 */
export function edited(sentences: string[], next: () => number): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    const r = next();
    if (r < 0.45) out.push(s);
    else if (r < 0.75) {
      const words = s.split(' ');
      const at = Math.floor(next() * words.length);
      const w = WORDS[Math.floor(next() * WORDS.length)] as string;
      if (next() < 0.4) words[at] = w;
      else if (next() < 0.5) words.splice(at, 0, w);
      else if (words.length > 2) words.splice(at, 1);
      out.push(words.join(' '));
    } else if (r < 0.85) out.push(sentence(next));
    else if (r < 0.93) out.push(s, sentence(next));
  }
  return out;
}

/** Short strings dense in link syntax, markers and the characters looseKey treats specially. */
export function linkSamples(count: number): string[] {
  const alphabet = ['a', 'B', '1', ' ', '!', '[', ']', '(', ')', '-', '#', '.', '\u2019', '\u00a0', '\n'];
  alphabet.push('\u2028', 'é', '<', '*', '2. ', '- ', '[x](y)', '![i](u)', '](', '\t', '\u3000');
  const next = seeded(99);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: Math.floor(next() * 14) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join(''),
  );
}
