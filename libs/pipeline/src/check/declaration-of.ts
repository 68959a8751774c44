import { createHash } from 'node:crypto';

import { type Document } from '@fineprint/db';
import { type FilterSpec, type SourceDeclaration } from '@fineprint/scraper';

import { type Declaration } from './scraper.port';

type DeclaredDocument = Pick<
  Document,
  | 'url'
  | 'select'
  | 'remove'
  | 'fetchMode'
  | 'language'
  | 'sources'
  | 'filters'
  | 'filterCode'
  | 'filtersApproved'
>;

/**
 * What the scraper is told about a document: its pages (one, or a combined document's
 * sources), selectors, filters, and the collection's filter code only if the operator
 * opted in to run it (decision 0021).
 */
export function declarationOf(document: DeclaredDocument): Declaration {
  const filters = (document.filters ?? []) as FilterSpec[];
  const sources = document.sources as SourceDeclaration[] | null;
  const filterCode = document.filtersApproved ? (document.filterCode as Declaration['filterCode']) : null;
  return {
    url: document.url,
    select: document.select,
    remove: document.remove,
    fetchMode: document.fetchMode,
    language: document.language,
    ...(filters.length ? { filters } : {}),
    ...(filterCode ? { filterCode } : {}),
    ...(sources?.length ? { sources } : {}),
  };
}

/**
 * The parts of a declaration beyond select/remove that shape its text (pages, filters and
 * the code that runs them), for the extraction key; empty for a plain one-page document, so
 * its key is what it always was.
 */
export function declarationExtras(document: Partial<DeclaredDocument>): unknown[] {
  const filters = (document.filters ?? []) as unknown[];
  const sources = document.sources ?? null;
  if (!filters.length && !sources) return [];
  const code = document.filtersApproved && document.filterCode ? JSON.stringify(document.filterCode) : '';
  return [
    {
      sources,
      filters,
      code: code ? createHash('sha256').update(code).digest('hex') : null,
    },
  ];
}
