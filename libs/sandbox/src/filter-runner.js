// The child side of the filter sandbox (docs/decisions/0021-filter-sandbox.md).
//
// It runs as `node -e <this file's text>` in a process started by filter-sandbox.ts with the
// permission model on (no file system, no child processes, no workers, no addons), code
// generation from strings disallowed, a small heap, an address-space limit and, where the
// system allows it, its own empty network namespace. It reads one job as JSON on stdin and
// writes one JSON line on stdout.
//
// The collection's code runs in a fresh vm context that holds ONLY objects created inside
// that context: the DOM library (linkedom, and whatwg-url for URL) is compiled into the
// context from source text the parent sent, the page is parsed there, and the result leaves
// it as a string. No object of this process's realm is ever handed to the context, so the
// classic `this.constructor.constructor('return process')()` finds the context's own
// Function, which refuses to compile strings, and there is no `process`, `require` or
// `import` to find anyway.
'use strict';

const vm = require('node:vm');

const MAX_MESSAGE = 2000;

function reply(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}

function fail(code, message) {
  reply({ ok: false, code, message: String(message).slice(0, MAX_MESSAGE) });
}

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (chunk) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/**
 * What the DOM library expects of a browser beyond ECMAScript, written here and compiled in
 * the context: base64 (atob/btoa) and UTF-8 TextEncoder/TextDecoder.
 */
const PLATFORM = `(function () {
  'use strict';
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const fail = () => { throw new Error('Invalid character'); };
  globalThis.atob = (input) => {
    const text = String(input).replace(/[\\t\\n\\f\\r ]+/g, '').replace(/={1,2}$/, '');
    let bits = 0, value = 0, out = '';
    for (const char of text) {
      const digit = ALPHABET.indexOf(char);
      if (digit < 0) fail();
      value = (value << 6) | digit; bits += 6;
      if (bits >= 8) { bits -= 8; out += String.fromCharCode((value >> bits) & 255); }
    }
    return out;
  };
  globalThis.btoa = (input) => {
    const text = String(input);
    let out = '';
    for (let i = 0; i < text.length; i += 3) {
      const a = text.charCodeAt(i), b = text.charCodeAt(i + 1), c = text.charCodeAt(i + 2);
      if (a > 255 || b > 255 || c > 255) fail();
      const n = (a << 16) | ((b || 0) << 8) | (c || 0);
      out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] +
        (i + 1 < text.length ? ALPHABET[(n >> 6) & 63] : '=') + (i + 2 < text.length ? ALPHABET[n & 63] : '=');
    }
    return out;
  };
  globalThis.TextEncoder = class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') {
      const bytes = [];
      for (const char of String(input)) {
        let code = char.codePointAt(0);
        if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
        if (code < 0x80) bytes.push(code);
        else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
        else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
        else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      }
      return new Uint8Array(bytes);
    }
  };
  globalThis.TextDecoder = class TextDecoder {
    get encoding() { return 'utf-8'; }
    decode(input) {
      const bytes = input ? new Uint8Array(input.buffer || input, input.byteOffset || 0, input.byteLength) : [];
      let out = '';
      for (let i = 0; i < bytes.length; ) {
        const a = bytes[i];
        const need = a < 0x80 ? 0 : a >= 0xf0 && a < 0xf5 ? 3 : a >= 0xe0 ? 2 : a >= 0xc2 && a < 0xe0 ? 1 : -1;
        let code = need === 0 ? a : need === 1 ? a & 31 : need === 2 ? a & 15 : a & 7;
        let ok = need >= 0 && i + need < bytes.length + (need === 0 ? 1 : 0);
        for (let k = 1; ok && k <= need; k++) {
          const next = bytes[i + k];
          if ((next & 0xc0) !== 0x80) ok = false;
          else code = (code << 6) | (next & 63);
        }
        if (!ok || (need === 2 && code < 0x800) || (need === 3 && (code < 0x10000 || code > 0x10ffff))) {
          out += '\\ufffd'; i += 1; continue;
        }
        out += String.fromCodePoint(code); i += need + 1;
      }
      return out;
    }
  };
})();`;

/** Defined inside the context: a CommonJS registry for the DOM library's own modules. */
const BOOTSTRAP = `(function () {
  'use strict';
  const factories = new Map();
  const cache = new Map();
  function load(id) {
    if (cache.has(id)) return cache.get(id).exports;
    const entry = factories.get(id);
    if (!entry) throw new Error('module #' + id + ' is not part of the sandbox');
    const module = { exports: {} };
    cache.set(id, module);
    const require = (spec) => {
      const dep = entry.deps[spec];
      if (dep === undefined || dep === null) throw new Error('Cannot find module ' + JSON.stringify(spec));
      return load(dep);
    };
    entry.factory.call(module.exports, module.exports, require, module);
    return module.exports;
  }
  globalThis.__fp_define = (id, deps, factory) => { factories.set(id, { deps, factory }); };
  globalThis.__fp_require = load;
})();`;

