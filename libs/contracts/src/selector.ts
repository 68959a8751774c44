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
