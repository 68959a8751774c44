import { diffArrays } from 'diff';

/**
 * The words of a Markdown text with its syntax removed: link and image targets, emphasis,
 * heading and list markers, table pipes, escapes and stray HTML tags; Unicode composed (NFC).
 * What remains is what a reader reads, so two extractors that format differently compare equal.
 */
export function markdownWords(markdown: string): string[] {
  const text = markdown
    .normalize('NFC')
    .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words in common (longest common subsequence) over the mean length of both: 1 is identical. */
export function wordSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  let common = 0;
  for (const part of diffArrays(a, b))
    if (!part.added && !part.removed) common += part.count ?? part.value.length;
  return (2 * common) / (a.length + b.length);
}
