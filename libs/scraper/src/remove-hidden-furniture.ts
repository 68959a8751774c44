import { type CheerioAPI } from 'cheerio';
import { type Element } from 'domhandler';

const HIDDEN = '[hidden], [aria-hidden="true"]';

const textLength = ($: CheerioAPI, el: Element) => $(el).text().replace(/\s+/g, '').length;

/**
 * Drops hidden elements (`hidden`, `aria-hidden="true"`): icons, duplicates for sighted
 * readers, closed menus. An element that holds the selected content is kept: a page whose
 * `<main>` sits in an `aria-hidden` wrapper while a cookie dialog is open is still the
 * document. So is one that holds most of the text of the anchor it sits in (the whole body,
 * when nothing is selected).
 */
export function removeHiddenFurniture($: CheerioAPI, anchors: Element[]): void {
  const anchorSet = new Set(anchors);
  const doomed: Element[] = [];
  $(HIDDEN).each((_i, el) => {
    const node = $(el);
    if (anchors.some((a) => a === el || node.find('*').is(a as never))) return;
    const anchor = node
      .parents()
      .toArray()
      .find((p) => anchorSet.has(p));
    if (anchor && textLength($, el) * 2 > textLength($, anchor)) return;
    doomed.push(el);
  });
  $(doomed).remove();
}