/** Run inside the context after the library is loaded: the one entry point of a job. */
const SETUP = `(function (linkedomId, urlId) {
  'use strict';
  const { parseHTML } = __fp_require(linkedomId);
  const whatwgUrl = __fp_require(urlId);
  globalThis.URL = whatwgUrl.URL;
  globalThis.URLSearchParams = whatwgUrl.URLSearchParams;
  for (const name of ['__fp_define', '__fp_require', 'console', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef'])
    delete globalThis[name];
  const describe = (error) => {
    try { return error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error); }
    catch { return 'an error that cannot be described'; }
  };
  // the parent hands the job over, and gets the answer back, through this sealed object: plain
  // data properties, so reading or writing them runs no code of the collection's, whatever its
  // module did to the global object
  const inbox = Object.seal({ job: '', ns: undefined, result: undefined });
  const run = () => {
    const job = JSON.parse(inbox.job);
    const ns = inbox.ns;
    const { document } = parseHTML(job.html);
    (async () => {
      for (const spec of job.filters) {
        const withParams = spec !== null && typeof spec === 'object';
        const name = withParams ? Object.keys(spec)[0] : String(spec);
        const filter = ns ? ns[name] : undefined;
        if (typeof filter !== 'function')
          throw { code: 'FILTER_MISSING', message: 'the collection has no filter named "' + name + '"' };
        try {
          if (withParams) await filter(document, spec[name], job.declaration);
          else await filter(document, job.declaration);
        }
        catch (error) { throw { code: 'FILTER_FAILED', message: 'filter "' + name + '" failed: ' + describe(error) }; }
      }
      return String(document.toString());
    })().then(
      (html) => { inbox.result = JSON.stringify({ ok: true, html }); },
      (error) => {
        const code = error && error.code === 'FILTER_MISSING' ? 'FILTER_MISSING' : 'FILTER_FAILED';
        inbox.result = JSON.stringify({ ok: false, code, message: describe(error) });
      },
    );
  };
  Object.defineProperty(globalThis, '__fp_run', { value: run, configurable: true });
  return inbox;
})`;

function timeoutCode(error) {
  return error && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

async function main() {
  const job = JSON.parse(await readStdin());
  const timeout = job.timeoutMs;
  const context = vm.createContext(Object.create(null), {
    name: 'fineprint-filters',
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  // errors that reach the context must be made by the context, never by this realm
  const contextError = vm.runInContext('(message) => new Error(message)', context);
  const noDynamicImport = () => {
    throw contextError('import() is not available in the sandbox');
  };

  vm.runInContext(PLATFORM, context);
  vm.runInContext(BOOTSTRAP, context);
  for (const mod of job.dom.modules) {
    const wrapped = `__fp_define(${mod.id}, ${JSON.stringify(mod.deps)}, function (exports, require, module) {${mod.source}\n});`;
    new vm.Script(wrapped, {
      filename: `dom:${mod.file}`,
      importModuleDynamically: noDynamicImport,
    }).runInContext(context);
  }
  const inbox = vm.runInContext(SETUP, context)(job.dom.linkedom, job.dom.whatwgUrl);
  inbox.job = JSON.stringify({
    html: job.html,
    filters: job.filters,
    declaration: job.declaration ?? {},
  });

  let namespace;
  if (job.bundle) {
    const modules = new Map();
    const moduleOf = (name) => {
      if (modules.has(name)) return modules.get(name);
      const source = job.bundle.modules[name];
      if (typeof source !== 'string') return undefined;
      const created = new vm.SourceTextModule(source, {
        context,
        identifier: `filters:${name}`,
        importModuleDynamically: noDynamicImport,
      });
      modules.set(name, created);
      return created;
    };
    const entry = moduleOf(job.bundle.entry);
    if (!entry) return fail('FILTER_MISSING', `the filter module ${job.bundle.entry} was not given`);
    try {
      await entry.link((specifier) => {
        const local = /^\.\/([^/]+)$/.exec(specifier);
        const found = local ? moduleOf(local[1]) : undefined;
        if (found) return found;
        // a package the collection expects (e.g. a fetch polyfill): present, but unusable
        const unavailable = vm.runInContext(
          `(function unavailable() { throw new Error(${JSON.stringify(`${specifier} is not available in the sandbox`)}); })`,
          context,
        );
        return new vm.SyntheticModule(
          ['default'],
          function () {
            this.setExport('default', unavailable);
          },
          { context, identifier: `unavailable:${specifier}` },
        );
      });
      // evaluate() awaits a promise of the context, whose microtasks run only when something
      // runs in the context: run nothing there so the (synchronous) evaluation settles
      const evaluation = entry.evaluate({ timeout });
      vm.runInContext('undefined', context, { timeout });
      await evaluation;
    } catch (error) {
      if (timeoutCode(error))
        return fail('TIMEOUT', `the filter module did not finish loading within ${timeout} ms`);
      return fail('FILTER_FAILED', `the filter module could not be loaded: ${error && error.message}`);
    }
    namespace = entry.namespace;
  }

  inbox.ns = namespace;
  try {
    vm.runInContext('__fp_run()', context, { timeout });
  } catch (error) {
    if (timeoutCode(error)) return fail('TIMEOUT', `the filters did not finish within ${timeout} ms`);
    return fail('FILTER_FAILED', 'the filters could not run');
  }
  // a refused import() settles through this process's event loop: give it a few turns, then
  // run the context's promise jobs again (still under the time limit)
  let result = inbox.result;
  for (let turn = 0; turn < 3 && typeof result !== 'string'; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      vm.runInContext('undefined', context, { timeout }); // runs the promise jobs that came in
      result = inbox.result;
    } catch (error) {
      if (timeoutCode(error)) return fail('TIMEOUT', `the filters did not finish within ${timeout} ms`);
      throw error;
    }
  }
  if (typeof result !== 'string')
    return fail(
      'FILTER_PENDING',
      'a filter waits for something that never comes (the sandbox has no network, timers or files)',
    );
  const parsed = JSON.parse(result);
  if (parsed.ok && typeof parsed.html === 'string') return reply({ ok: true, html: parsed.html });
  return fail(parsed.code === 'FILTER_MISSING' ? 'FILTER_MISSING' : 'FILTER_FAILED', parsed.message);
}

// exit as soon as the answer is written: nothing the filters left behind may keep running
const exit = () => process.stdout.write('', () => process.exit(0));
main().then(exit, (error) => {
  fail('SANDBOX_ERROR', error && error.message);
  exit();
});
