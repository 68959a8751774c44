import clauseData from './lexicon/clause.json';
import durationsData from './lexicon/durations.json';
import topicsData from './lexicon/topics.json';
import { seeded } from '../test/text-samples';
import { gated, GatedRegExp, LITERAL_INDEX, matches, scanAhead, withScanMemo } from './pattern-gate';
import { branchesOf } from './pattern-literals';

/** Every pattern of the lexicons, as the reader compiles them, and shapes the analysis must read right. */
const LEXICON: RegExp[] = [
  ...Object.values(clauseData.families).flatMap((f) => f.patterns.map((p) => new RegExp(p, 'g'))),
  new RegExp(clauseData.negators),
  new RegExp(clauseData.clauseBreaks, 'g'),
  ...Object.entries(topicsData)
    .filter(([k]) => !k.startsWith('$'))
    .flatMap(([, ps]) => (ps as string[]).map((p) => new RegExp(p))),
  new RegExp(`\\b(${durationsData.open.join('|')})\\b`, 'u'),
];
const SHAPES: RegExp[] = [
  /\bno\b/u,
  /\bai\b/,
  /a\bb/,
  /\bdata\b \bwe\b/,
  /n't\b/,
  /\w+n't\b/,
  /\bopt(ing|s)?[- ]?(out|in)\b/,
  /[;,.()]/,
  /[^a-z]+data/,
  /(?:x|y)?z{2,3}/,
  /\d+ days?/,
  /\bsell(?!ing)\b/,
  /(?<=\bwe )share/,
  /(a)\1b/,
  /\x61\u0062c\.d/,
  /[\-\]x]y/,
  /a{2}b|c*d+e?f/,
  /\bthe\b(?: (?:data|info)){1,3}/,
  /^we\b|\bus$/,
  /\s+data\S/u,
  /[\p{L}]x/u,
  /\bdo-not-track\b/,
  /_a/,
  /a_/,
  /9\b/,
  /\b\d/,
  /\cJx/,
  new RegExp('a\\u{2}b'),
  /a\u{62}c/u,
  new RegExp('[\\u{61}]b'),
  /{x/,
  /[]y/,
];

