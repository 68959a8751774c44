import { linkSamples, paragraph, samples, seeded } from '../test/text-samples';
import { type Block } from './diff.types';
import { looseKey } from './normalize-text';
import { ParagraphWords } from './paragraph-words';

const block = (text: string, index: number): Block => ({ index, text, section: null, heading: false });

describe('ParagraphWords', () => {
  it('tells equal, empty and joined loose keys, and their lengths, as the keys themselves do', () => {
    const next = seeded(9);
    const texts = [
      ...samples(1200),
      ...linkSamples(300),
      ...Array.from({ length: 300 }, () => paragraph(next).join(' ')),
    ];
    // each text against a shuffled other, and against a copy of itself changed only cosmetically
    const A = texts.map(block);
    const B = texts.map((t, i) =>
      block(
        i % 3 === 0 ? t.toUpperCase() : i % 3 === 1 ? `- ${t}` : (texts[(i * 7) % texts.length] as string),
        i,
      ),
    );
    const words = new ParagraphWords(A, B);
    const wrong: string[] = [];
    A.forEach((a, i) => {
      const b = B[i] as Block;
      const keyA = looseKey(a.text);
      const keyB = looseKey(b.text);
      if (words.sameKey(i, i) !== (keyA === keyB)) wrong.push(`same: ${a.text} | ${b.text}`);
      if ((words.before.count(i) === 0) !== (keyA === '')) wrong.push(`empty: ${a.text}`);
      if (words.before.keyLength(i) !== keyA.length) wrong.push(`length: ${a.text}`);
      if (keyA === keyB && words.before.hash(i) !== words.after.hash(i)) wrong.push(`hash: ${a.text}`);
      if ((words.before.idKey(i) === words.after.idKey(i)) !== (keyA === keyB))
        wrong.push(`idKey: ${a.text} | ${b.text}`);
    });
    expect(wrong).toEqual([]);
    // (the cases hold both answers)
    expect(A.filter((a, i) => words.sameKey(i, i)).length).toBeGreaterThan(600);
    expect(A.filter((a, i) => !words.sameKey(i, i)).length).toBeGreaterThan(300);
  });
});
