import { cellsOf } from './side-lines';

/** A cell's text without its emphasis marks ("**Cookie**" → "Cookie", "`_ga`" → "_ga"). */
export function plainCell(cell: string): string {
  return cell.replace(/[*_`]/gu, '').trim();
}

/** A cookie table's first header cell ("| Cookie | Provider | Purpose | Expiry |"). */
export const COOKIE_HEADER =
  /^(cookies?( name)?|name|trackers?|pixels?|tags?|technolog(y|ies)|identifiers?)$/iu;

/**
 * Whether a table row's answer turned from no to yes ('yes'), or from yes to no ('no'): the same
 * first cell, and a second cell that opens with the answer.
 */
export function answerCellFlip(before: string, after: string): 'yes' | 'no' | null {
  if (!before.trimStart().startsWith('|') || !after.trimStart().startsWith('|')) return null;
  const b = cellsOf(before);
  const a = cellsOf(after);
  if (b.length < 2 || a.length < 2 || (b[0] ?? '').toLowerCase() !== (a[0] ?? '').toLowerCase()) return null;
  const answer = (cell: string) =>
    /^\W*(no|none|never|not)\b/iu.test(cell) ? 'no' : /^\W*(yes|always)\b/iu.test(cell) ? 'yes' : null;
  const was = answer(b[1] ?? '');
  const now = answer(a[1] ?? '');
  return was && now && was !== now ? now : null;
}

/**
 * A changed cell under a header that asks whether the row's data is sold, shared, disclosed or
 * sent to partners: "No" → "Yes – to advertising partners" is sharing expanded (a sale when the
 * header says sold; advertising when the cell or the header names ads), and the reverse narrowed.
 * Rows are compared only when both have the header's number of cells.
 */
export function soldOrSharedColumn(
  before: string,
  after: string,
  header: string[] | null,
): { kind: string; topics: (string | null)[] } | null {
  if (!header) return null;
  const was = cellsOf(before);
  const now = cellsOf(after);
  if (was.length !== header.length || now.length !== header.length) return null;
  const no = (c: string) => NO_CELL.test(c.toLowerCase().replace(/[*_.]/gu, '').trim());
  for (let j = 0; j < header.length; j++) {
    const name = (header[j] as string).toLowerCase();
    const a = was[j] as string;
    const b = now[j] as string;
    if (!SOLD_OR_SHARED.test(name) || a === b || no(a) === no(b)) continue;
    const widened = no(a);
    const cell = widened ? b : a;
    // (the column asks about a sale: its "yes" is one; recipients for ads are advertising too)
    const topics: (string | null)[] = [];
    if (/\b(sold|sale|sell)\b/u.test(name)) topics.push('sale-of-data');
    if (/advertis|\bads?\b/iu.test(cell) || /advertis|\bads?\b/iu.test(name)) topics.push('advertising');
    return {
      kind: widened ? 'sharing-expanded' : 'sharing-narrowed',
      topics: topics.length ? topics : [null],
    };
  }
  return null;
}
const SOLD_OR_SHARED =
  /\b(sold|sale|sell|shared|share|disclosed to third parties|(sent|given|passed|provided|transferred|disclosed) to (\w+ ){0,2}(partners?|third parties|advertisers|companies|affiliates|vendors))\b/u;
const NO_CELL = /^(no|none|not sold|not shared|never|n\/a|-|—|–|)$/u;

/**
 * A row's cell under a header that asks whether the user can refuse ("Can you say no?", "Opt
 * out?", "Can you turn it off?") that turned from yes to no, or back: the choice about what the
 * row names is gone, or offered. Returns the row's other cells (what the choice is about) and the
 * new answer.
 */
export function choiceColumnFlip(
  before: string,
  after: string,
  header: string[] | null,
): { now: 'yes' | 'no'; about: string } | null {
  if (!header) return null;
  const was = cellsOf(before);
  const now = cellsOf(after);
  if (was.length !== header.length || now.length !== header.length) return null;
  for (let j = 0; j < header.length; j++) {
    if (!CHOICE_HEADER.test((header[j] as string).toLowerCase())) continue;
    const a = answerOf(was[j] as string);
    const b = answerOf(now[j] as string);
    if (!a || !b || a === b) continue;
    return { now: b, about: now.filter((_, k) => k !== j).join(', ') };
  }
  return null;
}
const CHOICE_HEADER =
  /\b(say no|opt[- ]?out|turn (it )?off|switch (it )?off|refuse|decline|optional|your choice|can you (choose|stop|control|limit))\b/u;
function answerOf(cell: string): 'yes' | 'no' | null {
  return /^\W*(no|none|never|not)\b/iu.test(cell) ? 'no' : /^\W*(yes|optional)\b/iu.test(cell) ? 'yes' : null;
}

/**
 * A row's cell under a "Default" header that turned from off to on ('on'), or back ('off'): the
 * same row otherwise, and both rows with the header's number of cells.
 */
export function defaultColumnFlip(
  before: string,
  after: string,
  header: string[] | null,
): 'on' | 'off' | null {
  if (!header) return null;
  const was = cellsOf(before);
  const now = cellsOf(after);
  if (was.length !== header.length || now.length !== header.length) return null;
  const state = (c: string) => {
    const t = c
      .toLowerCase()
      .replace(/[*_`.]/gu, '')
      .trim();
    return ON_CELL.test(t) ? 'on' : OFF_CELL.test(t) ? 'off' : null;
  };
  let flip: 'on' | 'off' | null = null;
  for (let j = 0; j < header.length; j++) {
    if (was[j] === now[j]) continue;
    if (!DEFAULT_HEADER.test(plainCell(header[j] as string).toLowerCase())) return null;
    const a = state(was[j] as string);
    const b = state(now[j] as string);
    if (!a || !b || a === b) return null;
    flip = b;
  }
  return flip;
}
const DEFAULT_HEADER =
  /^(default|defaults|by default|default (setting|state|value)|(on|enabled) by default\??|out of the box)$/u;
const ON_CELL = /^(on|yes|enabled|active|checked|opted in)\b/u;
const OFF_CELL = /^(off|no|disabled|inactive|unchecked|opted out)\b/u;
