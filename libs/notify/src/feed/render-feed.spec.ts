import { DOMParser } from '@xmldom/xmldom';
import Parser from 'rss-parser';

import { type ChangeNotification } from '../change-notification';
import { feedEtag, renderFeed } from './render-feed';

const n = (id: string, when: string): ChangeNotification => ({
  changeId: id,
  detectedAt: when,
  severity: 'high',
  summary: `Alexa Privacy Settings: opt-out removed (voice recordings) <${id}>`,
  cosmetic: false,
  document: { id: 'd', title: 'Alexa Privacy Settings', url: 'https://a.example/s', type: 'help_article' },
  vendor: { id: 'v', slug: 'amazon', name: 'Amazon' },
  tags: [
    {
      topic: 'voice-recordings',
      kind: 'opt-out-removed',
      rule: 'r',
      citations: [{ side: 'removed', text: 'Do Not Send Voice Recordings & more' }],
    },
  ],
  topics: ['voice-recordings'],
  kinds: ['opt-out-removed'],
  stats: { wordsAdded: 1, wordsRemoved: 2, changedShare: 0.1 },
  diffExcerpt: { unified: '', html: '' },
  links: { change: `https://fp.example/changes/${id}`, fromVersion: '', toVersion: '', document: '' },
});
const meta = {
  title: 'Fineprint: all changes',
  id: 'tag:fineprint,2026:feed:all',
  selfUrl: 'https://fp.example/feeds/changes.atom',
  siteUrl: 'https://fp.example/',
};
const items = [n('c2', '2026-11-02T10:00:00.000Z'), n('c1', '2026-11-01T10:00:00.000Z')];

