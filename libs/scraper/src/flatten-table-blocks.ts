import { type CheerioAPI } from 'cheerio';

/**
 * Block content inside table cells (lists, headings, rules, quotes, code blocks) rewritten as
 * inline text, so the table converts to a Markdown table instead of being kept as raw HTML
 * (the GFM table rule keeps such tables as HTML, class names, styles and sizes included).
 */
export function flattenTableBlocks($: CheerioAPI): void {
  const cells = $('td, th').filter(
    (_i, el) => $(el).find('ul, ol, h1, h2, h3, h4, h5, h6, hr, blockquote, pre').length > 0,
  );
  if (!cells.length) return;
  cells.find('pre').each((_i, el) => {
    $(el).replaceWith(`<span>${$(el).html() ?? ''}</span>`);
  });
  cells.find('hr').replaceWith('<br>');
  cells.find('h1, h2, h3, h4, h5, h6').each((_i, el) => {
    $(el).replaceWith(`<strong>${$(el).html() ?? ''}</strong><br>`);
  });
  cells.find('blockquote').each((_i, el) => {
    $(el).replaceWith(`<span>${$(el).html() ?? ''}</span><br>`);
  });
  // innermost lists first, so nested items keep their own bullets
  const lists = cells.find('ul, ol').toArray().reverse();
  for (const list of lists) {
    const ordered = list.tagName.toLowerCase() === 'ol';
    const items = $(list)
      .children('li')
      .toArray()
      .map((li, index) => `<span>${ordered ? `${index + 1}.` : '•'} ${$(li).html() ?? ''}</span><br>`);
    $(list).replaceWith(items.join(''));
  }
}
