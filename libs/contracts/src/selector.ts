/**
 * Selectors as declarations write them, with Open Terms Archive's semantics: a CSS selector,
 * or a range `{ startBefore | startAfter, endBefore | endAfter }` whose bounds are CSS
 * selectors (the first match of each) and which covers everything between the two points in
 * document order, whatever the nesting. Stored as strings: a range is kept as its JSON, which
 * no CSS selector can be (CSS never starts with "{").
 */
export interface RangeSelector {
  startBefore?: string;
  startAfter?: string;
  endBefore?: string;
  endAfter?: string;
}

export type Selector = string | RangeSelector;

export const RANGE_KEYS = ['startBefore', 'startAfter', 'endBefore', 'endAfter'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

/** Why a value is not a valid range selector, or null. */
export function rangeSelectorProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'a range must be an object';
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !(RANGE_KEYS as readonly string[]).includes(k));
  if (unknown.length)
    return `unknown key(s) ${unknown.join(', ')}: a range has startBefore or startAfter, and endBefore or endAfter`;
  for (const key of RANGE_KEYS) {
    const v = record[key];
    if (v !== undefined && (typeof v !== 'string' || !v.trim()))
      return `${key} must be a non-empty CSS selector`;
  }
  const starts = ['startBefore', 'startAfter'].filter((k) => record[k] !== undefined).length;
  const ends = ['endBefore', 'endAfter'].filter((k) => record[k] !== undefined).length;
  if (starts !== 1) return 'a range needs exactly one of startBefore and startAfter';
  if (ends !== 1) return 'a range needs exactly one of endBefore and endAfter';
  return null;
}

export function isRangeSelector(value: unknown): value is RangeSelector {
  return rangeSelectorProblem(value) === null;
}

/** The stored form: CSS as is, a range as JSON with its keys in a fixed order. */
export function encodeSelector(selector: Selector): string {
  if (typeof selector === 'string') return selector;
  const ordered: Record<string, string> = {};
  for (const key of RANGE_KEYS) if (selector[key] !== undefined) ordered[key] = selector[key];
  return JSON.stringify(ordered);
}

/** The stored form read back; a string that starts with "{" must be a valid range. */
export function decodeSelector(value: Selector): Selector {
  if (typeof value !== 'string') return value;
  if (!value.trimStart().startsWith('{')) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error(`"${value}" starts like a range selector but is not valid JSON`);
  }
  const problem = rangeSelectorProblem(parsed);
  if (problem) throw new Error(`"${value}": ${problem}`);
  return parsed as RangeSelector;
}

/** A selector for messages. */
export function describeSelector(selector: Selector): string {
  return typeof selector === 'string' ? selector : encodeSelector(selector);
}

/**
 * Checks one CSS selector as the extractor will read it: why it would fail, or null. The API
 * and the catalog pass libs/scraper's `cssSelectorProblem` (the extractor's own parser, so a
 * selector accepted when it is declared never fails a check as `declaration/INVALID_SELECTOR`);
 * this library cannot parse CSS itself.
 */
export type CssSelectorCheck = (css: string) => string | null;

/** What differs between the places that read a declared selector (the API, the catalog). */
export interface ReadSelectorOptions {
  /** Longest CSS string, range JSON or range bound accepted, in characters; none by default. */
  maxLength?: number;
  /** What to say about a blank selector. */
  blankMessage?: string;
  /** What to say about a value that is neither a string nor a range object. */
  shapeMessage?: string;
}

/** A selector in its stored form, or why it is not one (`key`: the range bound at fault). */
export type SelectorReading = { stored: string } | { problem: string; key?: RangeKey };

const BLANK_SELECTOR = 'must be a non-empty CSS selector';
const NOT_A_SELECTOR =
  'must be a CSS selector (a string) or a range { "startBefore" | "startAfter": css, "endBefore" | "endAfter": css }';

/**
 * One selector as a declaration writes it (decisions 0020, 0026): a CSS string, a range object,
 * or a range's stored JSON text, read by one rule wherever selectors are declared. Comes out
 * in the stored form: CSS as written, a range as its canonical JSON (`encodeSelector`), so the
 * same range declared by a catalog file, an OTA import or the API is stored as the same text
 * (and gives the same extraction key).
 */
export function readSelector(
  value: unknown,
  checkCss: CssSelectorCheck,
  options: ReadSelectorOptions = {},
): SelectorReading {
  const { maxLength, blankMessage = BLANK_SELECTOR, shapeMessage = NOT_A_SELECTOR } = options;
  const tooLong = (text: string) => maxLength !== undefined && text.length > maxLength;
  const lengthProblem = () => `at most ${maxLength} characters`;
  const readRange = (range: unknown): SelectorReading => {
    const shape = rangeSelectorProblem(range);
    if (shape) return { problem: shape };
    const valid = range as RangeSelector;
    for (const key of RANGE_KEYS) {
      const css = valid[key];
      if (css === undefined) continue;
      if (tooLong(css)) return { problem: lengthProblem(), key };
      const problem = checkCss(css);
      if (problem) return { problem, key };
    }
    return { stored: encodeSelector(valid) };
  };
  if (typeof value === 'string') {
    if (tooLong(value)) return { problem: lengthProblem() };
    if (!value.trim()) return { problem: blankMessage };
    if (!value.trimStart().startsWith('{')) {
      const problem = checkCss(value);
      return problem ? { problem } : { stored: value };
    }
    let decoded: unknown;
    try {
      decoded = decodeSelector(value);
    } catch (error) {
      return { problem: (error as Error).message };
    }
    return readRange(decoded);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return readRange(value);
  return { problem: shapeMessage };
}
