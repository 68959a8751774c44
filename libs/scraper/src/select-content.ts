import { type CheerioAPI } from 'cheerio';
import { type AnyNode, type Element } from 'domhandler';

import { describeSelector, type RangeSelector, type Selector } from '@fineprint/contracts';

import { FetchError } from './scraper.errors';

/**
 * Selection and removal by CSS selectors and by ranges (Open Terms Archive's semantics: a
 * range runs from a point before or after its start node to a point before or after its end
 * node, in document order, whatever the nesting; like a DOM Range, the elements it only
 * partly covers are kept as wrappers of the part it covers).
 */

interface Span {
  enter: number;
  exit: number;
}

/** An element (tag, script or style node): the only nodes with a name and attributes. */
const isElement = (node: AnyNode): node is Element => 'attribs' in node && 'name' in node;

const hasChildren = (node: AnyNode): node is AnyNode & { children: AnyNode[] } =>
  'children' in node && Array.isArray((node as { children?: unknown }).children);

/** Each node's opening and closing position in document order. */
function spansOf(root: AnyNode): Map<AnyNode, Span> {
  const spans = new Map<AnyNode, Span>();
  let counter = 0;
  const walk = (node: AnyNode) => {
    const enter = counter++;
    if (hasChildren(node)) for (const child of node.children) walk(child);
    spans.set(node, { enter, exit: counter++ });
  };
  walk(root);
  return spans;
}

interface Bounds {
  start: number;
  end: number;
}

function cssError(selector: string, role: string, cause: unknown): FetchError {
  return new FetchError(
    'declaration',
    'INVALID_SELECTOR',
    `The ${role} selector "${selector}" is not valid CSS`,
    {
      cause,
    },
  );
}

function first($: CheerioAPI, selector: string, role: string): Element | undefined {
  try {
    return $(selector).toArray().find(isElement);
  } catch (cause) {
    throw cssError(selector, role, cause);
  }
}

/** All elements a CSS selector matches, in document order. */
export function matchAll($: CheerioAPI, selector: string, role: string): Element[] {
  try {
    return $(selector).toArray().filter(isElement);
  } catch (cause) {
    throw cssError(selector, role, cause);
  }
}

/** The range's two nodes, or which one is missing. */
export function rangeNodes(
  $: CheerioAPI,
  range: RangeSelector,
  role: string,
): { start: Element; end: Element } | { missing: string } {
  const startCss = range.startBefore ?? range.startAfter ?? '';
  const endCss = range.endBefore ?? range.endAfter ?? '';
  const start = first($, startCss, role);
  if (!start) return { missing: startCss };
  const end = first($, endCss, role);
  if (!end) return { missing: endCss };
  return { start, end };
}

function boundsOf(
  range: RangeSelector,
  nodes: { start: Element; end: Element },
  spans: Map<AnyNode, Span>,
): Bounds {
  const s = spans.get(nodes.start);
  const e = spans.get(nodes.end);
  if (!s || !e) return { start: 0, end: -1 };
  return {
    start: range.startBefore !== undefined ? s.enter - 0.5 : s.exit + 0.5,
    end: range.endBefore !== undefined ? e.enter - 0.5 : e.exit + 0.5,
  };
}

