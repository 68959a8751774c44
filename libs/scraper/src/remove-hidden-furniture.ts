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
 * readers, closed menus and tabs. When every piece of the selected content sits inside a
 * hidden element, those elements are kept: a page whose `<main>` is in an `aria-hidden`
 * wrapper while a cookie dialog is open is still the document. (When some piece is visible,
 * the hidden ones are hidden tabs or variants, and go.) A hidden element holding most of the
 * text of the anchor it sits in is kept too (the whole body, when nothing is selected).
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
  const hidden = $(HIDDEN).toArray();
  const isHidden = (node: AnyNode) => hidden.some((h) => within(node, h));
  const allHidden = anchors.length > 0 && anchors.every(isHidden);
  const doomed: Element[] = [];
  for (const el of hidden) {
    if (allHidden && anchors.some((a) => within(a, el))) continue;
    const anchor = anchors.find((a) => a !== el && within(el, a));
    if (anchor && textLength(el) * 2 > textLength(anchor)) continue;
    doomed.push(el);
  }
  $(doomed).remove();
}