describe('renderFeed', () => {
  it.each(['rss', 'atom'] as const)(
    '%s parses with a real feed parser, with stable ids, titles and links',
    async (format) => {
      const parsed = await new Parser().parseString(renderFeed(format, meta, items));
      expect(parsed.items.map((i) => i.link)).toEqual([
        'https://fp.example/changes/c2',
        'https://fp.example/changes/c1',
      ]);
      // RSS titles are plain text; Atom's are type="html", so the text is HTML-escaped (issue 14)
      expect(parsed.items[0]?.title).toBe(
        format === 'rss'
          ? '[high] Alexa Privacy Settings: opt-out removed (voice recordings) <c2>'
          : '[high] Alexa Privacy Settings: opt-out removed (voice recordings) &lt;c2&gt;',
      );
      const ids = parsed.items.map(
        (i) => (i as { guid?: string; id?: string }).guid ?? (i as { id?: string }).id,
      );
      expect(ids).toEqual(['tag:fineprint,2026:change:c2', 'tag:fineprint,2026:change:c1']);
      expect(renderFeed(format, meta, items)).toBe(renderFeed(format, meta, items));
    },
  );

  it('json is a JSON Feed with the tags and cited sentences in each item', () => {
    const feed = JSON.parse(renderFeed('json', meta, items)) as {
      version: string;
      items: { id: string; content_html: string; tags: string[] }[];
    };
    expect(feed.version).toMatch(/jsonfeed/);
    expect(feed.items[0]?.id).toBe('tag:fineprint,2026:change:c2');
    expect(feed.items[0]?.content_html).toContain('Do Not Send Voice Recordings &amp; more');
    expect(feed.items[0]?.tags).toEqual(
      expect.arrayContaining(['opt-out-removed', 'voice-recordings', 'severity:high']),
    );
  });

  it('json items keep their ids, titles and links across renders', () => {
    type Json = { id: string; items: { id: string; title: string; url: string }[] };
    const first = JSON.parse(renderFeed('json', meta, items)) as Json;
    const again = JSON.parse(
      renderFeed('json', meta, [n('c3', '2026-11-03T10:00:00.000Z'), ...items]),
    ) as Json;
    expect(first.items.map((i) => i.url)).toEqual([
      'https://fp.example/changes/c2',
      'https://fp.example/changes/c1',
    ]);
    expect(again.items.slice(1)).toEqual(first.items);
    expect(again.items[0]?.id).toBe('tag:fineprint,2026:change:c3');
  });

  it.each(['rss', 'atom'] as const)('%s items keep their ids when a newer change arrives', async (format) => {
    const parser = new Parser();
    const ids = async (list: typeof items) =>
      (await parser.parseString(renderFeed(format, meta, list))).items.map(
        (i) => (i as { guid?: string; id?: string }).guid ?? (i as { id?: string }).id,
      );
    const before = await ids(items);
    const after = await ids([n('c3', '2026-11-03T10:00:00.000Z'), ...items]);
    expect(after.slice(1)).toEqual(before);
  });

  it('the feed is updated at its newest item unless told otherwise', () => {
    const atom = renderFeed('atom', meta, items);
    expect(atom).toContain('<updated>2026-11-02T10:00:00.000Z</updated>');
    const given = renderFeed('atom', { ...meta, updated: new Date('2026-11-05T00:00:00.000Z') }, items);
    expect(given).toContain('<updated>2026-11-05T00:00:00.000Z</updated>');
  });

  describe('hostile titles (issue 14): escaped in every field, the feed stays well-formed', () => {
    const HOSTILE = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      ']]><script>alert(2)</script>',
      'Terms & Conditions &amp; more &bogus;',
      'ctrl\u0001\u0008\u000b\u000c\u001f\u007f\ufffe\ud800 end',
      '"quoted" \'single\' </title></entry></feed>',
    ];
    const hostileItems = HOSTILE.map((title, i) => ({
      ...n(`h${i}`, `2026-11-0${i + 1}T10:00:00.000Z`),
      summary: `${title}: opt-out removed`,
      document: { id: 'd', title, url: 'https://a.example/s?a=1&b=2', type: 'help_article' },
      vendor: { id: 'v', slug: 'evil', name: title },
    }));
    const hostileMeta = { ...meta, title: `Fineprint: changes by ${HOSTILE[0] ?? ''}${HOSTILE[4] ?? ''}` };
    /** XML 1.0's Char production: anything else makes the document not XML. */
    const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
    const strictXml = (xml: string) =>
      new DOMParser({
        onError: (level, message) => {
          throw new Error(`${level}: ${message}`);
        },
      }).parseFromString(xml, 'text/xml');

    it.each(['rss', 'atom'] as const)('%s is well-formed XML with only XML characters', (format) => {
      const xml = renderFeed(format, hostileMeta, hostileItems);
      expect(xml).not.toMatch(NOT_XML_CHAR);
      const doc = strictXml(xml);
      expect(doc.getElementsByTagName(format === 'rss' ? 'item' : 'entry')).toHaveLength(HOSTILE.length);
    });

    it.each(['rss', 'atom'] as const)(
      '%s parses with a real feed parser and no HTML field carries live markup',
      async (format) => {
        const parsed = await new Parser().parseString(renderFeed(format, hostileMeta, hostileItems));
        expect(parsed.items).toHaveLength(HOSTILE.length);
        for (const item of parsed.items) {
          // fields feed readers render as HTML: description / summary / content, and Atom titles
          const htmlFields = [
            item.content,
            (item as { summary?: string }).summary,
            format === 'atom' ? item.title : undefined,
          ].filter((f): f is string => typeof f === 'string');
          expect(htmlFields.length).toBeGreaterThan(0);
          for (const field of htmlFields) {
            expect(field).not.toMatch(/<(script|img|\/title)\b/i);
          }
        }
        const texts = parsed.items.map((i) => `${i.title ?? ''} ${i.contentSnippet ?? ''}`).join('\n');
        expect(texts).toContain('alert(1)'); // the words are kept, as text
      },
    );

    it('json keeps titles as plain text and content_html escaped', () => {
      const feed = JSON.parse(renderFeed('json', hostileMeta, hostileItems)) as {
        items: { title: string; content_html: string }[];
      };
      expect(feed.items[0]?.title).toContain('<script>alert(1)</script>');
      for (const item of feed.items) expect(item.content_html).not.toMatch(/<(script|img)\b/i);
    });
  });

  it('the ETag follows the content', () => {
    expect(feedEtag('atom', items)).toBe(feedEtag('atom', items));
    expect(feedEtag('atom', items)).not.toBe(feedEtag('atom', items.slice(1)));
    expect(feedEtag('atom', items)).not.toBe(feedEtag('rss', items));
  });
});
