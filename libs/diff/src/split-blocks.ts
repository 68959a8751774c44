import { type Block } from './diff.types';

const HEADING = /^(#{1,6})\s+(.*)$/;

/** Paragraphs: the non-empty lines of the Markdown, each with the heading it sits under. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let section: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const heading = HEADING.exec(line);
    if (heading) section = (heading[2] ?? '').replace(/[*_`]/g, '').trim() || section;
    blocks.push({ index: blocks.length, text: line, section, heading: Boolean(heading) });
  }
  return blocks;
}
