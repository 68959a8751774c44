import { readFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';

/** One CommonJS file of the DOM library, with its `require` specifiers resolved to ids. */
export interface LibraryModule {
  id: number;
  file: string;
  source: string;
  /** specifier → module id; null when it cannot be resolved (an optional dependency). */
  deps: Record<string, number | null>;
}

export interface DomLibrary {
  modules: LibraryModule[];
  linkedom: number;
  whatwgUrl: number;
}

const REQUIRE_CALL = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;

/**
 * The source text of the DOM the sandbox gives filters (linkedom, and whatwg-url for `URL`),
 * with every module's dependencies resolved here, by this trusted process. The sandbox
 * compiles these texts inside its context, so the DOM's objects belong to that context and
 * the child needs no file system access. Read once per process.
 */
function buildDomLibrary(): DomLibrary {
  const ids = new Map<string, number>();
  const modules: LibraryModule[] = [];
  const idOf = (file: string): number => {
    const known = ids.get(file);
    if (known !== undefined) return known;
    const id = modules.length;
    ids.set(file, id);
    const source = readFileSync(file, 'utf8');
    const module: LibraryModule = {
      id,
      file: file.slice(file.lastIndexOf('node_modules')),
      source: file.endsWith('.json') ? `module.exports = ${source};` : source,
      deps: {},
    };
    modules.push(module);
    for (const match of source.matchAll(REQUIRE_CALL)) {
      const spec = match[2] as string;
      let resolved: string | null = null;
      try {
        resolved = require.resolve(spec, { paths: [dirname(file)] });
      } catch {
        resolved = null; // optional (linkedom's `canvas`): the sandbox's require throws, as Node's would
      }
      module.deps[spec] = resolved && isAbsolute(resolved) ? idOf(resolved) : null;
    }
    return id;
  };
  const linkedom = idOf(require.resolve('linkedom'));
  const whatwgUrl = idOf(require.resolve('whatwg-url'));
  return { modules, linkedom, whatwgUrl };
}

let cached: string | undefined;

/** The DOM library as the JSON fragment a job carries. */
export function domLibraryJson(): string {
  cached ??= JSON.stringify(buildDomLibrary());
  return cached;
}
