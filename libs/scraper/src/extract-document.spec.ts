import { extractDocument } from './extract-document';

describe('extractDocument', () => {
  const body = Buffer.from(
    '<main><p>We keep your data for 18 months.</p><p class="ad">Buy now</p></main><div id="late">Loaded later</div>',
  );

  it('runs the filters hook on the raw HTML before remove and select', async () => {
    const seen: string[] = [];
    const doc = await extractDocument({
      body,
      contentType: 'text/html',
      url: 'https://vendor.example/privacy',
      select: ['main'],
      filters: async (html) => {
        seen.push(html);
        return Promise.resolve(
          html.replace('<div id="late">', '<main id="late">').replace('</div>', '</main>'),
        );
      },
    });
    expect(seen).toEqual([body.toString()]);
    expect(doc.markdown).toBe('We keep your data for 18 months.\n\nBuy now\n\nLoaded later');
  });

  it('takes range selectors in select and remove, also in their stored JSON form', async () => {
    const doc = await extractDocument({
      body,
      contentType: 'text/html',
      url: 'https://vendor.example/privacy',
      select: [{ startBefore: 'main p', endAfter: '#late' }],
      remove: ['{"startBefore":".ad","endAfter":".ad"}'],
    });
    expect(doc.markdown).toBe('We keep your data for 18 months.\n\nLoaded later');
  });
});
