import { headingLinks } from './side-lines';

/** The headings above line `at` as `headingsAbove` walked them line by line: their line numbers. */
function walkUp(lines: string[], at: number): number[] {
  const out: number[] = [];
  let level = 7;
  for (let n = at - 1; n >= 0 && level > 1; n--) {
    const m = /^\s{0,3}(#{1,6})\s/u.exec(lines[n] as string);
    if (!m || (m[1] as string).length >= level) continue;
    level = (m[1] as string).length;
    out.push(n);
  }
  return out;
}

describe('headingLinks', () => {
  it('leads up from each line through the headings a walk over the lines takes', () => {
    const shapes = [
      '# A',
      '## B',
      '### C',
      '#### D',
      '##### E',
      '###### F',
      '####### G',
      '#H',
      '   ## I',
      '    # J',
      'text',
      '- item',
      '| row |',
      '##\tK',
    ];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 0x80000000) / 0x80000000;
    let taken = 0;
    for (let doc = 0; doc < 2000; doc++) {
      const lines: string[] = [];
      for (let k = Math.floor(next() * 30); k > 0; k--)
        lines.push(shapes[Math.floor(next() * shapes.length)] as string);
      const { headingAbove, parentHeading } = headingLinks(lines);
      for (let at = 0; at <= lines.length; at++) {
        const chain: number[] = [];
        for (let n = at > 0 ? (headingAbove[at - 1] as number) : -1; n >= 0; n = parentHeading[n] as number)
          chain.push(n);
        expect([lines, at, chain]).toEqual([lines, at, walkUp(lines, at)]);
        taken += chain.length;
      }
    }
    expect(taken).toBeGreaterThan(10_000);
  });
});
