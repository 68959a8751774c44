import { decodeSelector } from '@fineprint/contracts';
import { FilterError, runFilters, type SandboxLimits } from '@fineprint/sandbox';

import { applyBuiltinFilter, type FilterSpec, isBuiltinFilter } from './builtin-filters';
import { type DocumentDeclaration } from './fetch-result';
import { FetchError, type FetchErrorKind } from './scraper.errors';

/**
 * A filter that throws on the page or is not in the collection's code is the declaration not
 * fitting the page (as a `select` that matches nothing); limits of the sandbox may pass.
 */
const KIND: Record<FilterError['code'], FetchErrorKind> = {
  TIMEOUT: 'transient',
  MEMORY_LIMIT: 'transient',
  SANDBOX_ERROR: 'transient',
  FILTER_FAILED: 'declaration',
  FILTER_MISSING: 'declaration',
  FILTER_PENDING: 'permanent',
  OUTPUT_TOO_LARGE: 'permanent',
};

/** The extractor's filter hook: page HTML in, filtered page HTML out. */
export type FilterHook = (html: string) => Promise<string>;

/**
 * The filters a declaration asks for, in order: built-in ones natively, the collection's
 * own (consecutive ones in one sandbox run, decision 0021) only when its code was opted in.
 * Null when nothing would change the page.
 */
export function filterHookFor(
  declaration: DocumentDeclaration,
  limits: Partial<SandboxLimits> = {},
): FilterHook | null {
  const specs = declaration.filters ?? [];
  const bundle = declaration.filterCode ?? null;
  const runnable = specs.filter((spec) => isBuiltinFilter(spec) || bundle);
  if (runnable.length === 0) return null;
  // what an Open Terms Archive filter receives as the source document's declaration
  const otaDeclaration = {
    fetch: declaration.url,
    select: (declaration.select ?? []).map(decodeSelector),
    remove: (declaration.remove ?? []).map(decodeSelector),
    filter: specs,
    executeClientScripts: declaration.fetchMode === 'browser',
  };
  const run = async (html: string) => {
    let page = html;
    let batch: FilterSpec[] = [];
    const flush = async () => {
      if (batch.length && bundle)
        page = await runFilters({ html: page, filters: batch, bundle, declaration: otaDeclaration }, limits);
      batch = [];
    };
    for (const spec of runnable) {
      if (isBuiltinFilter(spec)) {
        await flush();
        page = applyBuiltinFilter(page, spec);
      } else batch.push(spec);
    }
    await flush();
    return page;
  };
  // a filter's failure as the scraper reports failures (kind and code), wherever the hook runs
  return async (html: string) => {
    try {
      return await run(html);
    } catch (cause) {
      if (cause instanceof FilterError)
        throw new FetchError(KIND[cause.code], 'FILTER_FAILED', `${cause.code}: ${cause.message}`, { cause });
      throw cause;
    }
  };
}
