import { samples } from '../test/text-samples';
import { OTHER_SPACE, plainText } from './split-sentences';

describe('plainText', () => {
  it('spells out [^\\S ] as OTHER_SPACE, the same set of code units', () => {
    const wrong: number[] = [];
    for (let code = 0; code < 65536; code++) {
      const c = String.fromCharCode(code);
      if (OTHER_SPACE.test(c) !== /[^\S ]/.test(c)) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it('finds two spaces or OTHER_SPACE exactly where /\\s\\s|[^\\S ]/ finds a match', () => {
    const inputs = [...samples(3000), 'a  b', 'a \u00a0b', 'a\tb', 'a b', ' a b ', 'a\u3000b', 'a\ufeffb'];
    for (const s of inputs)
      expect([s, s.includes('  ') || OTHER_SPACE.test(s)]).toEqual([s, /\s\s|[^\S ]/.test(s)]);
    expect(plainText('a \u00a0 b\tc  d')).toBe('a b c d');
  });
});
