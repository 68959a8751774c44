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

/**
 * A stored document's named filters (its own and its sources') and whether they are pending:
 * they run only with the collection's code and the operator's opt-in (decision 0021), so
 * without both the document is tracked without them and its text may be wider than declared.
 */
export function namedFilterStatus(doc: {
  filters: unknown;
  sources: unknown;
  filterCode: unknown;
  filtersApproved: boolean;
}): { names: string[]; pending: boolean } {
  const filterList = (value: unknown): Filter[] =>
    Array.isArray(value)
      ? value.filter((f): f is Filter => typeof f === 'string' || (typeof f === 'object' && f !== null))
      : [];
  const sources = Array.isArray(doc.sources) ? (doc.sources as unknown[]) : [];
  const names = namedFilters({
    filters: filterList(doc.filters),
    combine: sources.map((source) => ({
      filters: filterList((source as { filters?: unknown } | null)?.filters),
    })),
  });
  const runs = doc.filtersApproved && doc.filterCode !== null && doc.filterCode !== undefined;
  return { names, pending: names.length > 0 && !runs };
}
