import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { runFilters } from '@fineprint/sandbox';
import { decodeSelector } from '@fineprint/contracts';

import { type CatalogDocument } from './catalog.schema';
import { convertOtaDeclaration, importOtaFolder } from './import-ota';
import { readOtaFilterModule } from './ota-filter-module';
import { formatOtaReport } from './ota-import-report';

/** Open Terms Archive's main collection (EUPL 1.2, test data only). */
const OTA_MAIN = resolve(__dirname, '../../../../shared/ota-declarations/declarations');

type OtaSource = Record<string, unknown> & { fetch?: string; filter?: unknown; combine?: OtaSource[] };
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]);

/** A catalog document read back into OTA's shape: one entry per source page. */
function backToOta(doc: CatalogDocument) {
  const sources = doc.combine ?? [{ ...doc, url: doc.url }];
  return sources.map((s) => ({
    fetch: s.url,
    select: s.select.map(decodeSelector),
    remove: s.remove.map(decodeSelector),
    filter: s.filters,
    executeClientScripts: s.fetch === 'browser',
  }));
}
function otaSources(entry: OtaSource) {
  const parts = entry.combine?.length ? entry.combine.map((p) => ({ ...entry, ...p })) : [entry];
  return parts.map((p) => ({
    fetch: p.fetch,
    select: list(p['select']),
    remove: list(p['remove']),
    filter: list(p.filter),
    executeClientScripts: Boolean(p['executeClientScripts']),
  }));
}

