import { detect } from 'tinyld';
import { extractText, getDocumentProxy } from 'unpdf';

import { type Selector } from '@fineprint/contracts';

import { assertReadableText, decodeBody } from './decode-body';
import { type DocumentDeclaration, type ExtractedDocument, type FetchResult } from './fetch-result';
import { htmlToMarkdown, normalizeMarkdown } from './html-to-markdown';
import { FetchError } from './scraper.errors';

/** Rewrites a page's raw HTML before selection (e.g. a collection's sandboxed named filters). */
export type HtmlFilters = (html: string) => Promise<string>;

export interface ExtractInput {
  body: Buffer;
  contentType: string | null;
  url: string;
  /** CSS selectors or ranges (`{startBefore|startAfter, endBefore|endAfter}`), or their stored JSON. */
  select?: Selector[];
  remove?: Selector[];
  /** Applied to the decoded HTML before `remove` and `select`. */
  filters?: HtmlFilters;
}

const isPdf = (body: Buffer, contentType: string | null) =>
  /application\/pdf/i.test(contentType ?? '') || body.subarray(0, 5).toString('latin1') === '%PDF-';

/** Words, for the empty-content check and statistics. */
function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** A PDF's text, page by page, as paragraphs. */
export async function pdfToMarkdown(body: Buffer): Promise<string> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(body));
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (cause) {
    throw new FetchError('permanent', 'DECODE_FAILED', 'The PDF could not be read', { cause });
  }
  return normalizeMarkdown(
    pages
      .map((page) =>
        page.replace(/[ \t]*\n[ \t]*(?=\S)/g, (m, offset: number, s: string) =>
          /[.:;!?]$/.test(s.slice(0, offset)) ? '\n\n' : ' ',
        ),
      )
      .join('\n\n'),
  );
}

/**
 * The text a declaration produces from a fetched page: HTML (select/remove applied) or
 * PDF to Markdown, plus its title and detected language. An empty or garbled result
 * (binary data, undecodable bytes, mostly U+FFFD) is an error, never a version.
 */
export async function extractDocument(input: ExtractInput): Promise<ExtractedDocument> {
  let markdown: string;
  let title: string | null = null;
  if (isPdf(input.body, input.contentType)) {
    markdown = await pdfToMarkdown(input.body);
  } else if (
    /^(text\/(html|plain|markdown)|application\/xhtml\+xml)/i.test(input.contentType ?? 'text/html')
  ) {
    const { text } = decodeBody(input.body, input.contentType);
    if (/^text\/(plain|markdown)/i.test(input.contentType ?? '')) markdown = normalizeMarkdown(text);
    else
      ({ markdown, title } = htmlToMarkdown(input.filters ? await input.filters(text) : text, {
        url: input.url,
        ...(input.select ? { select: input.select } : {}),
        ...(input.remove ? { remove: input.remove } : {}),
      }));
  } else {
    throw new FetchError(
      'permanent',
      'UNSUPPORTED_CONTENT_TYPE',
      `Cannot extract text from ${input.contentType ?? 'an unknown content type'}`,
    );
  }
  assertReadableText(markdown, `The text extracted from ${input.url}`);
  const words = wordCount(markdown);
  if (words === 0)
    throw new FetchError('permanent', 'EMPTY_CONTENT', `No text was extracted from ${input.url}`);
  const language = words >= 20 ? detect(markdown.slice(0, 5000)) || null : null;
  return { markdown, title, language, wordCount: words };
}

/**
 * A fetched page's text under a declaration: what a check stores (`Scraper.extract` is this).
 * Relative links resolve against the page's final URL.
 */
export function extractPage(
  page: FetchResult,
  declaration: Pick<DocumentDeclaration, 'select' | 'remove'>,
  options: { filters?: HtmlFilters } = {},
): Promise<ExtractedDocument> {
  return extractDocument({
    body: page.body,
    contentType: page.contentType,
    url: page.finalUrl,
    ...(declaration.select ? { select: declaration.select } : {}),
    ...(declaration.remove ? { remove: declaration.remove } : {}),
    ...(options.filters ? { filters: options.filters } : {}),
  });
}
