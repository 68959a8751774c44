import { type Block } from './diff.types';

const HEADING = /^(#{1,6})\s+(.*)$/;

/** Paragraphs: the non-empty lines of the Markdown, each with the heading it sits under. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let section: string | null = null;
  for (const raw of text.split('\n')) {
    // most lines need no trimming: begin and end with a visible ASCII character
    const last = raw.length - 1;
    const line =
      last >= 0 && isVisibleAscii(raw.charCodeAt(0)) && isVisibleAscii(raw.charCodeAt(last))
        ? raw
        : raw.trim();
    if (!line) continue;
    // only a line that starts with `#` can be a heading
    const heading = line.charCodeAt(0) === 35 ? HEADING.exec(line) : null;
    if (heading) section = (heading[2] ?? '').replace(/[*_`]/g, '').trim() || section;
    blocks.push({ index: blocks.length, text: line, section, heading: Boolean(heading) });
  }
  return blocks;
}

const isVisibleAscii = (code: number) => code > 32 && code < 127;