describe('Open Terms Archive import', () => {
  it('keeps range selectors (stored as their JSON), a combined document as one, and named filters', () => {
    const result = convertOtaDeclaration(
      'Acme.json',
      {
        name: 'Acme',
        terms: {
          'Privacy Policy': {
            fetch: 'https://acme.example/privacy',
            select: ['#help-content', { startBefore: '#a', endBefore: '#b' }],
            remove: { startAfter: 'h2.toc', endBefore: '#end' },
            filter: ['removeAds', { removeQueryParams: ['utm_source'] }],
          },
          'Terms of Service': {
            executeClientScripts: true,
            select: 'main',
            combine: [
              { fetch: 'https://acme.example/terms/1' },
              { fetch: 'https://acme.example/terms/2', select: { startAfter: 'h1', endAfter: 'footer' } },
            ],
          },
        },
      },
      {
        filterModule: {
          code: {
            entry: 'Acme.filters.js',
            modules: { 'Acme.filters.js': 'export function removeAds() {}' },
          },
          exported: new Set(['removeAds']),
          packageImports: [],
          missing: [],
        },
      },
    );
    expect(result.issues).toEqual([]);
    const [privacy, terms] = result.content?.documents ?? [];
    expect(privacy).toMatchObject({
      slug: 'privacy-policy',
      select: ['#help-content', '{"startBefore":"#a","endBefore":"#b"}'],
      remove: ['{"startAfter":"h2.toc","endBefore":"#end"}'],
      filters: ['removeAds', { removeQueryParams: ['utm_source'] }],
    });
    expect(terms).toMatchObject({
      slug: 'terms-of-service',
      type: 'terms',
      url: 'https://acme.example/terms/1',
      fetch: 'browser',
      combine: [
        { url: 'https://acme.example/terms/1', select: ['main'], fetch: 'browser' },
        {
          url: 'https://acme.example/terms/2',
          select: ['{"startAfter":"h1","endAfter":"footer"}'],
          fetch: 'browser',
        },
      ],
    });
    expect(result.content?.filterCode?.entry).toBe('Acme.filters.js');
    expect(result.documents.map((d) => [d.key, d.status, d.features.sort()])).toEqual([
      ['acme/privacy-policy', 'filters-pending', ['builtin-filter', 'named-filter', 'range-selector']],
      ['acme/terms-of-service', 'exact', ['client-scripts', 'combine', 'range-selector']],
    ]);
  });

  it('opts in per collection: documents with named filters are then marked to run them', () => {
    const raw = { name: 'Acme', terms: { Terms: { fetch: 'https://acme.example/t', filter: ['x'] } } };
    const filterModule = {
      code: { entry: 'Acme.filters.js', modules: { 'Acme.filters.js': 'export const x = () => {}' } },
      exported: new Set(['x']),
      packageImports: [],
      missing: [],
    };
    expect(convertOtaDeclaration('Acme.json', raw, { filterModule }).documents[0]?.status).toBe(
      'filters-pending',
    );
    expect(
      convertOtaDeclaration('Acme.json', raw, { filterModule, runFilters: true }).documents[0]?.status,
    ).toBe('filters-opted-in');
  });

  it('does not import, and says why, what it cannot keep as declared', () => {
    const result = convertOtaDeclaration('Acme.json', {
      name: 'Acme',
      terms: {
        'No filter code': { fetch: 'https://acme.example/a', filter: ['cleanUp'] },
        'Bad range': { fetch: 'https://acme.example/b', select: { startBefore: 'h1' } },
        'Not a URL': { fetch: 'ftp://acme.example/c' },
        'New field': { fetch: 'https://acme.example/d', waitFor: '#x' },
        'New part field': { combine: [{ fetch: 'https://acme.example/f', headers: {} }] },
        Fine: { fetch: 'https://acme.example/e' },
      },
    });
    expect(result.documents.map((d) => [d.termsType, d.status])).toEqual([
      ['No filter code', 'not-imported'],
      ['Bad range', 'not-imported'],
      ['Not a URL', 'not-imported'],
      ['New field', 'not-imported'],
      ['New part field', 'not-imported'],
      ['Fine', 'exact'],
    ]);
    expect(result.documents[0]?.reasons.join()).toMatch(/Acme\.filters\.js, which is missing/);
    expect(result.documents[1]?.reasons.join()).toMatch(/exactly one of endBefore and endAfter/);
    expect(result.documents[2]?.reasons.join()).toMatch(/http\(s\) URL/);
    expect(result.documents[3]?.reasons.join()).toMatch(/unsupported field\(s\) waitFor/);
    expect(result.documents[4]?.reasons.join()).toMatch(/unsupported field\(s\) combine\[0\]\.headers/);
    expect(result.content?.documents.map((d) => d.slug)).toEqual(['fine']);
  });

  it('reports a declaration without a name', () => {
    expect(convertOtaDeclaration('x.json', { terms: {} }).issues[0]?.field).toBe('name');
  });

  it('reads a folder: filter modules with their local imports, nothing run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ota-'));
    writeFileSync(
      join(dir, 'Acme.json'),
      JSON.stringify({
        name: 'Acme',
        terms: { Terms: { fetch: 'https://acme.example/t', filter: ['a', 'b'] } },
      }),
    );
    writeFileSync(
      join(dir, 'Acme.filters.js'),
      "import fetch from 'isomorphic-fetch';\nexport function a() {}\nexport { b } from './Shared.filters.js';",
    );
    writeFileSync(join(dir, 'Shared.filters.js'), 'export function b() { globalThis.ran = true; }');
    writeFileSync(join(dir, 'Acme.history.json'), '{}');
    const { files, report, warnings } = await importOtaFolder(dir, { runFilters: true });
    expect(Object.keys(files[0]?.content.filterCode?.modules ?? {}).sort()).toEqual([
      'Acme.filters.js',
      'Shared.filters.js',
    ]);
    expect(report.counts['filters-opted-in']).toBe(1);
    expect(warnings.join()).toMatch(/isomorphic-fetch: not available in the sandbox/);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  (existsSync(OTA_MAIN) ? describe : describe.skip)('the whole main collection', () => {
    it('imports all 816 documents, keeps every range selector, combine and filter, and drops nothing', async () => {
      const { files, report } = await importOtaFolder(OTA_MAIN);
      const byKey = new Map<string, CatalogDocument>();
      for (const { content } of files)
        for (const doc of content.documents) byKey.set(`${content.vendor.slug}/${doc.slug}`, doc);

      let declared = 0;
      let ranges = 0;
      let combined = 0;
      let filtered = 0;
      for (const name of readdirSync(OTA_MAIN).filter(
        (n) => n.endsWith('.json') && !n.endsWith('.history.json'),
      )) {
        const decl = JSON.parse(readFileSync(join(OTA_MAIN, name), 'utf8')) as {
          terms: Record<string, OtaSource>;
        };
        for (const [termsType, entry] of Object.entries(decl.terms)) {
          declared += 1;
          const row = report.documents.find((d) => d.file === name && d.termsType === termsType);
          expect(row).toBeDefined();
          if (row?.status === 'not-imported') continue;
          // read back into OTA's shape, every source equals the declaration
          const doc = byKey.get(row?.key ?? '') as CatalogDocument;
          expect({ name, termsType, sources: backToOta(doc) }).toEqual({
            name,
            termsType,
            sources: otaSources(entry),
          });
          const sources = otaSources(entry);
          if (sources.some((s) => [...s.select, ...s.remove].some((x) => typeof x !== 'string'))) ranges += 1;
          if (entry.combine?.length) combined += 1;
          if (sources.some((s) => s.filter.length)) filtered += 1;
        }
      }
      expect(declared).toBe(816);
      expect(report.documents).toHaveLength(816);
      expect([ranges, combined, filtered]).toEqual([59, 12, 51]);
      expect(report.counts).toEqual({
        exact: 777,
        'filters-opted-in': 0,
        'filters-pending': 39,
        'not-imported': 0,
      });
      const printed = formatOtaReport(report);
      expect(printed).toMatch(/^816 document\(s\) of 379 service\(s\):/);
      expect(printed).toMatch(/39 imported with filters pending opt-in/);
      expect(printed.split('\n').filter((l) => l.startsWith('! filters pending'))).toHaveLength(39);
    });

    it("runs the collection's own filter code in the sandbox: local re-exports, URL and the DOM", async () => {
      // MSN's module re-exports Skype's functions; Booking.com's parses links with URL
      const msn = await readOtaFilterModule(OTA_MAIN, 'MSN.filters.js');
      expect(Object.keys(msn?.code.modules ?? {}).sort()).toEqual(['MSN.filters.js', 'Skype.filters.js']);
      const page =
        '<html><body><div id="navigationHeader">Nav</div><p class="displayNone">hidden</p><p>Kept text</p>' +
        '<a href="/privacy?label=gen173&amp;sid=8f2a&amp;lang=en">Privacy</a></body></html>';
      const cleaned = await runFilters({
        html: page,
        filters: ['removeNavigationHeaders', 'removeInvisibleText'],
        bundle: msn?.code ?? { entry: '', modules: {} },
      });
      expect(cleaned).not.toContain('Nav');
      expect(cleaned).not.toContain('hidden');
      expect(cleaned).toContain('Kept text');
      const booking = await readOtaFilterModule(OTA_MAIN, 'Booking.com.filters.js');
      const links = await runFilters({
        html: page,
        filters: ['removeLabelAndSidFromUrls'],
        bundle: booking?.code ?? { entry: '', modules: {} },
      });
      // exactly what Booking.com's code does: `?label=…` becomes `?`, `&sid=…` goes
      expect(links).toContain('href="https://www.booking.com/privacy?&lang=en"');
    }, 30_000);

    it('with the opt-in, the documents with named filters are imported to run them', async () => {
      const { report } = await importOtaFolder(OTA_MAIN, { runFilters: true });
      expect(report.counts).toMatchObject({ exact: 777, 'filters-opted-in': 39, 'filters-pending': 0 });
    });
  });
});
