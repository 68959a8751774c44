import { severityRank } from '@fineprint/contracts';

import {
  BULK_SENTENCES,
  bulkOf,
  byImportance,
  kindsOf,
  severityRuleOf,
  topicsOfChange,
} from './change-severity';
import { type ChangeStatements } from './change-statements';
import { type ClassifyContext } from './classify-context';
import { type Side } from './classify.types';
import { type ChangeTag, type Classification, type Severity } from './diff.types';
import { DEFAULT_SEVERITY } from './lexicon';
import { type TagSet } from './tag-set';

/**
 * The classification the tags make: sorted by importance, each with its severity (capped where
 * the evidence is weak), the change's severity the highest of theirs.
 */
export function assembleClassification(
  tags: TagSet,
  removed: Side[],
  added: Side[],
  ctx: ClassifyContext,
  st: ChangeStatements,
): Classification {
  const list = tags.values().sort(byImportance);
  const topicsOf = new Map<string, string[]>();
  for (const side of [removed, added]) for (const s of side) topicsOf.set(s.reading.text, s.reading.topics);
  const { massRemoval, bulk } = bulkOf(removed.length, added.length);
  let severity: Severity = DEFAULT_SEVERITY.severity;
  let severityRule = DEFAULT_SEVERITY.name;
  for (const t of list) {
    const rule = severityRuleOf(t);
    // a tag only the model found is at most medium: a guess alone never raises a high alert; nor
    // does a sentence that vanished in a bulk rewrite or mass removal (it may live on reworded
    // elsewhere, or the capture lost the page): a reader must look, but it is not a known loss
    const cap =
      rule?.severity !== 'high'
        ? null
        : t.source === 'model'
          ? 'model: at most medium'
          : bulk &&
              t.rule.startsWith('removed:') &&
              !promiseOnSensitiveData(t, added.length, (text) => topicsOf.get(text) ?? []) &&
              !choiceGoneFromRewrite(
                t,
                added.length,
                ctx.options.afterText !== undefined && !st.announcedGone,
              ) &&
              !st.rightGoneFromRewrite(t)
            ? 'bulk rewrite: a removal is at most medium'
            : optInOnly(t)
              ? "only with the user's consent: at most medium"
              : null;
    // a mass removal (most of a page gone, next to nothing added) of lines that are only titles
    // and link texts ("How we share the information we collect"): a capture that lost a menu or a
    // table of contents states no practice, whatever its words name
    const titlesOnly =
      massRemoval &&
      t.rule.startsWith('removed:') &&
      rule !== undefined &&
      t.citations.every((c) => c.side === 'removed' && titleLike(c.text));
    t.severity = titlesOnly ? 'low' : cap ? 'medium' : (rule?.severity ?? DEFAULT_SEVERITY.severity);
    t.severityRule = titlesOnly
      ? `${rule.name} (titles and links only, in a mass removal: low)`
      : cap && rule
        ? `${rule.name} (${cap})`
        : (rule?.name ?? DEFAULT_SEVERITY.name);
    if (severityRank(t.severity) > severityRank(severity)) {
      severity = t.severity;
      severityRule = t.severityRule;
    }
  }
  return {
    severity,
    severityRule,
    cosmetic: false,
    tags: list,
    topics: topicsOfChange(list, topicsOf),
    kinds: kindsOf(list),
  };
}

/**
 * A promise about voice, faces, health, children or AI training that a rewrite (not a mass removal:
 * the new text has sentences of its own) no longer makes anywhere: the rewrite's cap on removals
 * does not hide it ("we generally do not store the contents of voice calls" gone from a rewrite).
 */
function promiseOnSensitiveData(
  t: ChangeTag,
  addedSentences: number,
  topicsOf: (text: string) => readonly string[],
): boolean {
  return (
    t.kind === 'promise-withdrawn' &&
    t.topic !== null &&
    addedSentences >= BULK_SENTENCES &&
    // (the promise's own topic, or sensitive data its sentence names: "users under 18 … not
    // disclosed to advertising partners" is a promise about children's data)
    (SENSITIVE_PROMISES.has(t.topic) ||
      t.citations.some((c) => topicsOf(c.text).some((x) => SENSITIVE_PROMISES.has(x))))
  );
}
/**
 * A choice removed in a rewrite (not a mass removal) that the whole new version no longer offers:
 * `choiceSurvives` looked for it there (by name, and as any choice over the same data), so the
 * rewrite's cap, meant for a statement that may live on in other words, does not hide it.
 */
function choiceGoneFromRewrite(t: ChangeTag, addedSentences: number, newVersionRead: boolean): boolean {
  return t.kind === 'opt-out-removed' && newVersionRead && addedSentences >= BULK_SENTENCES;
}
const SENSITIVE_PROMISES = new Set([
  'voice-recordings',
  'biometrics',
  'health',
  'children',
  'ai-training',
  'communications-content',
]);
/** The user's consent asked or required first ("we ask for your consent to", "if you opt in"). */
const OPT_IN =
  /\b(with|ask(s|ing)? for|request(s|ing)?|obtain(s|ing)?|seek(s|ing)?|get|based on|subject to) (your|the user's|users'|their) (explicit |prior |express |separate )?(consent|permission|agreement|opt-in)\b|\bif you (agree|opt in|allow|choose to|consent|give (us )?(your )?(consent|permission))\b|\bonly (with|after|if) (you|your)\b[^.;]{0,20}\b(consent|permission|agree|opt in)/u;
const WITHOUT_CONSENT =
  /\bwithout (your |the user's |their )?(explicit |prior )?(consent|permission|agreement)\b/u;
/**
 * A new collection or use stated only as something the user opts in to: every sentence the tag
 * cites asks for or requires the user's consent first. It is worth a look, not a high alert.
 */
function optInOnly(t: ChangeTag): boolean {
  if (t.kind !== 'new-data-use' && t.kind !== 'new-data-collected') return false;
  return (
    t.citations.length > 0 &&
    t.citations.every((c) => {
      if (c.side !== 'added') return false;
      const text = c.text.toLowerCase().replace(/’/g, "'");
      return OPT_IN.test(text) && !WITHOUT_CONSENT.test(text);
    })
  );
}
/** A title or a link's text: short, no closing punctuation, no table cell. */
function titleLike(text: string): boolean {
  return !/[.!?;:]["”’)]?\s*$/u.test(text) && !text.includes('|') && text.trim().split(/\s+/u).length <= 12;
}
