/**
 * Negation that reaches its verb from further away than the few words read-clause.ts scans
 * (decision 0016, update 3):
 * - across an inserted phrase set off by commas or dashes ("we will not, under any circumstances,
 *   sell …", "we do not now, and have never, shared …");
 * - from a negated subject ("none of the information you give us … is ever shared", "no third
 *   party receives …");
 * - into the purpose of a negated use ("we do not use … to choose which ads you see").
 */
import { gated } from './pattern-gate';

/** A negator, at most two words, then an insertion closed by a comma or dash just before the verb. */
const ACROSS_INSERTION =
  /\b(not|never|n't|cannot)\b( \w+){0,2} ?[,—–-][^;.]{1,120}[,—–-] ?((ever|even|in any way|in any manner) )?$/u;
/** The sentence's subject is negated ("none of …", "no data", "no third parties"). */
const NEGATED_SUBJECT = gated(
  /^(?:[^,;]{0,40}, )?(none of|nobody|no one|no (\w+ ){0,3}(data|information|details|content|third[- ]part(y|ies)|partners?|advertisers?|compan(y|ies)|one|personal|organi[sz]ations?|parties|providers?|person|persons|people|humans?|employees?|staff|members?))\b/u,
);

/**
 * A purpose of a negated use: "we do not use information about your activity on other sites to
 * choose which ads you see" negates the ads as well as the use (the purpose clause may be long).
 */
const PURPOSE_OF_NEGATED_USE = gated(
  /(?<!\byou( \w+)? )\b(not|never|n't)( \w+)? (use|process|analy[sz]e|combine|share|disclose|sell|access|rely on|collect)\b[^;.:]{0,140}\b(to|in order to|for|so that|so as to)( \w+){0,4} ?$/u,
);
/** What ends a purpose's reach: a contrast, or a new clause with its own subject. */
const PURPOSE_BREAK =
  /\b(but|however|although|except|unless|instead|rather|other than)\b|, (and|or) (we|they|you|it|our)\b|,\s*which\b/u;

/** A sentence that opens by ruling out what follows. */
const NEGATED_OPENING =
  /^(at no (point|time|stage)|under no (circumstances?|condition)|in no (case|event|circumstances?)|for no (reason|purpose)|on no account)\b/u;

const HAS_NEGATOR = gated(/\b(not|never|none|no|cannot)\b|n't/u);
/** The last sentence asked about (its acts are asked one after another) and whether it has a negator. */
let lastNorm = '';
let lastHasNegator = false;
/** Whether the last sentence asked about has a predicate that rules an act out (most have none). */
let lastRulesOut = false;
const RULES_OUT_HINT = gated(
  /\b(prohibited|forbidden|permitted|allowed|ruled out|excluded|banned|off[- ]limits)\b/u,
);

/** True when a negator governs the verb at `at` from beyond the scanned window. */
export function distantNegation(norm: string, at: number): boolean {
  if (norm !== lastNorm) {
    lastNorm = norm;
    lastHasNegator = HAS_NEGATOR.test(norm);
    lastRulesOut = RULES_OUT_HINT.test(norm);
  }
  if (!lastHasNegator) return ruledOutByPredicate(norm, at);
  const before = norm.slice(Math.max(0, at - 160), at);
  // (both readings of `before` need a negator in it: "not", "never" or "n't" — "cannot" holds "not")
  if (before.includes('not') || before.includes('never') || before.includes("n't")) {
    if (
      ACROSS_INSERTION.test(before) &&
      !/\b(but|however|although|except|unless)\b/u.test(before.slice(before.search(/[,—–-]/u)))
    )
      return true;
    const purpose = PURPOSE_OF_NEGATED_USE.exec(before);
    if (purpose && !PURPOSE_BREAK.test(purpose[0])) return true;
  }
  // (a sentence that opens by ruling it out: "at no point, and for no purpose, will your clips be
  // viewed …", "under no circumstances do we sell …")
  if (
    NEGATED_OPENING.test(norm) &&
    !/[;:]|\b(but|however|although|except|unless|instead|rather|other than)\b/u.test(norm.slice(0, at))
  )
    return true;
  const subject = NEGATED_SUBJECT.exec(norm);
  if (
    subject !== null &&
    at > subject.index + subject[0].length &&
    !/[;:]|\b(but|however|although|except|unless|instead|rather)\b/u.test(norm.slice(0, at))
  )
    return true;
  return ruledOutByPredicate(norm, at);
}

/** A predicate that rules out the act its subject names ("… is prohibited", "… is not permitted"). */
const RULED_OUT = gated(
  /^[^;:.]{0,140}?\b(is|are|will be|shall be|remains?)( strictly| expressly| absolutely| completely| always)? (prohibited|forbidden|not (permitted|allowed)|never (permitted|allowed)|ruled out|excluded|banned|off[- ]limits)\b/u,
);
/** What shows the act is not the subject's ("we sell …", "… unless it is prohibited by law"). */
const NOT_A_SUBJECT =
  /\b(we|you|they|it|us|our service|unless|if|when|where|except|which|that|to the extent|as long as|until|by (applicable )?law)\b/u;

/**
 * The act named as the sentence's subject and ruled out by its predicate: "the sale of your
 * personal data is prohibited", "using your chats to train our models is not permitted"; not a
 * practice done unless the law forbids it ("we sell … unless it is prohibited by law").
 */
function ruledOutByPredicate(norm: string, at: number): boolean {
  if (!lastRulesOut || at > 40) return false;
  if (/\b(we|you|they|it|our service)\b/u.test(norm.slice(0, at))) return false;
  const m = RULED_OUT.exec(norm.slice(at));
  if (!m) return false;
  const span = m[0].slice(0, m[0].length - (m[3] as string).length);
  return !NOT_A_SUBJECT.test(span.slice(0, span.lastIndexOf(m[1] as string)));
}
