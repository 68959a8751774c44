/** A page of results with the cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetch `limit + 1` rows; the extra one says whether a next page exists. */
export function toPage<T, R>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => string,
  present: (row: T) => R,
): Page<R> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(present), nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}
