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
      expect(parsed.items[0]?.title).toBe(
        '[high] Alexa Privacy Settings: opt-out removed (voice recordings) <c2>',
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

  it('the ETag follows the content', () => {
    expect(feedEtag('atom', items)).toBe(feedEtag('atom', items));
    expect(feedEtag('atom', items)).not.toBe(feedEtag('atom', items.slice(1)));
    expect(feedEtag('atom', items)).not.toBe(feedEtag('rss', items));
  });
});
