import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { slugify } from '@fineprint/contracts';

import { type CatalogIssue } from './catalog.errors';
import {
  type CatalogDocumentType,
  type CatalogFile,
  catalogDocumentSchema,
  catalogFileSchema,
} from './catalog.schema';
import { BUILTIN_FILTERS, type OtaFilterModule, readOtaFilterModule } from './ota-filter-module';
import {
  type OtaDocumentReport,
  type OtaFeature,
  type OtaImportReport,
  summarize,
} from './ota-import-report';

/**
 * Open Terms Archive declarations (one JSON file per service:
 * `{ name, terms: { "<Terms type>": { fetch, select, remove, filter, executeClientScripts, combine } } }`;
 * older files say `documents` instead of `terms`) turned into Fineprint catalog files, keeping
 * what the declaration says: range selectors as written, a `combine` document as one document
 * of several pages, named filters with the collection's filter code (run only after the
 * operator opts in). A document that cannot be kept as declared is not imported, and the
 * report says why.
 */
type OtaSelector = string | Record<string, string>;
type OtaFilter = string | Record<string, unknown>;
interface OtaSource {
  fetch?: string;
  select?: OtaSelector | OtaSelector[];
  remove?: OtaSelector | OtaSelector[];
  filter?: OtaFilter | OtaFilter[];
  executeClientScripts?: boolean;
}
interface OtaTerms extends OtaSource {
  combine?: OtaSource[];
}

const KNOWN_FIELDS = new Set(['fetch', 'select', 'remove', 'filter', 'executeClientScripts', 'combine']);

const TYPE_MAP: [RegExp, CatalogDocumentType][] = [
  [/privacy|data (policy|protection)|personal data/i, 'privacy_notice'],
  [/cookie/i, 'cookie_policy'],
  [/terms|conditions|agreement|community guidelines|acceptable use/i, 'terms'],
  [/faq|questions/i, 'faq'],
];

export function otaTypeToDocumentType(termsType: string): CatalogDocumentType {
  return TYPE_MAP.find(([re]) => re.test(termsType))?.[1] ?? 'other';
}

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const filterName = (spec: OtaFilter): string =>
  typeof spec === 'string' ? spec : (Object.keys(spec)[0] ?? '');

export interface OtaConvertOptions {
  /** The collection's filter module (`<Service>.filters.js`), when it has one. */
  filterModule?: OtaFilterModule | null;
  /** The operator opted in to run this collection's filters. */
  runFilters?: boolean;
}

/** What a declaration uses, and what stops it from being kept as declared. */
function inspect(
  entry: OtaTerms,
  filterModule: OtaFilterModule | null | undefined,
  file: string,
): { features: Set<OtaFeature>; reasons: string[]; namedFilters: boolean } {
  const features = new Set<OtaFeature>();
  const reasons: string[] = [];
  let namedFilters = false;
  const unknown = Object.keys(entry).filter((k) => !KNOWN_FIELDS.has(k));
  for (const [index, part] of (entry.combine ?? []).entries())
    for (const key of Object.keys(part))
      if (!KNOWN_FIELDS.has(key) || key === 'combine') unknown.push(`combine[${index}].${key}`);
  if (unknown.length) reasons.push(`unsupported field(s) ${unknown.join(', ')}`);
  const parts: OtaSource[] = entry.combine?.length ? entry.combine.map((p) => ({ ...entry, ...p })) : [entry];
  if (entry.combine?.length) features.add('combine');
  for (const part of parts) {
    if (part.executeClientScripts) features.add('client-scripts');
    for (const selector of [...asList(part.select), ...asList(part.remove)])
      if (typeof selector !== 'string') features.add('range-selector');
    for (const spec of asList(part.filter)) {
      const name = filterName(spec);
      if (BUILTIN_FILTERS.has(name)) {
        features.add('builtin-filter');
        continue;
      }
      features.add('named-filter');
      namedFilters = true;
      if (!filterModule)
        reasons.push(`filter "${name}" needs ${file.replace(/\.json$/, '.filters.js')}, which is missing`);
      else if (!filterModule.exported.has(name))
        reasons.push(`filter "${name}" is not exported by ${filterModule.code.entry}`);
    }
  }
  return { features, reasons: [...new Set(reasons)], namedFilters };
}

function toCatalogDocument(termsType: string, serviceName: string, entry: OtaTerms, slug: string) {
  const source = (part: OtaSource) => ({
    url: part.fetch,
    select: asList(part.select),
    remove: asList(part.remove),
    fetch: part.executeClientScripts ? 'browser' : 'auto',
    filters: asList(part.filter),
  });
  const base = source(entry);
  return {
    slug,
    title: `${serviceName} ${termsType}`,
    type: otaTypeToDocumentType(termsType),
    ...(entry.combine?.length
      ? { ...base, url: undefined, combine: entry.combine.map((p) => source({ ...entry, ...p })) }
      : base),
  };
}

