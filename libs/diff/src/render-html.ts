import { type Classification, type DiffResult, type HunkLine, type WordOp } from './diff.types';
import { plainText, splitSentences } from './split-sentences';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

type Citations = Map<string, string[]>;

function citationIndex(classification?: Classification): Citations {
  const index: Citations = new Map();
  for (const tag of classification?.tags ?? []) {
    const label = [tag.kind, tag.topic].filter(Boolean).join(' ');
    for (const c of tag.citations) index.set(c.text, [...(index.get(c.text) ?? []), label]);
  }
  return index;
}

/** A whole paragraph, as readable text, with the cited sentences marked. */
function paragraph(text: string, cited: Citations, wrap: 'del' | 'ins' | null): string {
  const sentences = splitSentences(text);
  const body = (sentences.length ? sentences : [plainText(text)])
    .map((s) => {
      const labels = cited.get(s);
      const inner = escapeHtml(s);
      return labels
        ? `<mark class="fp-cited" data-tag="${escapeHtml(labels.join(', '))}">${inner}</mark>`
        : inner;
    })
    .join(' ');
  return wrap ? `<${wrap} class="fp-${wrap}">${body}</${wrap}>` : body;
}

function wordOps(ops: WordOp[], keep: 'both' | 'before' | 'after'): string {
  return ops
    .map((o) => {
      if (o.op === 'equal') return escapeHtml(o.text);
      if (o.op === 'delete') return keep === 'after' ? '' : `<del class="fp-del">${escapeHtml(o.text)}</del>`;
      return keep === 'before' ? '' : `<ins class="fp-ins">${escapeHtml(o.text)}</ins>`;
    })
    .join('');
}

function lineCited(line: HunkLine, cited: Citations): string[] {
  const text = line.ops.map((o) => o.text).join(' ');
  const plain = plainText(text);
  return [...cited.entries()]
    .filter(([sentence]) => plain.includes(sentence))
    .flatMap(([, labels]) => labels);
}

function changeLine(line: HunkLine, cited: Citations, keep: 'both' | 'before' | 'after'): string {
  const labels = lineCited(line, cited);
  const attrs = labels.length ? ` fp-cited" data-tag="${escapeHtml([...new Set(labels)].join(', '))}` : '';
  return `<p class="fp-line fp-change${line.cosmetic ? ' fp-cosmetic' : ''}${attrs}">${wordOps(line.ops, keep)}</p>`;
}

function inlineLine(line: HunkLine, cited: Citations): string {
  const text = line.ops[0]?.text ?? '';
  switch (line.kind) {
    case 'equal':
      return `<p class="fp-line fp-equal">${paragraph(text, cited, null)}</p>`;
    case 'delete':
      return `<p class="fp-line fp-delete${line.cosmetic ? ' fp-cosmetic' : ''}">${paragraph(text, cited, 'del')}</p>`;
    case 'insert':
      return `<p class="fp-line fp-insert${line.cosmetic ? ' fp-cosmetic' : ''}">${paragraph(text, cited, 'ins')}</p>`;
    case 'move-from':
      return `<p class="fp-line fp-move-from"><span class="fp-note">moved down:</span> <del class="fp-del">${escapeHtml(plainText(text))}</del></p>`;
    case 'move-to':
      return `<p class="fp-line fp-move-to"><span class="fp-note">moved here:</span> <ins class="fp-ins">${escapeHtml(plainText(text))}</ins></p>`;
    case 'change':
      return changeLine(line, cited, 'both');
  }
}

function hunkHeader(section: string | null, cosmetic: boolean): string {
  return `<h4 class="fp-section">${section ? escapeHtml(section) : 'Start of the document'}${cosmetic ? ' <small>(cosmetic)</small>' : ''}</h4>`;
}

/** The diff as HTML, removed and added text inline; every piece of page text is escaped. */
export function renderHtmlInline(diff: DiffResult, classification?: Classification): string {
  if (diff.identical) return '<div class="fp-diff fp-identical"><p>No change.</p></div>';
  const cited = citationIndex(classification);
  const hunks = diff.hunks.map(
    (h) =>
      `<section class="fp-hunk${h.cosmetic ? ' fp-cosmetic' : ''}">${hunkHeader(h.section, h.cosmetic)}${h.lines.map((l) => inlineLine(l, cited)).join('')}</section>`,
  );
  return `<div class="fp-diff fp-inline">${hunks.join('')}</div>`;
}

function side(line: HunkLine, cited: Citations, which: 'before' | 'after'): string {
  const text = line.ops[0]?.text ?? '';
  if (line.kind === 'equal') return paragraph(text, cited, null);
  if (line.kind === 'change') return changeLine(line, cited, which);
  if (which === 'before' && (line.kind === 'delete' || line.kind === 'move-from'))
    return paragraph(text, cited, 'del');
  if (which === 'after' && (line.kind === 'insert' || line.kind === 'move-to'))
    return paragraph(text, cited, 'ins');
  return '';
}

/** The diff as a two-column table, before on the left and after on the right. */
export function renderHtmlSideBySide(diff: DiffResult, classification?: Classification): string {
  if (diff.identical) return '<div class="fp-diff fp-identical"><p>No change.</p></div>';
  const cited = citationIndex(classification);
  const body = diff.hunks
    .map(
      (h) =>
        `<tr class="fp-hunk-row"><th colspan="2" scope="colgroup">${hunkHeader(h.section, h.cosmetic)}</th></tr>` +
        h.lines
          .map(
            (l) =>
              `<tr class="fp-row fp-${l.kind}"><td>${side(l, cited, 'before')}</td><td>${side(l, cited, 'after')}</td></tr>`,
          )
          .join(''),
    )
    .join('');
  return `<table class="fp-diff fp-side-by-side"><thead><tr><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>${body}</tbody></table>`;
}
