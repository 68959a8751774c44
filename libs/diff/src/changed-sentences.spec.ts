import { edited, paragraph, seeded } from '../test/text-samples';
import { changedSentences } from './changed-sentences';
import { type Block, type HunkLine } from './diff.types';
import { looseKey } from './normalize-text';
import { splitSentences } from './split-sentences';

/** The plain definition: sentences compared by their loose keys in sets. */
function reference(lines: HunkLine[], A: Block[], B: Block[]) {
  const removed: string[] = [];
  const added: string[] = [];
  for (const line of lines) {
    if (line.cosmetic) continue;
    const before =
      line.before !== null && (line.kind === 'delete' || line.kind === 'change')
        ? splitSentences((A[line.before] as Block).text)
        : [];
    const after =
      line.after !== null && (line.kind === 'insert' || line.kind === 'change')
        ? splitSentences((B[line.after] as Block).text)
        : [];
    const beforeKeys = new Set(before.map(looseKey));
    const afterKeys = new Set(after.map(looseKey));
    removed.push(...before.filter((s) => after.length === 0 || !afterKeys.has(looseKey(s))));
    added.push(...after.filter((s) => before.length === 0 || !beforeKeys.has(looseKey(s))));
  }
  const removedKeys = new Set(removed.map(looseKey));
  const addedKeys = new Set(added.map(looseKey));
  return {
    removed: [...new Set(removed.filter((s) => !addedKeys.has(looseKey(s))))],
    added: [...new Set(added.filter((s) => !removedKeys.has(looseKey(s))))],
  };
}

/** A sentence with a cosmetic difference: the same loose key, another text. */
const cosmetic = (s: string, next: () => number) =>
  next() < 0.5 ? s.toUpperCase() : s.replace(/ /g, '  ').replace(/\.$/, '!');

describe('changedSentences', () => {
  it('gives what the plain definition gives, for rewritten, deleted, inserted and cosmetic paragraphs', () => {
    const next = seeded(21);
    for (let t = 0; t < 300; t++) {
      const A: Block[] = [];
      const B: Block[] = [];
      const lines: HunkLine[] = [];
      const pool: string[] = [];
      for (let k = 0; k < 1 + Math.floor(next() * 12); k++) {
        let before = paragraph(next);
        // sentences moved from another paragraph, or cosmetically changed copies of them
        if (pool.length > 0 && next() < 0.3) before.push(pool[Math.floor(next() * pool.length)] as string);
        if (next() < 0.05) before = Array.from({ length: 20 }, () => before[0] as string); // a long paragraph
        let after = edited(before, next);
        if (pool.length > 0 && next() < 0.3)
          after.push(cosmetic(pool[Math.floor(next() * pool.length)] as string, next));
        if (next() < 0.1) after = after.map((s) => cosmetic(s, next));
        pool.push(...before);
        A.push({ index: A.length, text: before.join(' '), section: null, heading: false });
        B.push({ index: B.length, text: after.join(' '), section: null, heading: false });
        const r = next();
        const kind = r < 0.6 ? 'change' : r < 0.8 ? 'delete' : 'insert';
        lines.push({
          kind,
          before: kind === 'insert' ? null : A.length - 1,
          after: kind === 'delete' ? null : B.length - 1,
          ops: [],
          cosmetic: next() < 0.05,
        });
      }
      expect(changedSentences(lines, A, B)).toEqual(reference(lines, A, B));
    }
  });
});