/** Texts dense in the patterns' own words, with separators that move word boundaries. */
function texts(count: number): string[] {
  const vocabulary = [
    ...new Set([...LEXICON, ...SHAPES].flatMap((re) => re.source.match(/[a-z']{2,}/g) ?? [])),
  ];
  const glue = [
    ' ',
    ' ',
    ' ',
    ', ',
    '. ',
    '-',
    "'",
    '_',
    '9',
    'é',
    '\u2019',
    '(',
    ') ',
    ';',
    '\u00a0',
    '  ',
    '\n',
    '',
  ];
  const next = seeded(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T;
  return Array.from({ length: count }, () => {
    let t = '';
    for (let n = 1 + Math.floor(next() * 14); n > 0; n--) t += pick(vocabulary) + pick(glue);
    return t;
  });
}

describe('gated patterns', () => {
  // (and a few texts for the odd shapes above)
  const sample = [
    ...texts(6000),
    'auub',
    'a\u0002b',
    'ab',
    'aabde',
    'xy',
    ']y',
    '-y',
    'abc.d',
    'zz9 x',
    'we share',
    'no-data',
    'a_',
    '_a',
  ];

  it.each([...LEXICON, ...SHAPES].map((re) => [String(re), re] as const))(
    '%s: whenever it matches, its condition holds',
    (_, re) => {
      const gate = gated(re);
      LITERAL_INDEX.stats();
      for (const t of sample) if (re.test(t)) expect([t, gate.mayMatch(t)]).toEqual([t, true]);
      re.lastIndex = 0;
    },
  );

  it('skips a pattern when the text lacks the literals its matches need', () => {
    class Counting extends RegExp {
      runs = 0;
      override exec(s: string): RegExpExecArray | null {
        this.runs++;
        return super.exec(s);
      }
    }
    const re = new Counting('\\b(sell|sold)\\b.{0,40}\\b(data|information)\\b', 'u');
    const gate = gated(re);
    expect(gate.gated).toBe(true);
    LITERAL_INDEX.stats(); // (the automaton holds the new pattern's literals now, not only after many texts)
    expect(gate.test('we never sell anything to anyone')).toBe(false);
    expect(gate.test('the item was sold last year')).toBe(false);
    expect(re.runs).toBe(0);
    expect(gate.test('we sold your data')).toBe(true);
    expect(re.runs).toBe(1);
    // "sell" inside another word is no literal "\bsell": no run
    expect(gate.test('the reseller keeps information')).toBe(false);
    expect(re.runs).toBe(1);
  });

  it('a pattern made at run time is read from its source, and gated once the automaton is rebuilt', () => {
    const first = gated(/\bshare\b/u);
    expect(first.test('we share a novel widget')).toBe(true);
    const later = gated(new RegExp('\\bnovel (widget|gadget)s?\\b', 'u'));
    expect(later.gated).toBe(true);
    // until the automaton holds its literals, the pattern simply runs
    expect(later.mayMatch('a novelty widget')).toBe(true);
    expect(later.test('a novelty widget')).toBe(false);
    for (let i = 0; i < 600; i++) first.mayMatch(`text ${i}`);
    expect(later.mayMatch('we share a novel widget')).toBe(true);
    expect(later.test('we share a novel widget')).toBe(true);
    expect(later.mayMatch('a novelty widget')).toBe(false);
  });

  it('does not gate what it cannot read safely: case-insensitive patterns, a condition of one letter', () => {
    expect(gated(/\bsell\b/i).gated).toBe(false);
    expect(gated(/a|b/).gated).toBe(false);
    expect(gated(/[a-z]+/).gated).toBe(false);
  });

  it('resets lastIndex of a skipped global pattern, as a failed exec does', () => {
    const re = /\bdata\b/g;
    const gate = new GatedRegExp(re);
    re.lastIndex = 3;
    expect(gate.exec('nothing here')).toBeNull();
    expect(re.lastIndex).toBe(0);
  });

  it('gives the same answers with the scan memo, texts met again in any order or scanned ahead', () => {
    const gates = [...LEXICON, ...SHAPES].map((re) => gated(re));
    LITERAL_INDEX.stats();
    const few = sample.slice(0, 400);
    const plain = few.map((t) => gates.map((g) => g.mayMatch(t)));
    const next = seeded(11);
    const visits = Array.from({ length: 2000 }, () => Math.floor(next() * few.length));
    const memo = withScanMemo(() => {
      scanAhead(few.slice(0, 100));
      return visits.map((i) => gates.map((g) => g.mayMatch(few[i] as string)));
    });
    expect(memo).toEqual(visits.map((i) => plain[i]));
  });

  it('test() and firstMatch() give what the whole pattern gives, branches gated one by one', () => {
    const patterns = [...LEXICON, ...SHAPES, /a|ab/u, /x(?:a|ab)|(?:q|ab)/u, /(?<n>sell|share) data|^we\b/mu];
    const gates = patterns.map((re) => [re, gated(re)] as const);
    LITERAL_INDEX.stats();
    for (const [re, gate] of gates) {
      const whole = new RegExp(re.source, re.flags.replace('g', ''));
      for (const t of sample) {
        re.lastIndex = 0; // (a global pattern's test reads on from where the last one ended)
        expect([re.source, t, gate.test(t)]).toEqual([re.source, t, whole.test(t)]);
        re.lastIndex = 0;
        const m = gate.firstMatch(t);
        const w = whole.exec(t);
        expect([re.source, t, m?.index, m?.[0]]).toEqual([re.source, t, w?.index, w?.[0]]);
      }
    }
  });

  it('reads a pattern as its top-level branches, whole groups opened, and not when groups are referred back to', () => {
    expect(branchesOf('a|b(c|d)|(?:e|f)')).toEqual(['a', 'b(c|d)', 'e', 'f']);
    expect(branchesOf('(?<n>x|y)|[|(]z|\\|w')).toEqual(['x', 'y', '[|(]z', '\\|w']);
    expect(branchesOf('(a|b)+|c')).toEqual(['(a|b)+', 'c']);
    expect(branchesOf('(?=a|b)c|(?<!x|y)d')).toEqual(['(?=a|b)c', '(?<!x|y)d']);
    expect(branchesOf('(a)(b|c)')).toEqual(['(a)(b|c)']);
    expect(branchesOf('(a)\\1|b')).toEqual(['(a)\\1|b']);
    expect(branchesOf('(?<w>a)\\k<w>|b')).toEqual(['(?<w>a)\\k<w>|b']);
    expect(branchesOf('abc')).toEqual(['abc']);
  });

  it('runs only the branches whose literals the text holds', () => {
    class Counting extends RegExp {
      static runs = 0;
      override exec(s: string): RegExpExecArray | null {
        Counting.runs++;
        return super.exec(s);
      }
    }
    const gate = gated(new Counting('\\bsell\\b|\\bshare\\b', 'u'));
    LITERAL_INDEX.stats();
    expect(gate.test('we share it')).toBe(true);
    expect(gate.firstMatch('we share it')?.[0]).toBe('share');
    // (the branches are patterns of their own: the whole one never ran)
    expect(Counting.runs).toBe(0);
  });

  it('matches() runs an inline pattern through the gate of its source', () => {
    expect(matches('we sell data', /\bsell\b/u)).toBe(true);
    expect(matches('we resell data', /\bsell\b/u)).toBe(false);
    expect(matches('we sell data', /\bSELL\b/iu)).toBe(true);
  });
});
