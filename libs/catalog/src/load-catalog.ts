import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { type CatalogIssue } from './catalog.errors';
import { type CatalogFile, catalogFileSchema } from './catalog.schema';
import { BUILTIN_FILTERS } from './ota-filter-module';
import { namedFilters } from './named-filters';

export interface LoadedCatalog {
  files: { file: string; content: CatalogFile }[];
  issues: CatalogIssue[];
}

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (out, key) =>
        typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
      '',
    ) || '(file)'
  );
}

/** Parses and validates one catalog file's text; issues name the file and the field. */
export function parseCatalogFile(
  file: string,
  text: string,
): { content?: CatalogFile; issues: CatalogIssue[] } {
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return {
      issues: [
        {
          file,
          field: '(file)',
          message: `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
        },
      ],
    };
  }
  const parsed = catalogFileSchema.safeParse(raw);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ file, field: formatPath(issue.path), message: issue.message }));
  issues.push(...duplicateSlugs(file, raw));
  if (parsed.success) issues.push(...filtersWithoutCode(file, parsed.data));
  return issues.length === 0 && parsed.success ? { content: parsed.data, issues } : { issues };
}

/** Named filters need the collection's code with them (only built-in ones run without). */
function filtersWithoutCode(file: string, content: CatalogFile): CatalogIssue[] {
  if (content.filterCode) return [];
  return content.documents.flatMap((doc, index) => {
    const named = namedFilters(doc);
    return named.length
      ? [
          {
            file,
            field: `documents[${index}].filters`,
            message: `filter(s) ${named.join(', ')} need the collection's filter code; only built-in filters (${[...BUILTIN_FILTERS].join(', ')}) run without it`,
          },
        ]
      : [];
  });
}

/** Two documents of one vendor with the same slug (checked even when other fields are wrong). */
function duplicateSlugs(file: string, raw: unknown): CatalogIssue[] {
  const documents = (raw as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(documents)) return [];
  const seen = new Set<unknown>();
  const issues: CatalogIssue[] = [];
  documents.forEach((doc: unknown, index) => {
    const slug = (doc as { slug?: unknown } | null)?.slug;
    if (typeof slug !== 'string') return;
    if (seen.has(slug))
      issues.push({ file, field: `documents[${index}].slug`, message: `"${slug}" is declared twice` });
    seen.add(slug);
  });
  return issues;
}

/** Reads every `*.yaml`, `*.yml` and `*.json` file of a catalog folder (one file per vendor). */
export async function loadCatalog(dir: string): Promise<LoadedCatalog> {
  const names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
  const files: LoadedCatalog['files'] = [];
  const issues: CatalogIssue[] = [];
  const vendors = new Map<string, string>();
  for (const name of names) {
    const { content, issues: fileIssues } = parseCatalogFile(name, await readFile(join(dir, name), 'utf8'));
    issues.push(...fileIssues);
    if (!content) continue;
    const other = vendors.get(content.vendor.slug);
    if (other) {
      issues.push({
        file: name,
        field: 'vendor.slug',
        message: `vendor "${content.vendor.slug}" is already declared in ${other}`,
      });
      continue;
    }
    vendors.set(content.vendor.slug, basename(name));
    files.push({ file: name, content });
  }
  return { files, issues };
}
