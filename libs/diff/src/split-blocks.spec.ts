import { linkSamples, samples } from '../test/text-samples';
import { type Block } from './diff.types';
import { splitBlocks } from './split-blocks';

/** The plain definition: every line trimmed, a heading matched on each. */
function reference(text: string): Block[] {
  const blocks: Block[] = [];
  let section: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) section = (heading[2] ?? '').replace(/[*_`]/g, '').trim() || section;
    blocks.push({ index: blocks.length, text: line, section, heading: Boolean(heading) });
  }
  return blocks;
}

describe('splitBlocks', () => {
  it('gives what the plain definition gives', () => {
    const inputs = [...samples(3000), ...linkSamples(3000)];
    inputs.push(
      '# A\n\n ## B \n\t\n\u00a0x\u00a0\n#nospace\n####### seven\n# *Em* `c`\n#\n# \n\ufeffz\ufeff\r\nw\r',
    );
    inputs.push(inputs.join('\n'));
    const wrong = inputs.filter((s) => JSON.stringify(splitBlocks(s)) !== JSON.stringify(reference(s)));
    expect(wrong).toEqual([]);
  });
});
