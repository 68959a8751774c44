import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { flatten, safeguardsIn, statesSafeguard } from './safeguards';

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
