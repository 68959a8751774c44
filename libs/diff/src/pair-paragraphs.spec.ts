import { edited, paragraph, samples, seeded } from '../test/text-samples';
import { type Block } from './diff.types';
import { looseKeyWords } from './normalize-text';
import { Pairing } from './pair-paragraphs';
import { WordIds } from './paragraph-words';

/** The plain definition: Dice overlap of the sets of word pairs (or of the single word), lifted by containment. */
function referenceSimilarity(a: string, b: string): number {
  const set = (text: string) => {
    const w = looseKeyWords(text);
    return new Set(
      w.length < 2 ? w.map((x) => `1 ${x}`) : w.slice(1).map((x, i) => `2 ${w[i] as string} ${x}`),
    );
  };
  const sa = set(a);
  const sb = set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  for (const x of sa) if (sb.has(x)) common++;
  const dice = (2 * common) / (sa.size + sb.size);
  const containment = Math.min(sa.size, sb.size) >= 4 ? common / Math.min(sa.size, sb.size) : 0;
  return containment >= 0.9 ? Math.max(dice, 0.4) : dice;
}

const block = (text: string, index: number): Block => ({ index, text, section: null, heading: false });

describe('Pairing', () => {
  it('scores paragraph pairs as the plain set definition does', () => {
    const next = seeded(3);
    const A: Block[] = [];
    const B: Block[] = [];
    for (let i = 0; i < 800; i++) {
      const p = paragraph(next);
      A.push(block(p.join(' '), i));
      B.push(block((next() < 0.2 ? paragraph(next) : edited(p, next)).join(' '), i));
    }
    const odd = samples(400);
    for (let i = 0; i < odd.length; i += 2) {
      A.push(block(odd[i] as string, A.length));
      B.push(block(odd[i + 1] as string, B.length));
    }
    const pairing = new Pairing(A, B);
    A.forEach((a, i) => {
      const b = B[i] as Block;
      expect([a.text, b.text, pairing.similarity(i, i)]).toEqual([
        a.text,
        b.text,
        referenceSimilarity(a.text, b.text),
      ]);
    });
  });
});

describe('WordIds', () => {
  it('gives one id per distinct word of the loose key, whichever way the text is read', () => {
    const next = seeded(5);
    const texts = [...samples(1500), ...Array.from({ length: 600 }, () => paragraph(next).join(' '))];
    const ids = new WordIds();
    const wordOf = new Map<number, string>();
    const wrong: string[] = [];
    for (const text of texts) {
      const words = looseKeyWords(text);
      const got = ids.of(text);
      if (got.length !== words.length) wrong.push(text);
      got.forEach((id, k) => {
        const w = words[k] as string;
        if (!wordOf.has(id)) wordOf.set(id, w);
        if (wordOf.get(id) !== w) wrong.push(text);
      });
    }
    expect(wrong).toEqual([]);
    // distinct words, distinct ids
    expect(new Set(wordOf.values()).size).toBe(wordOf.size);
  });
});
