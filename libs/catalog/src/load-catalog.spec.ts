import { resolve } from 'node:path';

import { loadCatalog, parseCatalogFile } from './load-catalog';

describe('catalog files', () => {
  it('the shipped starting catalog is valid and tracks the Alexa documents', async () => {
    const catalog = await loadCatalog(resolve(__dirname, '../../../catalog'));
    expect(catalog.issues).toEqual([]);
    const all = catalog.files.flatMap((f) =>
      f.content.documents.map((d) => `${f.content.vendor.slug}/${d.slug}`),
    );
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(all).toEqual(
      expect.arrayContaining([
        'amazon/privacy-notice',
        'amazon/alexa-privacy-faq',
        'amazon/alexa-voice-recordings-settings',
      ]),
    );
  });

  it('names the file and the field of every problem', () => {
    const { issues } = parseCatalogFile(
      'acme.yaml',
      `vendor: { slug: Acme Corp, name: Acme }
documents:
  - slug: privacy
    title: Privacy
    url: ftp://example.com/privacy
    fetch: curl
    interval: 2 weeks
  - slug: privacy
    title: Again
    url: https://example.com/p
`,
    );
    expect(issues.map((i) => `${i.file} ${i.field}`)).toEqual(
      expect.arrayContaining([
        'acme.yaml vendor.slug',
        'acme.yaml documents[0].url',
        'acme.yaml documents[0].fetch',
        'acme.yaml documents[0].interval',
        'acme.yaml documents[1].slug',
      ]),
    );
  });

  it('says when a file is not YAML at all', () => {
    expect(parseCatalogFile('x.yaml', 'vendor: [unclosed').issues[0]).toMatchObject({
      file: 'x.yaml',
      field: '(file)',
    });
  });

  it('reads intervals as minutes', () => {
    const { content } = parseCatalogFile(
      'a.json',
      JSON.stringify({
        vendor: { slug: 'a', name: 'A' },
        documents: [{ slug: 'p', title: 'P', url: 'https://a.example/p', interval: '6h' }],
      }),
    );
    expect(content?.documents[0]?.interval).toBe(360);
    expect(content?.documents[0]?.fetch).toBe('auto');
  });
});

describe('catalog files: OTA-shaped declarations', () => {
  const file = (doc: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    parseCatalogFile(
      'acme.json',
      JSON.stringify({
        vendor: { slug: 'acme', name: 'Acme' },
        documents: [{ slug: 'p', title: 'P', ...doc }],
        ...extra,
      }),
    );

  it('accepts range selectors, combined pages and built-in filters', () => {
    const { content, issues } = file({
      select: ['main', { startAfter: 'h1', endBefore: 'footer' }],
      filters: [{ removeQueryParams: ['sid'] }],
      combine: [{ url: 'https://a.example/1' }, { url: 'https://a.example/2', remove: '.ad' }],
    });
    expect(issues).toEqual([]);
    expect(content?.documents[0]).toMatchObject({
      url: 'https://a.example/1',
      combine: [
        {
          url: 'https://a.example/1',
          select: ['main', '{"startAfter":"h1","endBefore":"footer"}'],
          remove: [],
        },
        { url: 'https://a.example/2', remove: ['.ad'], filters: [{ removeQueryParams: ['sid'] }] },
      ],
    });
  });

  it('refuses a half range, and named filters without the code to run them', () => {
    expect(file({ url: 'https://a.example/', select: { startBefore: 'h1' } }).issues[0]?.field).toBe(
      'documents[0].select',
    );
    const { issues } = file({ url: 'https://a.example/', filters: ['removeAds'] });
    expect(issues[0]).toMatchObject({
      field: 'documents[0].filters',
      message: expect.stringMatching(/removeAds/),
    });
    expect(
      file({ url: 'https://a.example/' }, { filterCode: { entry: 'x.js', modules: {} } }).issues[0]?.field,
    ).toBe('filterCode.entry');
  });
});
