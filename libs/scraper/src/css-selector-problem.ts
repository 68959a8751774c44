import { load } from 'cheerio';
import { isHtml } from 'cheerio/utils';

/**
 * A document to compile selectors against: cheerio (css-select) parses and compiles a
 * selector whatever the document holds, so an empty one says what every page would say.
 */
const probe = load('');

/**
 * Why a CSS selector would fail the extractor, or null: it is parsed by the very call the
 * extractor makes (`$(selector)`, select-content.ts), so a selector accepted here is never
 * `declaration/INVALID_SELECTOR` at check time. Stricter on two points that are never a
 * selector: an empty one (it selects nothing), and one cheerio would read as HTML markup.
 */
export function cssSelectorProblem(css: string): string | null {
  if (!css.trim()) return 'must be a non-empty CSS selector';
  if (isHtml(css)) return `"${css}" is HTML markup, not a CSS selector`;
  try {
    probe(css);
    return null;
  } catch (error) {
    return `"${css}" is not valid CSS (${(error as Error).message.trim() || 'unparsable'})`;
  }
}
