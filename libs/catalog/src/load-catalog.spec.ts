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
