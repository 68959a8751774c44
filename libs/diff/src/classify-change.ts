import { assembleClassification } from './assemble-classification';
import { ChangeStatements } from './change-statements';
import { ClassifyContext, type ClassifyOptions } from './classify-context';
import { classifyFrench } from './classify-french';
import { type Classification, type DiffResult } from './diff.types';
import { readsAsEnglish, readsAsFrench } from './language';
import { listItemRules } from './list-item-rules';
import { type MarkFlip, markFlipRules, markFlips } from './mark-flips';
import { meaningsFromContext } from './meaning-from-context';
import { comparePairs, rightsMadeDiscretionary, transfersWidened } from './pair-rules';
import { pairSides, settleVetoes } from './pair-sides';
import { withScanMemo } from './pattern-gate';
import { readSides } from './read-sides';
import { TagSet } from './tag-set';
import { additionRules, removalRules, safeguardRules, wholeChangeRules } from './unpaired-rules';

export { type ClassifyOptions, SHIPPED_MODEL } from './classify-context';

/**
 * Says what a change means, by rules a reader can check. Each changed sentence is read as a
 * clause (read-clause.ts) and given its meanings (clause-meaning.ts); a removed sentence is
 * paired with the added sentence that replaced it (pair-sentences.ts) so that a reworded
 * sentence is compared, not read as one removal and one addition. Every tag names its rule and
 * cites its sentences (both sides for a pair); severity comes from lexicon/severity.json.
 */
export function classifyChange(diff: DiffResult, options: ClassifyOptions = {}): Classification {
  // (the rules ask about each sentence in several passes: its gate scan is remembered for the call)
  return withScanMemo(() => classify(diff, options));
}

function classify(diff: DiffResult, options: ClassifyOptions): Classification {
  if (diff.identical)
    return {
      severity: 'cosmetic',
      severityRule: 'identical',
      cosmetic: false,
      tags: [],
      topics: [],
      kinds: [],
    };
  // (a tick turned to a cross is a symbol to the word diff, and the whole answer to a reader)
  const flips = markFlips(diff);
  if (diff.cosmetic && flips.length === 0)
    return {
      severity: 'cosmetic',
      severityRule: 'cosmetic-only',
      cosmetic: true,
      tags: [],
      topics: [],
      kinds: [],
    };

  // French has a reader of its own (read-french.ts); the other rules read English: a change in
  // another language is a change whose meaning is not read (said as such, at low), not a
  // misreading of words that look English ("cookies")
  const changed = [...diff.sentences.removed, ...diff.sentences.added];
  if (readsAsFrench(changed, options.afterText)) return classifyFrench(diff, options);
  if (changed.length === 0 && flips.length > 0) return classifyFlips(diff, options, flips);
  if (!readsAsEnglish(changed))
    return {
      severity: 'low',
      severityRule: 'meaning-not-read-not-english',
      cosmetic: false,
      tags: [],
      topics: [],
      kinds: [],
    };

  // each changed sentence read once, then given what its context and the list it stands in say
  const ctx = new ClassifyContext(diff, options);
  const { removed, added } = readSides(ctx);
  meaningsFromContext(ctx, removed, added);
  listItemRules(ctx, removed, added);
  // each removed sentence paired with the added sentence that replaced it
  pairSides(removed, added);
  settleVetoes(removed, added);

  // the rules, in order: the first rule to give a tag names it, and its citations come in this order
  const tags = new TagSet();
  const st = new ChangeStatements(ctx, removed, added);
  const scope = { ctx, st, tags };
  comparePairs(removed, scope);
  rightsMadeDiscretionary(removed, added, tags);
  transfersWidened(removed, added, tags);
  removalRules(removed, added, scope);
  safeguardRules(removed, scope);
  additionRules(removed, added, scope);
  wholeChangeRules(removed, added, tags);
  markFlipRules(ctx, flips, tags);
  return assembleClassification(tags, removed, added, ctx, st);
}

/** A change whose only edits are ticks and crosses flipped (mark-flips.ts). */
function classifyFlips(diff: DiffResult, options: ClassifyOptions, flips: MarkFlip[]): Classification {
  const ctx = new ClassifyContext(diff, options);
  const tags = new TagSet();
  markFlipRules(ctx, flips, tags);
  return assembleClassification(tags, [], [], ctx, new ChangeStatements(ctx, [], []));
}
