import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import golden from '../test/classify-golden.json';
import { classifyChange } from './classify-change';
import { diffText } from './diff-text';

// The classifier was made faster without changing what it says: its output on a sample of real
// policy histories must stay byte for byte what it was (scripts/classify-equivalence.ts checks
// every pair, the eval:meaning cases and the bench texts).
const CORPUS = resolve(__dirname, '../../../../shared/corpus');
const pairs = Object.entries(golden.pairs as Record<string, unknown>);

describe('classifyChange on consecutive versions of real policies', () => {
  if (!existsSync(CORPUS)) {
    it.skip('../shared/corpus is not present', () => undefined);
    return;
  }
  it.each(pairs.map(([id, c]) => [id, c] as const))('%s says what it said', (id, expected) => {
    const [doc, versions] = id.split('/') as [string, string];
    const [a, b] = versions.split('..') as [string, string];
    const before = readFileSync(resolve(CORPUS, doc, a), 'utf8');
    const after = readFileSync(resolve(CORPUS, doc, b), 'utf8');
    const got = classifyChange(diffText(before, after), { afterText: after, beforeText: before });
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  });
});
