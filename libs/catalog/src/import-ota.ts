import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { slugify } from '@fineprint/contracts';

import { type CatalogIssue } from './catalog.errors';
import { type CatalogDocumentType, type CatalogFile, catalogFileSchema } from './catalog.schema';

/**
 * Open Terms Archive declarations (one JSON file per service:
 * `{ name, terms: { "<Terms type>": { fetch, select, remove, executeClientScripts, combine } } }`;
 * older files say `documents` instead of `terms`) turned into Fineprint catalog files.
 * A document that combines several source documents becomes one Fineprint document per source.
 * Range selectors (`startBefore`/`endBefore`...) and named filters have no equivalent: they are
 * dropped with a warning, so the operator knows the extraction may be wider than OTA's.
 */
type OtaSelector = string | Record<string, string>;
interface OtaSource {
  fetch?: string;
  select?: OtaSelector | OtaSelector[];
  remove?: OtaSelector | OtaSelector[];
  executeClientScripts?: boolean;
  filter?: unknown;
}
interface OtaTerms extends OtaSource {
  combine?: OtaSource[];
}

const TYPE_MAP: [RegExp, CatalogDocumentType][] = [
  [/privacy|data (policy|protection)|personal data/i, 'privacy_notice'],
  [/cookie/i, 'cookie_policy'],
  [/terms|conditions|agreement|community guidelines|acceptable use/i, 'terms'],
  [/faq|questions/i, 'faq'],
];

export function otaTypeToDocumentType(termsType: string): CatalogDocumentType {
  return TYPE_MAP.find(([re]) => re.test(termsType))?.[1] ?? 'other';
}

function cssOnly(
  value: OtaSelector | OtaSelector[] | undefined,
  where: string,
  warnings: string[],
): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else warnings.push(`${where}: range selector ${JSON.stringify(item)} is not supported and was dropped`);
  }
  return out;
}

export function convertOtaDeclaration(
  file: string,
  raw: unknown,
): { content?: CatalogFile; issues: CatalogIssue[]; warnings: string[] } {
  const warnings: string[] = [];
  const decl = raw as {
    name?: string;
    terms?: Record<string, OtaTerms>;
    documents?: Record<string, OtaTerms>;
  };
  if (typeof decl?.name !== 'string' || !decl.name) {
    return {
      issues: [{ file, field: 'name', message: 'an OTA declaration needs a service "name"' }],
      warnings,
    };
  }
  const terms = decl.terms ?? decl.documents;
  if (!terms || typeof terms !== 'object') {
    return {
      issues: [{ file, field: 'terms', message: 'an OTA declaration needs "terms" (or "documents")' }],
      warnings,
    };
  }
  const documents: Record<string, unknown>[] = [];
  for (const [termsType, entry] of Object.entries(terms)) {
    const sources = entry.combine?.length
      ? entry.combine.map((part) => ({ ...entry, ...part, combine: undefined }))
      : [entry];
    sources.forEach((source, index) => {
      const where = `terms["${termsType}"]${sources.length > 1 ? `.combine[${index}]` : ''}`;
      if (source.filter) warnings.push(`${where}: OTA filters have no equivalent here and were ignored`);
      documents.push({
        slug: slugify(termsType) + (sources.length > 1 ? `-${index + 1}` : ''),
        title: `${decl.name} ${termsType}${sources.length > 1 ? ` (part ${index + 1})` : ''}`,
        type: otaTypeToDocumentType(termsType),
        url: source.fetch,
        select: cssOnly(source.select, `${where}.select`, warnings),
        remove: cssOnly(source.remove, `${where}.remove`, warnings),
        fetch: source.executeClientScripts ? 'browser' : 'auto',
      });
    });
  }
  const parsed = catalogFileSchema.safeParse({
    vendor: { slug: slugify(decl.name), name: decl.name },
    documents,
  });
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((i) => ({
        file,
        field: i.path.join('.') || '(file)',
        message: i.message,
      })),
      warnings,
    };
  }
  return { content: parsed.data, issues: [], warnings };
}

/** Reads an OTA collection's `declarations/` folder (or any folder of OTA declaration files). */
export async function importOtaFolder(
  dir: string,
): Promise<{ files: { file: string; content: CatalogFile }[]; issues: CatalogIssue[]; warnings: string[] }> {
  const names = (await readdir(dir))
    .filter((n) => n.endsWith('.json') && !n.endsWith('.history.json') && !n.endsWith('.filters.js'))
    .sort();
  const files: { file: string; content: CatalogFile }[] = [];
  const issues: CatalogIssue[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      issues.push({ file: name, field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const result = convertOtaDeclaration(name, raw);
    issues.push(...result.issues);
    warnings.push(...result.warnings.map((w) => `${name}: ${w}`));
    if (result.content) files.push({ file: name, content: result.content });
  }
  return { files, issues, warnings };
}
