import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { flatten, flattenByPatterns, isSpaceCode, safeguardsIn, statesSafeguard } from './safeguards';

const NAMES = [
  'end-to-end',
  'user-held-key',
  'audit',
  'at-rest',
  'in-transit',
  'encryption',
  'breach-window',
  'breach-notice',
  'no-such-safeguard',
];

/** Every string of the test sets, whole and flattened. */
function fixtureTexts(): string[] {
  const dir = join(__dirname, '../test');
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')))
    walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return [...out].flatMap((t) => [t, flatten(t)]);
}

describe('statesSafeguard', () => {
  it('says what safeguardsIn says of each safeguard', () => {
    const texts = [
      'We notify you within 72 hours of a breach.',
      'We will notify you within 72 hours of any change to this policy.',
      'Your data is not encrypted at rest, but it is encrypted in transit.',
      'Messages are end-to-end encrypted; only you hold the keys.',
      ...fixtureTexts(),
    ];
    let found = 0;
    for (const t of texts) {
      const all = safeguardsIn(t);
      found += all.length;
      for (const n of NAMES)
        expect({ t, n, stated: statesSafeguard(t, n) }).toEqual({ t, n, stated: all.includes(n) });
    }
    // (not a vacuous check)
    expect(found).toBeGreaterThan(50);
  });
});

describe('flatten', () => {
  it('tells white space as \\s does, for every UTF-16 unit', () => {
    for (let c = 0; c < 0x10000; c++)
      if (isSpaceCode(c) !== /\s/u.test(String.fromCharCode(c)))
        expect(c.toString(16)).toBe('white space as \\s');
  });

  it('gives what the two replacements give', () => {
    // texts dense in marks, <br> tags whole and broken, white space of every kind, capitals whose
    // lower case is longer or depends on their neighbours, and surrogate pairs
    const pieces = [
      'a',
      'Ab',
      ' ',
      '  ',
      '\n',
      '\r\n',
      '\t',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u200b',
      '|',
      '*',
      '_',
      '#',
      '>',
      '`',
      '<',
      'br',
      '<br>',
      '<BR/>',
      '<br />',
      '<br\n>',
      '<br/ >',
      '<b>',
      '/',
      'İ',
      'Σ',
      'ΑΣ ',
      '😀',
      '\ud83d',
      'x.',
    ];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 0x80000000) / 0x80000000;
    const texts = [...fixtureTexts()];
    for (let n = 0; n < 20_000; n++) {
      let t = '';
      for (let k = Math.floor(next() * 16); k > 0; k--)
        t += pieces[Math.floor(next() * pieces.length)] as string;
      texts.push(t);
    }
    for (const t of texts) expect([t, flatten(t)]).toEqual([t, flattenByPatterns(t)]);
  });
});
