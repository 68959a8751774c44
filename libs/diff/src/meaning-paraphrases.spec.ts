import { type Severity, severityRank } from '@fineprint/contracts';

import paraphrases from '../test/meaning-paraphrases.json';
import { analyzeChange } from './analyze-change';

// Paraphrases written by hand before each rule family of decision 0016 update 3 (see the
// fixture's $comment): each family must read its own wording and the counter-examples beside it.
interface Case {
  text: string;
  removed?: boolean;
  expect?: string[];
  forbid?: string[];
  severityAtMost?: Severity;
}

const page = (clause: string | null) =>
  [
    '# Privacy Policy',
    'This page explains how we handle information.',
    ...(clause ? [clause] : []),
    '## Contact',
    'Write to our support team.',
  ].join('\n\n');

const cases = Object.entries(paraphrases.families as Record<string, Case[]>).flatMap(([family, list]) =>
  list.map((c) => [family, c.removed ? `removed: ${c.text}` : c.text, c] as const),
);

describe('rule families read paraphrases nobody tuned to', () => {
  it.each(cases)('%s: %s', (_family, _label, c) => {
    const { classification } = c.removed
      ? analyzeChange(page(c.text), page(null))
      : analyzeChange(page(null), page(c.text));
    const tags = classification.tags.map((t) => `${t.kind ?? ''}/${t.topic ?? ''}`);
    // "kind/*": the kind with any topic
    for (const e of c.expect ?? [])
      if (e.endsWith('/*')) expect(tags.map((t) => `${t.split('/')[0]}/*`)).toContain(e);
      else expect(tags).toContain(e);
    for (const f of c.forbid ?? []) expect(tags).not.toContain(f);
    if (c.severityAtMost)
      expect(severityRank(classification.severity)).toBeLessThanOrEqual(severityRank(c.severityAtMost));
  });
});
