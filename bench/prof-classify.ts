/**
 * A loop of `classifyChange` to profile: `node --cpu-prof -r @swc-node/register bench/prof-classify.ts [sentences|sentences100|unrelated|replaced|generated] [runs]`.
 * The diff is computed once; only the classifier runs in the loop (see prof.ts for the cases).
 */
import { classifyChange, diffText } from '@fineprint/diff';

import { document, paragraph, rng } from './generate-text';
import { editSentences, loadMaterial, policyDocument, render, SentenceSource } from './policy-text';

function texts(kind: string): [string, string] {
  if (kind === 'replaced') {
    const blocks = document(1_000_000, 4);
    const next = rng(6);
    const after = blocks.map((b, i) => (i % 2 === 1 && !b.startsWith('#') ? paragraph(next) : b));
    return [blocks.join('\n\n'), after.join('\n\n')];
  }
  if (kind === 'generated') return [document(200_000, 6).join('\n\n'), document(200_000, 105).join('\n\n')];
  const material = loadMaterial();
  if (kind === 'unrelated') {
    const next = rng(15);
    const one = policyDocument(200_000, new SentenceSource(material, next, [0, 2]), next);
    const two = policyDocument(200_000, new SentenceSource(material, next, [1, 2]), next);
    return [render(one), render(two)];
  }
  const small = kind === 'sentences100';
  const next = rng(small ? 13 : 14);
  const source = new SentenceSource(material, next);
  const before = policyDocument(small ? 100_000 : 1_000_000, source, next);
  return [render(before), render(editSentences(before, 0.5, source, material, next))];
}

const [a, b] = texts(process.argv[2] ?? 'sentences');
const runs = Number(process.argv[3] ?? 10);
const diff = diffText(a, b);
classifyChange(diff, { afterText: b });
const cpu = process.cpuUsage();
const t = performance.now();
for (let i = 0; i < runs; i++) classifyChange(diff, { afterText: b });
const used = process.cpuUsage(cpu);
console.log(
  `${process.argv[2] ?? 'sentences'}: ${diff.sentences.removed.length} removed, ${diff.sentences.added.length} added sentences; classify ${((performance.now() - t) / runs).toFixed(1)} ms wall, ${((used.user + used.system) / 1000 / runs).toFixed(1)} ms CPU per run`,
);
