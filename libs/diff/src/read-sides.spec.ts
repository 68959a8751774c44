import { isTrimmedLine } from './read-sides';

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

describe('isTrimmedLine', () => {
  it('says what the set of the trimmed lines says', () => {
    // texts dense in line breaks, white space of several kinds (trimmed or not) and repeated words
    const pieces = [
      'a',
      'b',
      'ab',
      'We sell',
      ' ',
      '  ',
      '\t',
      '\r',
      '\n',
      '\n\n',
      '\u00a0',
      '\u2003',
      '\ufeff',
      '\u200b',
      'x\r',
    ];
    const next = rng(7);
    const pick = () => pieces[Math.floor(next() * pieces.length)] as string;
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = Math.floor(next() * 14); k > 0; k--) text += pick();
      const lines = new Set(text.split('\n').map((x) => x.trim()));
      const asked = [...lines, ...text.split('\n'), '', ' ', 'a', 'ab', 'b a', 'We sell', 'a\nb'];
      for (let k = 0; k < 4; k++) {
        let line = '';
        for (let j = 1 + Math.floor(next() * 3); j > 0; j--) line += pick();
        asked.push(line, line.trim());
      }
      for (const line of asked) {
        expect([text, line, isTrimmedLine(text, line)]).toEqual([text, line, lines.has(line)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30_000);
  });
});
