import { gfm } from '@joplin/turndown-plugin-gfm';
import { load } from 'cheerio';
import TurndownService from 'turndown';

import { FetchError } from './scraper.errors';
import { stripTrackingParams } from './strip-tracking-params';

/** Never part of a document's text. */
const ALWAYS_REMOVED =
  'script, style, noscript, template, iframe, svg, canvas, link, meta, object, embed, button, input, select, textarea, [hidden], [aria-hidden="true"]';

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  service.use(gfm);
  // images carry no policy text; keep their alt text only
  service.addRule('image-alt', {
    filter: 'img',
    replacement: (_content, node) =>
      ((node as { getAttribute(name: string): string | null }).getAttribute('alt') ?? '').trim(),
  });
  // an empty link is furniture
  service.addRule('empty-link', {
    filter: (node: { nodeName: string; textContent: string | null }) =>
      node.nodeName === 'A' && !(node.textContent ?? '').trim(),
    replacement: () => '',
  });
  return service;
}

const turndown = createTurndown();

/** Whitespace and Unicode made canonical, so the same page always gives the same text. */
export function normalizeMarkdown(markdown: string): string {
  return markdown
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t]+$/g, '')
        .replace(/^(\s*)(.*)$/, (_m, lead: string, rest: string) => lead + rest.replace(/[ \t]{2,}/g, ' ')),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface HtmlExtraction {
  markdown: string;
  title: string | null;
}

/**
 * HTML to clean Markdown: `remove` selectors and page furniture dropped, `select`
 * selectors kept (in document order, nested matches once), links made absolute and
 * stripped of tracking parameters, whitespace and Unicode normalised.
 */
export function htmlToMarkdown(
  html: string,
  options: { url: string; select?: string[]; remove?: string[] },
): HtmlExtraction {
  const $ = load(html);
  const title = ($('title').first().text() || $('h1').first().text()).replace(/\s+/g, ' ').trim() || null;
  $(ALWAYS_REMOVED).remove();
  for (const selector of options.remove ?? []) {
    try {
      $(selector).remove();
    } catch (cause) {
      throw new FetchError(
        'permanent',
        'SELECTOR_NOT_FOUND',
        `The remove selector "${selector}" is not valid CSS`,
        { cause },
      );
    }
  }
  $('a[href]').each((_i, el) => {
    const href = $(el).attr('href') ?? '';
    if (/^(javascript|mailto|tel):/i.test(href) || href.startsWith('#')) {
      if (/^javascript:/i.test(href)) $(el).removeAttr('href');
      return;
    }
    try {
      $(el).attr('href', stripTrackingParams(new URL(href, options.url).href));
    } catch {
      $(el).removeAttr('href');
    }
  });

  let fragments: string[];
  if (options.select?.length) {
    let matched;
    try {
      matched = $(options.select.join(', '));
    } catch (cause) {
      throw new FetchError(
        'permanent',
        'SELECTOR_NOT_FOUND',
        `The select selector "${options.select.join(', ')}" is not valid CSS`,
        { cause },
      );
    }
    // keep outermost matches only, in document order
    const outer = matched.filter(
      (_i, el) =>
        $(el)
          .parents()
          .filter((_j, p) => matched.is(p)).length === 0,
    );
    if (outer.length === 0) {
      throw new FetchError(
        'blocked',
        'SELECTOR_NOT_FOUND',
        `No element matches ${options.select.join(', ')} on ${options.url}`,
      );
    }
    fragments = outer.toArray().map((el) => $.html(el));
  } else {
    fragments = [$('body').html() ?? $.html()];
  }
  const markdown = normalizeMarkdown(fragments.map((f) => turndown.turndown(f)).join('\n\n'));
  return { markdown, title };
}
