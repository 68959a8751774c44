import { type CheerioAPI } from 'cheerio';
import { type AnyNode, type Element } from 'domhandler';

const HIDDEN = '[hidden], [aria-hidden="true"]';

/** Whether `node` is `ancestor` or sits inside it. */
function within(node: AnyNode, ancestor: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/**
 * Drops hidden elements (`hidden`, `aria-hidden="true"`): icons, duplicates for sighted
 * readers, closed menus. An element that holds the selected content is kept: a page whose
 * `<main>` sits in an `aria-hidden` wrapper while a cookie dialog is open is still the
 * document. So is one that holds most of the text of the anchor it sits in (the whole body,
 * when nothing is selected).
 */
export function removeHiddenFurniture($: CheerioAPI, anchors: Element[]): void {
  const textLengths = new Map<AnyNode, number>();
  const textLength = (el: AnyNode) => {
    let n = textLengths.get(el);
    if (n === undefined) {
      n = $(el).text().replace(/\s+/g, '').length;
      textLengths.set(el, n);
    }
    return n;
  };
  const doomed: Element[] = [];
  $(HIDDEN).each((_i, el) => {
    if (anchors.some((a) => within(a, el))) return;
    const anchor = anchors.find((a) => within(el, a));
    if (anchor && textLength(el) * 2 > textLength(anchor)) return;
    doomed.push(el);
  });
  $(doomed).remove();
}
