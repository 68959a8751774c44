import { catalogFileSchema } from './catalog.schema';

const file = (select: unknown, remove?: unknown) => ({
  vendor: { slug: 'acme', name: 'Acme' },
  documents: [
    {
      slug: 'terms',
      title: 'Terms',
      url: 'https://acme.example/terms',
      select,
      ...(remove !== undefined ? { remove } : {}),
    },
  ],
});

describe('catalog selectors: CSS strings and Open Terms Archive ranges', () => {
  it("takes OTA's shapes as written (one or a list, CSS and ranges mixed) and stores ranges as canonical JSON", () => {
    const parsed = catalogFileSchema.parse(
      file([{ endBefore: '#b', startBefore: '#a' }, '.extra'], { startAfter: 'h1', endAfter: '.intro' }),
    );
    expect(parsed.documents[0]).toMatchObject({
      select: ['{"startBefore":"#a","endBefore":"#b"}', '.extra'],
      remove: ['{"startAfter":"h1","endAfter":".intro"}'],
    });
    // the stored form reads back as itself
    expect(catalogFileSchema.parse(file(parsed.documents[0]?.select)).documents[0]?.select).toEqual(
      parsed.documents[0]?.select,
    );
  });

  it('names what is wrong with a range', () => {
    const problems = (select: unknown) => {
      const result = catalogFileSchema.safeParse(file(select));
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems({ startBefore: '#a' }).join()).toMatch(/exactly one of endBefore and endAfter/);
    expect(problems({ startBefore: '#a', startAfter: '#b', endBefore: '#c' }).join()).toMatch(
      /exactly one of startBefore and startAfter/,
    );
    expect(problems({ startBefore: '#a', endBefore: '#c', end: '#d' }).join()).toMatch(/end/);
    expect(problems('{"startBefore":"#a"').join()).toMatch(/not valid JSON/);
  });

  it('refuses CSS the extractor could not parse, in plain selectors and inside ranges, when the file is loaded', () => {
    const problems = (select: unknown, remove?: unknown) => {
      const result = catalogFileSchema.safeParse(file(select, remove));
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems('main[').join()).toMatch(/"main\[" is not valid CSS/);
    expect(problems(['main', 'div > > p']).join()).toMatch(
      /documents\.0\.select\.1: "div > > p" is not valid CSS/,
    );
    expect(problems({ startBefore: 'h1', endBefore: '#end[' }).join()).toMatch(/"#end\[" is not valid CSS/);
    expect(problems('{"startAfter":"h2::","endBefore":"footer"}').join()).toMatch(/not valid CSS/);
    expect(problems('main', '<div>').join()).toMatch(/HTML markup/);
    // what real declarations use still loads
    expect(
      problems(['main', 'article.policy > section:not(.ads)'], { startAfter: 'h1', endBefore: 'footer' }),
    ).toEqual([]);
  });
});
