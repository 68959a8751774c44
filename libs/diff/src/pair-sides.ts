import { type Side } from './classify.types';
import { keeps, ONLY_LIMIT, PROMISE_FAMILIES, weakenedPromise } from './compare-readings';
import { pairSentences } from './pair-sentences';
import { matches } from './pattern-gate';
import { answerCellFlip } from './table-cells';

/**
 * Pairs each removed sentence with the added sentence that replaced it, if any, so that a
 * reworded sentence is compared rather than read as one removal and one addition: table rows
 * whose answer flipped, then sentences by the words they share (pair-sentences.ts), then promises,
 * limits and statements that grew too long for that.
 */
export function pairSides(removed: Side[], added: Side[]): void {
  // a table row whose answer cell flipped ("| Data sold | No |" → "| Data sold | Yes: … |") is
  // the same row, however few words the two share
  for (const r of removed) {
    if (r.partner || !r.reading.text.trimStart().startsWith('|')) continue;
    const a = added.find((x) => !x.partner && answerCellFlip(r.reading.text, x.reading.text) !== null);
    if (a) {
      r.partner = a;
      a.partner = r;
    }
  }
  const freeRemoved = removed.some((r) => r.partner) ? removed.filter((r) => !r.partner) : removed;
  const freeAdded = added.some((a) => a.partner) ? added.filter((a) => !a.partner) : added;
  for (const p of pairSentences(
    freeRemoved.map((r) => r.reading.words),
    freeAdded.map((a) => a.reading.words),
  )) {
    const r = freeRemoved[p.removed] as Side;
    const a = freeAdded[p.added] as Side;
    r.partner = a;
    a.partner = r;
  }
  // a promise or a limit that became longer (an exception or more cases added) shares too few
  // words with its old self for the pairing above: such a sentence is paired with the added
  // sentence that keeps most of its words and adds the exception or drops the limit
  // (candidates come from an index of the unpaired added sentences' words: those holding the
  // removed sentence's rarest word)
  let withWord: Map<string, Side[]> | null = null;
  for (const r of removed) {
    if (r.partner || r.reading.words.length === 0 || r.reading.words.length > 60) continue;
    const promise = r.reading.acts.some((x) => x.negated && PROMISE_FAMILIES.has(x.family));
    const limited = matches(r.reading.norm, ONLY_LIMIT);
    // (a sentence that states a practice and was extended: "we collect your location when you
    // open the app" → "… your precise location in the background, including when the app is
    // closed, … and to understand how you travel" keeps its words but doubles its length)
    // (or a right, however short, that got an exception: "you may ask us to delete any information
    // we hold" → "… information you provided; what we inferred is not covered")
    const rightOnly = r.meanings.length > 0 && r.meanings.every((m) => m.kind === 'rights-added');
    const extendable = r.meanings.length > 0 && (r.reading.words.length >= 6 || rightOnly);
    if (!promise && !limited && !extendable) continue;
    if (!withWord) {
      withWord = new Map();
      for (const x of added)
        if (!x.partner && x.reading.words.length <= 120)
          for (const w of x.reading.words) {
            const list = withWord.get(w);
            // (each sentence once per word: a word met again in it finds it last in its list)
            if (!list) withWord.set(w, [x]);
            else if (list[list.length - 1] !== x) list.push(x);
          }
    }
    let candidates: Side[] = [];
    let absent = 0;
    for (const w of r.reading.words) {
      const list = withWord.get(w);
      if (!list) absent++;
      else if (candidates.length === 0 || list.length < candidates.length) candidates = list;
    }
    // (an extension keeps 80% of the words: with more missing from every added sentence, or only
    // words so common that many sentences hold them, there is no such sentence worth the search)
    if (!promise && !limited && (absent > 0.2 * r.reading.words.length || candidates.length > 64)) continue;
    const a = candidates.find(
      (x) =>
        !x.partner &&
        ((promise && weakenedPromise(r.reading, x.reading)) ||
          (limited && keeps(r.reading, x.reading, 0.6) && !matches(x.reading.norm, ONLY_LIMIT)) ||
          (extendable &&
            x.meanings.length > 0 &&
            x.reading.words.length <= (rightOnly ? 3 : 2) * r.reading.words.length + 4 &&
            keeps(r.reading, x.reading, 0.8))),
    );
    if (!a) continue;
    r.partner = a;
    a.partner = r;
  }
}

/** A veto holds only where both sides of a pair agree: a reworded sentence keeps one reading. */
export function settleVetoes(removed: Side[], added: Side[]): void {
  for (const s of [...removed, ...added]) if (s.vetoed && (!s.partner || s.partner.vetoed)) s.meanings = [];
}
