import { createHash } from 'node:crypto';

import { combinePages, splitCombined } from './combined-page';
import {
  type ConditionalFetch,
  type DocumentDeclaration,
  type FetchResult,
  type SourceDeclaration,
  type SourceValidators,
} from './fetch-result';

type FetchPage = (page: DocumentDeclaration, conditional: ConditionalFetch) => Promise<FetchResult>;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** One source as a page declaration of its own. */
function pageOf(source: SourceDeclaration, declaration: DocumentDeclaration): DocumentDeclaration {
  return {
    url: source.url,
    fetchMode: source.fetchMode,
    language: declaration.language ?? null,
    ...(source.select ? { select: source.select } : {}),
    ...(source.remove ? { remove: source.remove } : {}),
  };
}

/** The validators a page answered with (a 304 may leave them out: the stored ones still hold). */
function validatorsOf(
  url: string,
  result: FetchResult,
  before: SourceValidators | undefined,
): SourceValidators {
  const etag = result.headers.etag ?? (result.notModified ? before?.etag : undefined);
  const lastModified = result.headers.lastModified ?? (result.notModified ? before?.lastModified : undefined);
  return { url, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/**
 * A combined document's pages (decision 0021), each fetched as its own declaration says and,
 * when the previous snapshot kept its validators, conditionally (decision 0026):
 * - every page answers 304: the document is not modified (nothing to rebuild or extract);
 * - some do: their bytes come from the previous snapshot, the others' from this fetch, and
 *   the snapshot is rebuilt from both; a page whose stored bytes cannot be had is fetched again.
 * The result's headers keep each page's validators for the next check.
 */
export async function fetchCombined(
  declaration: DocumentDeclaration,
  conditional: ConditionalFetch,
  fetchPage: FetchPage,
): Promise<FetchResult> {
  const sources = declaration.sources ?? [];
  const before = (index: number): SourceValidators | undefined => {
    const stored = conditional.sources?.[index];
    return stored?.url === sources[index]?.url ? stored : undefined;
  };
  const results: FetchResult[] = [];
  for (const [index, source] of sources.entries()) {
    const stored = before(index);
    results.push(
      await fetchPage(pageOf(source, declaration), {
        ...(stored?.etag ? { etag: stored.etag } : {}),
        ...(stored?.lastModified ? { lastModified: stored.lastModified } : {}),
      }),
    );
  }
  const validators = sources.map((source, index) =>
    validatorsOf(source.url, results[index] as FetchResult, before(index)),
  );

  if (results.length > 0 && results.every((r) => r.notModified)) {
    const first = results[0] as FetchResult;
    return {
      ...first,
      status: 304,
      headers: { sources: validators },
      notModified: true,
      durationMs: results.reduce((sum, r) => sum + r.durationMs, 0),
    };
  }

  const pages: { url: string; result: FetchResult }[] = [];
  let stored: ReturnType<typeof splitCombined> | null | undefined;
  for (const [index, source] of sources.entries()) {
    const result = results[index] as FetchResult;
    if (!result.notModified) {
      pages.push({ url: source.url, result });
      continue;
    }
    stored ??= await storedPages(conditional);
    const part = stored?.[index];
    if (part && part.part.url === source.url && sha256(part.body) === part.part.sha256) {
      pages.push({
        url: source.url,
        result: {
          ...result,
          body: part.body,
          sha256: part.part.sha256,
          contentType: part.part.contentType,
          charset: part.part.charset,
          status: 200,
          finalUrl: part.part.finalUrl,
          notModified: false,
        },
      });
    } else {
      // the stored bytes are not at hand: the page is fetched again, in full
      const again = await fetchPage(pageOf(source, declaration), {});
      validators[index] = validatorsOf(source.url, again, undefined);
      pages.push({ url: source.url, result: again });
    }
  }
  const combined = combinePages(pages);
  return { ...combined, headers: { sources: validators } };
}

/** The previous snapshot's pages, or null when it is not at hand or not a combined snapshot. */
async function storedPages(conditional: ConditionalFetch): Promise<ReturnType<typeof splitCombined> | null> {
  try {
    const body = await conditional.previousBody?.();
    return body ? splitCombined(body) : null;
  } catch {
    return null; // unreadable: the unchanged pages are fetched again
  }
}
