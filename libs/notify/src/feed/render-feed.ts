import { createHash } from 'node:crypto';

import { Feed } from 'feed';

import { type ChangeNotification } from '../change-notification';
import { escapeHtml } from '../email/escape-html';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedMeta {
  title: string;
  /** Stable id of the feed (a tag: URI). */
  id: string;
  selfUrl: string;
  siteUrl: string;
  description?: string;
  /** When the feed last changed; by default the newest item's time, so renders are stable. */
  updated?: Date;
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/**
 * Characters XML 1.0 cannot carry at all (C0 controls but tab and line breaks, lone
 * surrogates, U+FFFE/U+FFFF): removed from every field, or the feed is not XML.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
export const xmlText = (s: string): string => s.replace(NOT_XML_CHAR, '');

/** A category name: vocabulary words only (the `feed` package writes Atom labels unescaped). */
const categoryName = (s: string): string => s.replace(/[^A-Za-z0-9:._-]/g, '');

function itemContent(n: ChangeNotification): string {
  const tags = n.tags
    .filter((t) => t.kind || t.topic)
    .map(
      (t) =>
        `<li><strong>${escapeHtml([t.kind, t.topic].filter(Boolean).join(' · '))}</strong>${t.citations
          .map(
            (c) =>
              `<blockquote>${c.side === 'removed' ? 'Removed' : 'Added'}: ${escapeHtml(c.text)}</blockquote>`,
          )
          .join('')}</li>`,
    )
    .join('');
  return `<p><strong>Severity: ${escapeHtml(n.severity)}</strong> · ${escapeHtml(n.vendor.name)} – ${escapeHtml(n.document.title)}</p>${tags ? `<ul>${tags}</ul>` : ''}<p><a href="${escapeHtml(n.links.change)}">Read the change</a></p>`;
}

/**
 * RSS 2.0, Atom 1.0 or JSON Feed 1 of changes, newest first, with stable item ids.
 *
 * Every field is escaped for what readers do with it: RSS `<description>` and Atom's
 * `type="html"` title and summary are read as HTML, so text goes in HTML-escaped (a title
 * `<script>` shows as text, never runs); RSS `<title>` and JSON Feed's title and summary
 * are plain text. Characters XML cannot carry are dropped from all of them; `]]>` is split across
 * CDATA sections by the `feed` package.
 */
export function renderFeed(format: FeedFormat, meta: FeedMeta, items: ChangeNotification[]): string {
  const text = (s: string) => xmlText(s);
  const html = (s: string) => escapeHtml(xmlText(s));
  const updated = meta.updated ?? (items[0] ? new Date(items[0].detectedAt) : new Date(0));
  const feed = new Feed({
    title: xmlText(meta.title),
    id: meta.id,
    link: meta.siteUrl,
    description: xmlText(
      meta.description ?? 'Changes to vendors’ privacy notices, terms and help articles, and what they mean.',
    ),
    updated,
    generator: 'Fineprint',
    copyright: 'Change summaries by Fineprint; documents belong to their vendors.',
    feedLinks: { [format === 'json' ? 'json' : format]: meta.selfUrl },
  });
  for (const n of items) {
    feed.addItem({
      title: (format === 'atom' ? html : text)(`[${n.severity}] ${n.summary}`),
      id: `tag:fineprint,2026:change:${n.changeId}`,
      link: n.links.change,
      description: (format === 'json' ? text : html)(n.summary),
      content: xmlText(itemContent(n)),
      date: new Date(n.detectedAt),
      category: [
        { name: categoryName(`severity:${n.severity}`) },
        ...n.kinds.map((k) => ({ name: categoryName(k) })),
        ...n.topics.map((t) => ({ name: categoryName(t) })),
      ],
    });
  }
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return feed.json1();
}

/** A weak validator of a feed's content: the newest change, the count and the format. */
export function feedEtag(format: FeedFormat, items: { changeId: string; detectedAt: string }[]): string {
  const hash = createHash('sha256')
    .update(`${format}:${items.length}:${items.map((i) => i.changeId).join(',')}`)
    .digest('base64url')
    .slice(0, 22);
  return `W/"${hash}"`;
}
