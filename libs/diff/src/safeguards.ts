import { type Side } from './classify.types';
import { matches } from './pattern-gate';
import { type ClauseReading } from './read-clause';

/**
 * Lower case, Markdown table and emphasis marks and line breaks as spaces, one space between words:
 * `flattenByPatterns`, in one pass after the lower-casing (the whole new version is flattened for
 * the promises that moved, and the two replacements cost four times the lower-casing there). Both
 * replacements turn a run of white space, marks and `<br>` tags into one space, and nothing else.
 */
export function flatten(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length;) {
    let end = blankEnd(lower, i);
    if (end < 0) {
      i++;
      continue;
    }
    // (the whole run; a single plain space is left as it stands)
    for (let next = blankEnd(lower, end); next >= 0; next = blankEnd(lower, end)) end = next;
    if (end - i > 1 || lower.charCodeAt(i) !== 0x20) {
      out += `${lower.slice(from, i)} `;
      from = end;
    }
    i = end;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

/** `flatten` as two replacements: its definition. */
export function flattenByPatterns(text: string): string {
  return text
    .toLowerCase()
    .replace(/<br\s*\/?>|[|*_#>`]/gu, ' ')
    .replace(/\s{2,}|[^\S ]/gu, ' ');
}

/**
 * Where a piece `flatten` turns into a space ends, if one starts at `i`: a white-space character
 * (as `\s` sees it), a mark of `|*_#>\``, or a `<br>` tag (`<br`, white space, an optional `/`,
 * `>`); -1 if none does.
 */
function blankEnd(text: string, i: number): number {
  if (i >= text.length) return -1;
  const c = text.charCodeAt(i);
  if (c < 0x80 ? ASCII_BLANK[c] === 1 : isUnicodeSpace(c)) return i + 1;
  if (c !== 0x3c || text.charCodeAt(i + 1) !== 0x62 || text.charCodeAt(i + 2) !== 0x72) return -1;
  let k = i + 3;
  while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) === 0x2f) k++;
  return text.charCodeAt(k) === 0x3e ? k + 1 : -1;
}
/** ASCII white space and the marks `flatten` blanks, by code. */
const ASCII_BLANK = new Uint8Array(128);
for (const c of '\t\n\v\f\r |*_#>`') ASCII_BLANK[c.charCodeAt(0)] = 1;

/** Whether a UTF-16 unit is white space as `\s` sees it. */
export function isSpaceCode(c: number): boolean {
  return c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : isUnicodeSpace(c);
}
/** White space above ASCII, as `\s` sees it. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * A removed promise that the new version still states word for word elsewhere (moved out of a
 * table cell, into another section): every sentence of the removed text that limits or denies
 * something ("we do not disclose … by default") is still in the new version, so nothing was
 * withdrawn.
 */
export function stillStated(r: Side, afterFlat: () => string): boolean {
  const limiting = r.reading.text
    .split(/(?<=[.!?])\s+|<br\s*\/?>|\|/u)
    .map((t) => flatten(t).trim())
    .filter((t) => t.length >= 20 && /\b(not|never|no|only|solely|except|without|unless)\b|n't\b/u.test(t));
  if (limiting.length === 0) return false;
  const after = afterFlat();
  return after.length > 0 && limiting.every((t) => after.includes(t));
}

/**
 * The safeguards a sentence says the company keeps: encryption of the user's data (end to end, at
 * rest, in transit, or at all) and notice of a breach (within a stated time, or at all). Only a
 * statement of the company's own practice: not a duty of the user, not a negation, not a
 * recommendation.
 */
export function safeguardsOf(r: ClauseReading): string[] {
  if (!SAFEGUARD_HINT.test(r.norm)) return [];
  if (r.actor === 'you' || matches(r.norm, SAFEGUARD_NOT_OURS)) return [];
  return safeguardsIn(r.norm);
}
/** The safeguards a text names, each where no negator stands just before it ("not encrypted"). */
export function safeguardsIn(text: string): string[] {
  if (!SAFEGUARD_HINT.test(text)) return [];
  const event = SECURITY_EVENT.test(text);
  return SAFEGUARD_NAMES.filter((name) => namesSafeguard(text, name, event));
}

/**
 * Whether a text names this safeguard (`safeguardsIn(text).includes(name)`, with only that
 * safeguard's pattern run): for a long text asked about a few safeguards.
 */
export function statesSafeguard(text: string, name: string): boolean {
  if (!SAFEGUARD_HINT.test(text)) return false;
  return namesSafeguard(text, name, name.startsWith('breach') && SECURITY_EVENT.test(text));
}

/** A safeguard named in the text (`event`: whether the text names a security event). */
function namesSafeguard(text: string, name: string, event: boolean): boolean {
  const pattern = SAFEGUARD_PATTERN.get(name);
  // (a notice within a set time is a safeguard only of a security event: not of a policy change)
  if (!pattern || (name.startsWith('breach') && !event)) return false;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text))
    if (
      !NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)) &&
      !/\b(not|never|no longer)\b|n't\b/u.test(m[0])
    )
      return true;
  return false;
}
const SAFEGUARD_HINT =
  /encrypt|end[- ]to[- ]end|knowledge|breach|incident|intru|unauthori|compromis|hack|attack|leak|stolen|audit|penetration|into|key/u;
