/**
 * A loop of `diffText` to profile: `node --cpu-prof -r @swc-node/register bench/prof.ts [few|sentences|unrelated]`.
 * "few": five appended sentences in 1 MB of generated text (the default); "sentences": 1 MB of
 * policy text with half its paragraphs edited sentence by sentence; "unrelated": two unrelated
 * 200 KB policies (see policy-text.ts).
 */
import { diffText } from '@fineprint/diff';

import { document, rng } from './generate-text';
import { editSentences, loadMaterial, policyDocument, render, SentenceSource } from './policy-text';

function texts(kind: string): [string, string] {
  if (kind === 'sentences' || kind === 'unrelated') {
    const material = loadMaterial();
    const next = rng(14);
    if (kind === 'unrelated') {
      const one = policyDocument(200_000, new SentenceSource(material, next, [0, 2]), next);
      const two = policyDocument(200_000, new SentenceSource(material, next, [1, 2]), next);
      return [render(one), render(two)];
    }
    const source = new SentenceSource(material, next);
    const before = policyDocument(1_000_000, source, next);
    return [render(before), render(editSentences(before, 0.5, source, material, next))];
  }
  const blocks = document(1_000_000, 2);
  const next = rng(3);
  const after = [...blocks];
  for (let i = 0; i < 5; i++) {
    const at = 1 + Math.floor(next() * (after.length - 2));
    after[at] = `${after[at]} We may also share voice recordings with partners.`;
  }
  return [blocks.join('\n\n'), after.join('\n\n')];
}

const [a, b] = texts(process.argv[2] ?? 'few');
for (let i = 0; i < 30; i++) diffText(a, b);