export function convertOtaDeclaration(
  file: string,
  raw: unknown,
  options: OtaConvertOptions = {},
): { content?: CatalogFile; issues: CatalogIssue[]; warnings: string[]; documents: OtaDocumentReport[] } {
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
      documents: [],
    };
  }
  const terms = decl.terms ?? decl.documents;
  if (!terms || typeof terms !== 'object') {
    return {
      issues: [{ file, field: 'terms', message: 'an OTA declaration needs "terms" (or "documents")' }],
      warnings,
      documents: [],
    };
  }
  const service = decl.name;
  const vendorSlug = slugify(service);
  const { filterModule, runFilters = false } = options;
  const issues: CatalogIssue[] = [];
  const documents: unknown[] = [];
  const reports: OtaDocumentReport[] = [];
  const slugs = new Set<string>();
  let usesNamedFilters = false;
  for (const [termsType, entry] of Object.entries(terms)) {
    const { features, reasons, namedFilters } = inspect(entry ?? {}, filterModule, file);
    let slug = slugify(termsType);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(termsType)}-${n}`;
    const report: OtaDocumentReport = {
      file,
      service,
      termsType,
      status: 'not-imported',
      features: [...features],
      reasons,
    };
    reports.push(report);
    if (reasons.length === 0) {
      const parsed = catalogDocumentSchema.safeParse(toCatalogDocument(termsType, service, entry, slug));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path.join('.') || '(document)';
          reasons.push(`${field}: ${issue.message}`);
          issues.push({ file, field: `terms["${termsType}"].${field}`, message: issue.message });
        }
      } else {
        slugs.add(slug);
        documents.push(toCatalogDocument(termsType, service, entry, slug));
        report.key = `${vendorSlug}/${slug}`;
        report.status = namedFilters ? (runFilters ? 'filters-opted-in' : 'filters-pending') : 'exact';
        usesNamedFilters ||= namedFilters;
      }
    } else {
      issues.push(...reasons.map((message) => ({ file, field: `terms["${termsType}"]`, message })));
    }
  }
  if (usesNamedFilters && filterModule?.packageImports.length)
    warnings.push(
      `${filterModule.code.entry} imports ${filterModule.packageImports.join(', ')}: not available in the sandbox, so filters that use it fail`,
    );
  if (documents.length === 0) return { issues, warnings, documents: reports };
  const parsed = catalogFileSchema.safeParse({
    vendor: { slug: vendorSlug, name: service },
    documents,
    ...(usesNamedFilters && filterModule ? { filterCode: filterModule.code } : {}),
  });
  if (!parsed.success) {
    // only the vendor can still be wrong here (each document was checked on its own)
    for (const report of reports) if (report.status !== 'not-imported') report.status = 'not-imported';
    for (const i of parsed.error.issues) {
      const field = i.path.join('.') || '(file)';
      for (const report of reports) report.reasons.push(`${field}: ${i.message}`);
      issues.push({ file, field, message: i.message });
    }
    return { issues, warnings, documents: reports };
  }
  return { content: parsed.data, issues, warnings, documents: reports };
}

/** Reads an OTA collection's `declarations/` folder (or any folder of OTA declaration files). */
/** The report line of a service file none of whose documents could be read. */
function wholeFileNotImported(file: string, reasons: string[]): OtaDocumentReport {
  return {
    file,
    service: file.replace(/\.json$/, ''),
    termsType: '(whole file)',
    status: 'not-imported',
    features: [],
    reasons,
  };
}

export async function importOtaFolder(
  dir: string,
  options: { runFilters?: boolean } = {},
): Promise<{
  files: { file: string; content: CatalogFile }[];
  issues: CatalogIssue[];
  warnings: string[];
  report: OtaImportReport;
}> {
  const names = (await readdir(dir))
    .filter((n) => n.endsWith('.json') && !n.endsWith('.history.json'))
    .sort();
  const files: { file: string; content: CatalogFile }[] = [];
  const issues: CatalogIssue[] = [];
  const warnings: string[] = [];
  const documents: OtaDocumentReport[] = [];
  for (const name of names) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch (error) {
      issues.push({ file: name, field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
      documents.push(wholeFileNotImported(name, [`not valid JSON: ${(error as Error).message}`]));
      continue;
    }
    const filterModule = await readOtaFilterModule(dir, name.replace(/\.json$/, '.filters.js'));
    const result = convertOtaDeclaration(name, raw, {
      filterModule,
      runFilters: options.runFilters ?? false,
    });
    issues.push(...result.issues);
    warnings.push(...result.warnings.map((w) => `${name}: ${w}`));
    documents.push(...result.documents);
    if (result.documents.length === 0 && result.issues.length > 0)
      documents.push(
        wholeFileNotImported(
          name,
          result.issues.map((i) => `${i.field}: ${i.message}`),
        ),
      );
    if (result.content) files.push({ file: name, content: result.content });
    else if (result.issues.length === 0) warnings.push(`${name}: declares no documents`);
  }
  return { files, issues, warnings, report: summarize(documents, names.length, options.runFilters ?? false) };
}
