import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { createFilterHook, runFilters } from './filter-sandbox';
import { sandboxLayers } from './sandbox-process';
import { type FilterErrorCode } from './sandbox.errors';

const PAGE =
  '<!DOCTYPE html><html><head><title>T</title></head><body><main><p class="ad">buy</p><p id="text">Policy <a href="https://example.com/p?utm_source=x&amp;id=7">link</a></p></main></body></html>';

const one = (source: string, extra: Record<string, string> = {}) => ({
  entry: 'Acme.filters.js',
  modules: { 'Acme.filters.js': source, ...extra },
});

/** Runs `body` as a filter; whatever it writes into #out is returned. */
async function probe(body: string, limits = {}): Promise<string> {
  const html = await runFilters(
    {
      html: '<html><body><div id="out"></div></body></html>',
      filters: ['probe'],
      bundle: one(`export async function probe(document, declaration) {
        const out = [];
        const record = (label, fn) => { try { out.push(label + '=' + fn()); } catch (e) { out.push(label + ' threw ' + (e && e.name)); } };
        ${body}
        document.getElementById('out').textContent = out.join(';');
      }`),
    },
    limits,
  );
  return /<div id="out">([^<]*)<\/div>/.exec(html)?.[1] ?? '';
}

async function failure(promise: Promise<unknown>): Promise<{ code: FilterErrorCode; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: FilterErrorCode; message: string };
  }
  throw new Error('expected the sandbox to refuse');
}

describe('filter sandbox: what a collection can do', () => {
  it('runs named filters in order over the page, with a DOM, URL and sibling modules', async () => {
    const html = await runFilters({
      html: PAGE,
      filters: ['removeAds', 'cleanUrls', 'stamp'],
      declaration: { fetch: 'https://example.com/p', select: ['main'] },
      bundle: one(
        `export function removeAds(document) { document.querySelectorAll('.ad').forEach((el) => el.remove()); }
         export { cleanUrls } from './Shared.filters.js';
         export const stamp = async (document, { fetch }) => { document.getElementById('text').setAttribute('data-source', fetch); };`,
        {
          'Shared.filters.js': `export function cleanUrls(document) {
            for (const a of document.querySelectorAll('a[href]')) {
              const url = new URL(a.getAttribute('href'));
              url.searchParams.delete('utm_source');
              a.setAttribute('href', url.href);
            }
          }`,
        },
      ),
    });
    expect(html).not.toContain('buy');
    expect(html).toContain('href="https://example.com/p?id=7"');
    expect(html).toContain('data-source="https://example.com/p"');
    expect(html).toContain('<title>T</title>');
  });

  it('is exposed to the extractor as an (html) => Promise<string> hook', async () => {
    const hook = createFilterHook(one(`export function x(d) { d.querySelector('p').remove(); }`), ['x']);
    await expect(hook('<p>a</p><p>b</p>')).resolves.toMatch(/^<p>b<\/p>$/);
  });

  it('says which filter failed, and when a named filter does not exist', async () => {
    const bundle = one(`export function boom() { throw new Error('no such heading'); }`);
    expect(await failure(runFilters({ html: PAGE, filters: ['boom'], bundle }))).toMatchObject({
      code: 'FILTER_FAILED',
      message: expect.stringContaining('"boom" failed: no such heading'),
    });
    expect(await failure(runFilters({ html: PAGE, filters: ['nope'], bundle }))).toMatchObject({
      code: 'FILTER_MISSING',
    });
  });
});

