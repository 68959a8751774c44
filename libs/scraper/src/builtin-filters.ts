import { load } from 'cheerio';

/**
 * A filter as Open Terms Archive declares it: the name of a function of the collection
 * (`"removeAds"`), or a name with parameters (`{ "removeQueryParams": ["utm_source"] }`).
 */
export type FilterSpec = string | Record<string, unknown>;

export const filterNameOf = (spec: FilterSpec): string =>
  typeof spec === 'string' ? spec : (Object.keys(spec)[0] ?? '');

export const filterParamsOf = (spec: FilterSpec): unknown =>
  typeof spec === 'string' ? undefined : spec[filterNameOf(spec)];

/**
 * Filters Open Terms Archive's engine provides itself rather than the collection: they are
 * declarative, so they run here, natively, with no collection code and no opt-in.
 */
export const BUILTIN_FILTERS: ReadonlySet<string> = new Set(['removeQueryParams']);

export const isBuiltinFilter = (spec: FilterSpec): boolean => BUILTIN_FILTERS.has(filterNameOf(spec));

const BASE = 'https://fineprint.invalid/';

/** `removeQueryParams`: the named query parameters are dropped from every link and source. */
function removeQueryParams(html: string, params: unknown): string {
  const names = new Set((Array.isArray(params) ? params : [params]).filter((p) => typeof p === 'string'));
  if (names.size === 0) return html;
  const $ = load(html);
  let changed = false;
  $('[href], [src]').each((_, element) => {
    for (const attribute of ['href', 'src']) {
      const value = $(element).attr(attribute);
      if (!value?.includes('?')) continue;
      let url: URL;
      try {
        url = new URL(value, BASE);
      } catch {
        continue;
      }
      const before = url.search;
      for (const name of names) url.searchParams.delete(name);
      if (url.search === before) continue;
      const absolute = /^[a-z][a-z0-9+.-]*:/i.test(value);
      const [path] = value.split(/[?#]/);
      $(element).attr(attribute, absolute ? url.href : `${path ?? ''}${url.search}${url.hash}`);
      changed = true;
    }
  });
  return changed ? $.html() : html;
}

/** Applies one built-in filter to a page's HTML. */
export function applyBuiltinFilter(html: string, spec: FilterSpec): string {
  switch (filterNameOf(spec)) {
    case 'removeQueryParams':
      return removeQueryParams(html, filterParamsOf(spec));
    default:
      return html;
  }
}
