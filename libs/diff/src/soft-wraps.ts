/**
 * A text whose paragraphs are wrapped over several lines, rejoined: Markdown reads consecutive
 * lines as one paragraph, but the diff (split-blocks.ts) takes each line as a paragraph of its own,
 * so a sentence wrapped in the middle ("You can turn it off in the" / "Optiq app under Privacy.")
 * would reach the reader of meaning as two fragments. A line is joined to the one before only
 * where the one before stops mid-sentence (no closing punctuation) and the line starts no block of
 * its own (heading, list item, table row, quote, fence, HTML, a bracketed button row). Returns null
 * when no line is joined, which is the usual case (most captured pages do not wrap).
 */
export function unwrapParagraphs(text: string): string | null {
  // (a first pass looks only at the characters around each line break: a line followed by a blank
  // line, a list item, a table row, a heading or a quote cannot be joined, and most pages have no
  // other line breaks, so most pages are not split into lines at all)
  if (!hasCandidate(text)) return null;
  const lines = text.split('\n');
  let joined = false;
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length > 0 ? (out[out.length - 1] as string) : null;
    if (prev !== null && continues(prev, line)) {
      out[out.length - 1] = `${prev.trimEnd()} ${line.trim()}`;
      joined = true;
    } else out.push(line);
  }
  return joined ? out.join('\n') : null;
}

/** Whether some line break is followed by a line that might go on with the one before. */
function hasCandidate(text: string): boolean {
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (text.charCodeAt(j) === 32) j++;
    const next = text.charCodeAt(j);
    // (end of text, a blank line, or a line that starts a block: - * + | # > digits [ ` { })
    if (
      Number.isNaN(next) ||
      next === 10 ||
      next === 13 ||
      BLOCK_CHAR.has(next) ||
      (next >= 48 && next <= 57)
    )
      continue;
    const before = text.charCodeAt(i - 1);
    if (before === 10 || before === 32 || Number.isNaN(before)) continue;
    return true;
  }
  return false;
}
const BLOCK_CHAR = new Set([...'-*+|#>[`{}<~_'].map((c) => c.charCodeAt(0)));

function continues(prev: string, line: string): boolean {
  const p = prev.trim();
  const l = line.trim();
  if (!p || !l) return false;
  if (BLOCK_START.test(p) && !LIST_ITEM.test(p)) return false;
  if (BLOCK_START.test(l)) return false;
  // (a hard break in Markdown: two trailing spaces, a backslash or <br>)
  if (/ {2}$|\\$|<br\s*\/?>$/iu.test(prev)) return false;
  if (SENTENCE_END.test(p) || CODE_LIKE.test(p) || CODE_LIKE.test(l)) return false;
  // (a label on its own line, "Local Voice Only", is no sentence cut short: the next line must go
  // on in lower case, or the line before stop on a comma or on a word no sentence ends with)
  return /^[*_`"'“‘(]*\p{Ll}/u.test(l) || /,$/u.test(p) || OPEN_END.test(p);
}
/** Configuration or code, whose lines are no prose ("{", "\"label\": …"). */
const CODE_LIKE = /^[{}[\]]|[{[]$|"\s*:/u;
/** A word no sentence ends with: an article, a preposition, a conjunction, a possessive. */
const OPEN_END =
  /\b(the|a|an|to|of|in|on|at|by|for|from|with|without|into|onto|and|or|but|nor|your|our|their|its|his|her|my|this|that|these|those|is|are|was|were|be|been|can|may|will|would|should|must|not|than|as|if|when|where|which|who|whose|while|so|such|any|all|each|every|some|no)[*_`]*$/iu;

/** A line that starts a block of its own. */
const BLOCK_START =
  /^(#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|[a-z][.)]\s|[ivx]{1,4}[.)]\s|\||>|```|~~~|<[a-z/!]|\[[^\]]*\]\s*(\[|$)|[✓✔☑✅✗✘☒❌✖☐]|---|\*\*\*|___)/iu;
const LIST_ITEM = /^([-*+•]\s|\d{1,3}[.)]\s|[a-z][.)]\s|[ivx]{1,4}[.)]\s)/iu;
/** What ends a sentence or a label at the end of a line (closing marks and emphasis allowed after it). */
const SENTENCE_END = /[.!?:;…—–-][)\]"'’”*_`]*$|[.!?][)\]"'’”]*\**$/u;
