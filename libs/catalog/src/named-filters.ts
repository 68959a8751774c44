import { BUILTIN_FILTERS } from '@fineprint/scraper';

type Filter = string | Record<string, unknown>;

const filterNameOf = (spec: Filter) => (typeof spec === 'string' ? spec : (Object.keys(spec)[0] ?? ''));

/** The filters of a document (and its sources) that are the collection's own code, not built in. */
export function namedFilters(doc: {
  filters: Filter[];
  combine?: { filters: Filter[] }[] | undefined;
}): string[] {
  const all = [...doc.filters, ...(doc.combine ?? []).flatMap((source) => source.filters)];
  return [...new Set(all.map(filterNameOf).filter((name) => !BUILTIN_FILTERS.has(name)))];
}

/** A document needs the collection's own code: one of its filters is not a built-in one. */
export const usesNamedFilters = (doc: Parameters<typeof namedFilters>[0]): boolean =>
  namedFilters(doc).length > 0;