const inside = (span: Span, b: Bounds) => span.enter > b.start && span.exit < b.end;
const outside = (span: Span, b: Bounds) => span.exit < b.start || span.enter > b.end;

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The HTML a range covers, partly covered elements kept as wrappers. */
function rangeHtml($: CheerioAPI, node: AnyNode, bounds: Bounds, spans: Map<AnyNode, Span>): string {
  const span = spans.get(node);
  if (!span || outside(span, bounds)) return '';
  if (inside(span, bounds)) return $.html(node);
  const inner = hasChildren(node)
    ? node.children.map((child) => rangeHtml($, child, bounds, spans)).join('')
    : '';
  if (!isElement(node)) return inner;
  const el = node;
  const attrs = Object.entries(el.attribs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  return `<${el.name}${attrs}>${inner}</${el.name}>`;
}

/** The nodes a range covers entirely (the outermost ones). */
function coveredNodes(node: AnyNode, bounds: Bounds, spans: Map<AnyNode, Span>, out: AnyNode[]): void {
  const span = spans.get(node);
  if (!span || outside(span, bounds)) return;
  if (inside(span, bounds)) {
    out.push(node);
    return;
  }
  if (hasChildren(node)) for (const child of node.children) coveredNodes(child, bounds, spans, out);
}

/**
 * Applies `remove`: CSS matches and range contents are dropped. Ranges are resolved before
 * anything is removed (as OTA does); a range whose nodes are missing removes nothing.
 */
export function removeSelected($: CheerioAPI, selectors: Selector[]): void {
  const doomed: AnyNode[] = [];
  const ranges = selectors.filter((s): s is RangeSelector => typeof s !== 'string');
  if (ranges.length) {
    const spans = spansOf($.root().get(0) as AnyNode);
    for (const range of ranges) {
      const nodes = rangeNodes($, range, 'remove');
      if ('missing' in nodes) continue;
      coveredNodes($.root().get(0) as AnyNode, boundsOf(range, nodes, spans), spans, doomed);
    }
  }
  for (const selector of selectors)
    if (typeof selector === 'string') $(matchAll($, selector, 'remove')).remove();
  $(doomed).remove();
}

/** What `select` keeps: elements, and ranges by their nodes (resolved before any change). */
export type Selection = (
  { kind: 'element'; el: Element } | { kind: 'range'; range: RangeSelector; start: Element; end: Element }
)[];

/**
 * Resolves `select`. Fails with SELECTOR_NOT_FOUND when nothing at all matches, or when a
 * range's start or end node is missing (CSS selectors of a list may match nothing, as in OTA).
 */
export function resolveSelection($: CheerioAPI, selectors: Selector[], url: string): Selection {
  const out: Selection = [];
  const missing: string[] = [];
  for (const selector of selectors) {
    if (typeof selector === 'string') {
      const els = matchAll($, selector, 'select');
      if (!els.length) missing.push(selector);
      for (const el of els) out.push({ kind: 'element', el });
    } else {
      const nodes = rangeNodes($, selector, 'select');
      // a range is defined by both its nodes: without one, what it covers is unknown, and a
      // partial text would read as the vendor deleting the rest (OTA fails the same way)
      if ('missing' in nodes) {
        throw new FetchError(
          'declaration',
          'SELECTOR_NOT_FOUND',
          `The page at ${url} has no match for "${nodes.missing}", a bound of the range ${describeSelector(selector)}`,
        );
      }
      out.push({ kind: 'range', range: selector, ...nodes });
    }
  }
  if (out.length === 0) {
    throw new FetchError(
      'declaration',
      'SELECTOR_NOT_FOUND',
      `The page at ${url} has no content for the declaration's select: nothing matches ${missing.join(', ')}`,
    );
  }
  return out;
}

/** The nodes a selection's pieces hang from: what must survive furniture removal. */
export function selectionAnchors(selection: Selection): Element[] {
  return selection.flatMap((p) => (p.kind === 'element' ? [p.el] : [p.start, p.end]));
}

/**
 * The selected HTML fragments in document order; a piece inside another one is kept once
 * (the reference's nested duplicates are not reproduced). An empty range gives nothing.
 */
export function selectedFragments($: CheerioAPI, selection: Selection): string[] {
  const root = $.root().get(0) as AnyNode;
  const spans = spansOf(root);
  const pieces: { bounds: Bounds; piece: Selection[number] }[] = [];
  for (const piece of selection) {
    let bounds: Bounds | null = null;
    if (piece.kind === 'element') {
      const span = spans.get(piece.el);
      if (span) bounds = { start: span.enter - 0.5, end: span.exit + 0.5 };
    } else bounds = boundsOf(piece.range, piece, spans);
    if (bounds && bounds.start < bounds.end) pieces.push({ bounds, piece });
  }
  if (pieces.length === 0) {
    throw new FetchError(
      'declaration',
      'SELECTOR_NOT_FOUND',
      `The declaration's select covers nothing: ${selection
        .flatMap((p) => (p.kind === 'range' ? [describeSelector(p.range)] : []))
        .join(', ')} ends before it starts`,
    );
  }
  // sorted by start (the wider first): a piece inside an earlier one ends before the furthest end
  pieces.sort((a, b) => a.bounds.start - b.bounds.start || b.bounds.end - a.bounds.end);
  const kept: typeof pieces = [];
  let furthest = -Infinity;
  for (const p of pieces) {
    if (p.bounds.end <= furthest) continue;
    kept.push(p);
    furthest = p.bounds.end;
  }
  return kept.map((p) =>
    p.piece.kind === 'element' ? $.html(p.piece.el) : rangeHtml($, root, p.bounds, spans),
  );
}
