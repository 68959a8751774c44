/**
 * Selectors with Open Terms Archive's shape: a CSS selector string, or a range that starts
 * before/after one CSS-selected node and ends before/after another.
 */
export interface RangeSelector {
  startBefore?: string;
  startAfter?: string;
  endBefore?: string;
  endAfter?: string;
}
export type Selector = string | RangeSelector;

export const isRangeSelector = (selector: Selector): selector is RangeSelector =>
  typeof selector === 'object' && selector !== null;

/**
 * How a selector is stored in a document's `select` / `remove` text columns: CSS as is, a
 * range as its JSON object (a CSS selector never starts with `{`), keys in a fixed order so
 * the same range is always the same text.
 */
export function storeSelector(selector: Selector): string {
  if (!isRangeSelector(selector)) return selector;
  const ordered: RangeSelector = {};
  for (const key of ['startBefore', 'startAfter', 'endBefore', 'endAfter'] as const)
    if (selector[key] !== undefined) ordered[key] = selector[key];
  return JSON.stringify(ordered);
}

/** A stored selector back to its OTA shape; objects and plain CSS pass through unchanged. */
export function parseSelector(stored: Selector): Selector {
  if (isRangeSelector(stored) || !stored.trimStart().startsWith('{')) return stored;
  try {
    const value = JSON.parse(stored) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // not JSON: leave it to the CSS parser, which reports it as an invalid selector
  }
  return stored;
}

export const parseSelectors = (list: readonly Selector[] | undefined): Selector[] =>
  (list ?? []).map(parseSelector);
