import { gfm } from '@joplin/turndown-plugin-gfm';
import { type CheerioAPI, load } from 'cheerio';
import TurndownService from 'turndown';

import { decodeSelector, type Selector } from '@fineprint/contracts';

import { decodeProtectedEmails } from './decode-protected-emails';
import { flattenTableBlocks } from './flatten-table-blocks';
import { FetchError } from './scraper.errors';
import { removeHiddenFurniture } from './remove-hidden-furniture';
import { removeSelected, resolveSelection, selectedFragments, selectionAnchors } from './select-content';
import { stripTrackingParams } from './strip-tracking-params';

/** Never part of a document's text. Hidden elements are handled after `select` resolves. */
const ALWAYS_REMOVED =
  'script, style, noscript, template, iframe, svg, canvas, link, meta, object, embed, button, input, select, textarea';

interface DomLike {
  nodeName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll?(selector: string): ArrayLike<DomLike>;
}

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
    replacement: (_content, node) => ((node as DomLike).getAttribute('alt') ?? '').trim(),
  });
  // an empty link is furniture; a link holding only an image with alt text keeps that text
  service.addRule('empty-link', {
    filter: (node: DomLike) =>
      node.nodeName === 'A' &&
      !(node.textContent ?? '').trim() &&
      !Array.from(node.querySelectorAll?.('img') ?? []).some((img) => (img.getAttribute('alt') ?? '').trim()),
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
        .replace(/^(\s*)(.*)$/, (_m, lead: string, rest: string) => lead + rest.replace(/[ \t]{2,}/g, ' '))
        // a line break in a table cell: no hard-break spaces before it
        .replace(/^(\|.*)$/, (row: string) => row.replace(/[ \t]+<br>/g, '<br>')),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface HtmlExtraction {
  markdown: string;
  title: string | null;
}

export interface HtmlToMarkdownOptions {
  /** The page's URL: relative links resolve against it. */
  url: string;
  /** CSS selectors or ranges (or their stored JSON form) of the content. */
  select?: Selector[];
  /** CSS selectors or ranges of what to drop. */
  remove?: Selector[];
}

/** Links made absolute, stripped of tracking parameters and per-request identifiers. */
function absolutiseLinks($: CheerioAPI, base: string): void {
  $('a[href]').each((_i, el) => {
    const href = $(el).attr('href') ?? '';
    if (/^(javascript|mailto|tel):/i.test(href) || href.startsWith('#')) {
      if (/^javascript:/i.test(href)) $(el).removeAttr('href');
      return;
    }
    try {
      $(el).attr('href', stripTrackingParams(new URL(href, base).href));
    } catch {
      $(el).removeAttr('href');
    }
  });
}

/**
 * HTML to clean Markdown: page furniture and `remove` selectors dropped, `select` selectors
 * kept (CSS or Open Terms Archive ranges; in document order, nested matches once), hidden
 * elements dropped unless the selected content sits inside them, links made absolute and
 * stripped of tracking parameters and per-request ids, whitespace and Unicode normalised.
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions): HtmlExtraction {
  const select = (options.select ?? []).map(decodeSelectorOrThrow);
  const remove = (options.remove ?? []).map(decodeSelectorOrThrow);
  const $ = load(html);
  const title = ($('title').first().text() || $('h1').first().text()).replace(/\s+/g, ' ').trim() || null;
  $(ALWAYS_REMOVED).remove();
  removeSelected($, remove);
  decodeProtectedEmails($);
  absolutiseLinks($, options.url);
  flattenTableBlocks($);

  let fragments: string[];
  if (select.length) {
    const selection = resolveSelection($, select, options.url);
    removeHiddenFurniture($, selectionAnchors(selection));
    fragments = selectedFragments($, selection);
  } else {
    const body = $('body').get(0);
    removeHiddenFurniture($, body ? [body] : []);
    fragments = [$('body').html() ?? $.html()];
  }
  const markdown = normalizeMarkdown(fragments.map((fragment) => turndown.turndown(fragment)).join('\n\n'));
  return { markdown, title };
}

/** A selector in its usable form; a malformed stored range is the declaration's problem. */
function decodeSelectorOrThrow(selector: Selector): Selector {
  try {
    return decodeSelector(selector);
  } catch (cause) {
    throw new FetchError('declaration', 'INVALID_SELECTOR', (cause as Error).message, { cause });
  }
}
