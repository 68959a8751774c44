import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { BUILTIN_FILTERS } from '@fineprint/scraper';

import { type FilterCode } from './catalog.schema';

export { BUILTIN_FILTERS };

/** A collection's filter module as read from disk, before anything of it runs. */
export interface OtaFilterModule {
  code: FilterCode;
  /** Names the module (or a local module it re-exports from) exports. */
  exported: Set<string>;
  /** Package imports (e.g. a fetch polyfill): stubs in the sandbox, so filters using them fail. */
  packageImports: string[];
  /** Local imports that are not in the folder. */
  missing: string[];
}

const IMPORT_FROM = /\b(?:import|export)\s[^;'"]*?\bfrom\s*(['"])([^'"]+)\1|\bimport\s*(['"])([^'"]+)\3/g;
const LOCAL = /^\.\/([^/\\]+\.js)$/;

/** The names a module exports, read from its text (a static reading: nothing is run). */
function exportedNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(
    /\bexport\s+(?:async\s+)?(?:function\s*\*?|const|let|var|class)\s+([\w$]+)/g,
  ))
    names.push(m[1] as string);
  for (const m of source.matchAll(/\bexport\s*\{([^}]*)\}/g))
    for (const part of (m[1] as string).split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.push(name);
    }
  return names;
}

/**
 * Reads `<Service>.filters.js` and the local modules it imports (only plain file names in the
 * same folder: `./Other.filters.js`), without running any of it.
 */
export async function readOtaFilterModule(dir: string, entry: string): Promise<OtaFilterModule | null> {
  const modules: Record<string, string> = {};
  const exported = new Set<string>();
  const packageImports = new Set<string>();
  const missing: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (name in modules) continue;
    let source: string;
    try {
      source = await readFile(join(dir, name), 'utf8');
    } catch {
      if (name === entry) return null;
      missing.push(name);
      continue;
    }
    modules[name] = source;
    if (name === entry) for (const n of exportedNames(source)) exported.add(n);
    for (const m of source.matchAll(IMPORT_FROM)) {
      const spec = (m[2] ?? m[4]) as string;
      const local = LOCAL.exec(spec);
      if (local) queue.push(local[1] as string);
      else if (spec.startsWith('.') || spec.startsWith('/')) missing.push(spec);
      else packageImports.add(spec);
    }
  }
  return { code: { entry, modules }, exported, packageImports: [...packageImports].sort(), missing };
}
