import { noOwnPractice } from './clause-context';
import { meaningOfPractice, vetoedByModel } from './clause-meaning';
import { type ClassifyContext } from './classify-context';
import { type Side } from './classify.types';
import { type DiffResult } from './diff.types';
import { scanAhead } from './pattern-gate';
import { predictPractice } from './practice-model';
import { tokenIdsOf } from './read-clause';
import { splitSentences } from './split-sentences';

/**
 * The changed sentences of each side, each read once with its meanings. A sentence on both sides
 * (a duplicate left by a capture glitch, or text that moved inside a changed paragraph) says
 * nothing new; a sentence repeated on one side counts once.
 */
export function readSides(ctx: ClassifyContext): { removed: Side[]; added: Side[] } {
  const { diff, options } = ctx;
  const sig = (t: string) => ctx.sig(t);
  const before = new Set(diff.sentences.removed.map(sig));
  const afterSigs = new Set(diff.sentences.added.map(sig));
  // a paragraph inserted that the old version has word for word (and still has: a capture that
  // repeated the page), or deleted that the new version still has, says nothing new
  const repeatedAdded = repeatedParagraphs(diff, 'insert', options.beforeText);
  const repeatedRemoved = repeatedParagraphs(diff, 'delete', options.afterText);
  const removedTexts = unique(
    diff.sentences.removed.filter((t) => !afterSigs.has(sig(t)) && !repeatedRemoved.has(t)),
    sig,
  );
  const addedTexts = unique(
    diff.sentences.added.filter((t) => !before.has(sig(t)) && !repeatedAdded.has(t)),
    sig,
  );
  // (the literal gates' scans of the sentences about to be read, done together: pattern-gate.ts)
  scanAhead([...removedTexts, ...addedTexts].map((t) => ctx.prepared(t).norm));
  return {
    removed: removedTexts.map((t) => readSide(ctx, t, 'removed')),
    added: addedTexts.map((t) => readSide(ctx, t, 'added')),
  };
}

/** One changed sentence read: its rules' meanings, or the model's where the rules find none. */
function readSide(ctx: ClassifyContext, text: string, side: Side['side']): Side {
  const { model, threshold, veto } = ctx;
  const prep = ctx.prepared(text);
  const reading = ctx.readingOf(text, prep);
  let meanings = ctx.rulesOf(text, prep);
  // where the rules found a data practice, a confident model may say there is none
  const vetoed =
    meanings.length > 0 &&
    model !== null &&
    veto !== null &&
    reading.words.length >= 4 &&
    vetoedByModel(meanings, () => predictPractice(model, text, reading.tokens, tokenIdsOf(reading)), veto);
  // (not where the reading found the sentence states no practice of the service's own)
  if (meanings.length === 0 && model && reading.words.length >= 4 && !noOwnPractice(reading)) {
    // where the rules find nothing, the model may name the practice; the reading gives its direction
    const p = predictPractice(model, text, reading.tokens, tokenIdsOf(reading));
    const m =
      p.practice !== 'none' && p.score >= threshold ? meaningOfPractice(reading, p.practice, p.score) : null;
    if (m) meanings = [m];
  }
  return { reading, side, meanings, partner: null, vetoed };
}

/**
 * Paragraphs shorter than this are judged repeated only beside at least REPEATED_LONG long ones (a
 * capture that repeated the page): alone, "Learn more." or "You can opt out." may well be said twice.
 */
const REPEATED_MIN_LENGTH = 60;
const REPEATED_LONG = 3;

/**
 * The sentences of the paragraphs a change inserted (or deleted) that the other version has word
 * for word: text a capture repeated or lost a copy of, not a statement added or removed.
 */
function repeatedParagraphs(
  diff: DiffResult,
  kind: 'insert' | 'delete',
  other: string | undefined,
): Set<string> {
  const out = new Set<string>();
  if (other === undefined) return out;
  const texts: string[] = [];
  for (const h of diff.hunks)
    for (const l of h.lines) if (l.kind === kind && !l.cosmetic) texts.push(l.ops[0]?.text ?? '');
  if (texts.length === 0) return out;
  // (a few paragraphs are looked for where they occur; many, in the set of the version's lines)
  let lines: Set<string> | null = null;
  const isLine = (text: string) =>
    texts.length <= FEW_PARAGRAPHS
      ? isTrimmedLine(other, text)
      : (lines ??= new Set(other.split('\n').map((x) => x.trim()))).has(text);
  const long: string[] = [];
  const short: string[] = [];
  for (const text of texts) if (isLine(text)) (text.length < REPEATED_MIN_LENGTH ? short : long).push(text);
  for (const text of long.length >= REPEATED_LONG ? [...long, ...short] : long)
    for (const s of splitSentences(text)) out.add(s);
  return out;
}

/** Up to this many paragraphs, each is looked for in the other version's text rather than in a set of its lines. */
const FEW_PARAGRAPHS = 16;

/**
 * Whether some line of `text` (split at `\n`) is `line` once trimmed:
 * `new Set(text.split('\n').map((x) => x.trim())).has(line)`, without splitting the whole text. A
 * trimmed line holds no `\n` and starts and ends with no white space, so a line found is `line`
 * where it occurs with only white space between it and the line breaks around it.
 */
export function isTrimmedLine(text: string, line: string): boolean {
  if (line === '') return text.split('\n').some((x) => x.trim() === '');
  if (line.trim() !== line || line.includes('\n')) return false;
  for (let at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) {
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at + line.length);
    if (isBlank(text, start, at) && isBlank(text, at + line.length, end < 0 ? text.length : end)) return true;
  }
  return false;
}

/** Whether `text` from `from` to `to` is empty or white space only, as `trim` sees it. */
function isBlank(text: string, from: number, to: number): boolean {
  return from >= to || text.slice(from, to).trim() === '';
}

function unique(texts: string[], by: (t: string) => string): string[] {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const k = by(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