/** A security event a notice is promised for. */
const SECURITY_EVENT =
  /\b(breach\w*|(security )?incidents?|intru\w*|unauthori[sz]ed|compromis\w*|hack\w*|attacks?|leak\w*|stolen|(got|gets|get|broke|breaks) into)\b/u;
const SAFEGUARDS: [string, RegExp][] = [
  ['end-to-end', /\bend[- ]to[- ]end\b|\bzero[- ]knowledge\b/gu],
  // (a key the company does not hold: the data encrypted on the user's device, with a key from their
  // password, or one only they have)
  [
    'user-held-key',
    /\bencrypted (\w+ ){0,2}on (your|the user's|their) (own )?(device|phone|computer|browser)\b|\bkeys? (derived|generated|made) from (your|the user's|their) (\w+ )?(password|passphrase)\b|\b(only you|you alone) (have|hold|know|control) the (\w+ )?keys?\b/gu,
  ],
  [
    'audit',
    /\b(independent|external|third[- ]party) (security )?(firms?|auditors?|audits?|assessments?|penetration tests?)\b[^.;]{0,60}\b(every year|annually|yearly|each year|regularly|every \w+ months)\b|\b(audits?|tests?|assess\w*) (\w+ ){0,3}(every year|annually|yearly|each year)\b/gu,
  ],
  ['at-rest', /\b(encrypt\w*|stored|protected)\b[^.;]{0,40}\bat rest\b/gu],
  ['in-transit', /\b(encrypt\w*|protected)\b[^.;]{0,40}\bin transit\b/gu],
  // (stated of the user's data, not an encrypted identifier named in a list of data)
  [
    'encryption',
    /\b(is|are|be|been|gets?|remains?|stays?) (\w+ ){0,2}encrypted\b|\bencrypts? (your|all|the|their|any)\b|\b(we|our (systems?|servers?|service)) (use|uses|employ|employs|apply|applies) (\w+ ){0,3}encryption\b/gu,
  ],
  [
    'breach-window',
    /\b(notify|inform|tell|alert|email|e-mail|write to|contact)\b[^.;]{0,80}\bwithin \d+ (hours|days|business days)\b/gu,
  ],
  [
    'breach-notice',
    /\b(breach\w*|incidents?|intru\w*|unauthori[sz]ed|compromis\w*)\b[^.;]{0,100}\b(notify|inform|tell|alert)\b|\b(notify|inform|tell|alert)\b[^.;]{0,80}\b(breach\w*|incidents?|intru\w*|unauthori[sz]ed|compromis\w*)\b/gu,
  ],
];
const SAFEGUARD_NAMES = SAFEGUARDS.map(([name]) => name);
const SAFEGUARD_PATTERN = new Map(SAFEGUARDS);
/** A negator just before a safeguard ("is not encrypted", "we don't notify …"). */
const NEGATED_BEFORE = /\b(not|never|no longer|n't|without)\b[^,;.]*$/u;
/** Safeguards the user is asked to take, or that others keep. */
const SAFEGUARD_NOT_OURS =
  /\b(you|users?) (should|must|are responsible|can|may)\b[^.;]{0,40}\b(encrypt|enable|turn on|use)\b|\b(we )?(recommend|encourage|suggest)\b|\bthird[- ]part(y|ies)('s)? (sites?|services?)\b/u;
