import { diffText } from '@fineprint/diff';
import { document, rng } from './generate-text';
const blocks = document(1_000_000, 2);
const next = rng(3);
const after = [...blocks];
for (let i = 0; i < 5; i++) {
  const at = 1 + Math.floor(next() * (after.length - 2));
  after[at] = `${after[at]} We may also share voice recordings with partners.`;
}
const a = blocks.join('\n\n'),
  b = after.join('\n\n');
for (let i = 0; i < 30; i++) diffText(a, b);