describe('filter sandbox: what it blocks', () => {
  it('reports its isolation layers on this machine', () => {
    expect(sandboxLayers().permissionModel).toMatch(/permission/);
  });

  it('has no process, require, module loader, code generation or host objects', async () => {
    const out = await probe(`
      record('process', () => typeof process);
      record('require', () => typeof require);
      record('module', () => typeof module);
      record('Buffer', () => typeof Buffer);
      record('globalEscape', () => this === undefined ? 'strict' : typeof this.constructor.constructor('return process')());
      record('fnEscape', () => (function () { return this; }).constructor('return process')());
      record('domEscape', () => document.constructor.constructor('return process')());
      record('protoEscape', () => Object.getPrototypeOf(document).constructor.constructor('return this')());
      record('declEscape', () => declaration.constructor.constructor('return process')());
      record('eval', () => eval('1 + 1'));
      record('wasm', () => typeof WebAssembly);
      let importError;
      await import('node:fs').catch((e) => { importError = e; });
      record('fs', () => importError.message);
      record('importFs', () => importError.constructor.constructor('return process')());
      const traces = [];
      Error.prepareStackTrace = (e, frames) => frames.map((f) => typeof f.getFunction());
      record('frames', () => new Error('x').stack.includes('function') ? 'HOST FUNCTION' : 'none');
    `);
    expect(out.split(';')).toEqual([
      'process=undefined',
      'require=undefined',
      'module=undefined',
      'Buffer=undefined',
      'globalEscape=strict',
      'fnEscape threw EvalError',
      'domEscape threw EvalError',
      'protoEscape threw EvalError',
      'declEscape threw EvalError',
      'eval threw EvalError',
      'wasm=undefined',
      'fs=import() is not available in the sandbox',
      'importFs threw EvalError',
      'frames=none',
    ]);
  });

  it('gives no network: no fetch or sockets, and a bare import is a stub that throws', async () => {
    const hits: string[] = [];
    const server: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const bundle = one(
        `import fetch from 'isomorphic-fetch';
         export async function download(document) { await fetch('http://127.0.0.1:${port}/leak'); }
         export function globals(document) {
           document.body.textContent = [typeof globalThis.fetch, typeof XMLHttpRequest, typeof WebSocket, typeof setTimeout].join(',');
         }`,
      );
      expect(await runFilters({ html: PAGE, filters: ['globals'], bundle })).toContain(
        'undefined,undefined,undefined,undefined',
      );
      expect(await failure(runFilters({ html: PAGE, filters: ['download'], bundle }))).toMatchObject({
        code: 'FILTER_FAILED',
        message: expect.stringContaining('isomorphic-fetch is not available in the sandbox'),
      });
      const pending = await failure(
        runFilters({
          html: PAGE,
          filters: ['net'],
          bundle: one(
            `export async function net() { const http = await import('node:http'); http.get('http://127.0.0.1:${port}/leak2'); }`,
          ),
        }),
      );
      expect(['FILTER_FAILED', 'FILTER_PENDING']).toContain(pending.code);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(hits).toEqual([]);
  });

  it('stops an endless loop, in a filter, at module load and in promise jobs', async () => {
    for (const source of [
      'export function spin() { for (;;) {} }',
      'for (;;) {} export function spin() {}',
      'export async function spin() { const again = () => Promise.resolve().then(again); again(); await new Promise(() => {}); }',
      'const again = () => Promise.resolve().then(again); again(); export function spin() {}',
    ]) {
      const error = await failure(
        runFilters({ html: PAGE, filters: ['spin'], bundle: one(source) }, { timeoutMs: 300 }),
      );
      // stopped by the in-process time limit, not left to the wall-clock kill
      expect(error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('within 300 ms') });
    }
    // accessors planted on the global object for whatever the parent might read or write there:
    // the parent never touches it once the collection's code has run, so nothing triggers them
    const planted = one(
      "for (const k of ['__fp_ns', '__fp_job', '__fp_result', 'ns', 'job']) Object.defineProperty(globalThis, k, { set() { for (;;) {} }, configurable: true }); export function spin(d) { d.body.textContent = 'done'; }",
    );
    await expect(
      runFilters({ html: PAGE, filters: ['spin'], bundle: planted }, { timeoutMs: 300 }),
    ).resolves.toContain('done');
    // five sandbox processes in a row: on a loaded machine their start-up alone can pass 5 s
  }, 60_000);

  it('says when a filter waits for something that never comes', async () => {
    const bundle = one('export async function wait() { await new Promise(() => {}); }');
    expect(await failure(runFilters({ html: PAGE, filters: ['wait'], bundle }))).toMatchObject({
      code: 'FILTER_PENDING',
    });
  });

  it('stops a heap memory bomb at the memory limit', async () => {
    const bundle = one(
      "export function bomb() { const keep = []; for (;;) keep.push(new Array(1e6).fill('x' + keep.length)); }",
    );
    expect(
      await failure(
        runFilters({ html: PAGE, filters: ['bomb'], bundle }, { memoryMb: 64, timeoutMs: 20_000 }),
      ),
    ).toMatchObject({ code: 'MEMORY_LIMIT' });
  }, 30_000);

  it('caps memory outside the heap (ArrayBuffers) too', async () => {
    const bundle = one(
      'export function bomb() { const keep = []; for (;;) keep.push(new Uint8Array(128 * 1024 * 1024).fill(1)); }',
    );
    const error = await failure(
      runFilters({ html: PAGE, filters: ['bomb'], bundle }, { memoryMb: 64, timeoutMs: 20_000 }),
    );
    // refused by the address-space limit (a RangeError in the filter), or the heap limit
    expect(error.code).toMatch(sandboxLayers().addressSpaceLimit ? /FILTER_FAILED|MEMORY_LIMIT/ : /./);
    if (error.code === 'FILTER_FAILED') expect(error.message).toMatch(/allocation failed|Invalid|memory/i);
    // the sandbox's own 20 s limit decides; Jest's 5 s default was hit on a loaded CI machine
  }, 30_000);

  it('refuses a page grown beyond the output limit', async () => {
    const bundle = one("export function grow(d) { d.body.textContent = 'x'.repeat(2_000_000); }");
    expect(
      await failure(runFilters({ html: PAGE, filters: ['grow'], bundle }, { maxOutputBytes: 100_000 })),
    ).toMatchObject({ code: 'OUTPUT_TOO_LARGE' });
  });
});
