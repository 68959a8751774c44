import { kindWords, tagBasis } from '@fineprint/diff';

import { type ChangeNotification } from '../change-notification';
import { emailLayout, SEVERITY_COLOR } from './email-layout';
import { escapeHtml } from './escape-html';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const words = (s: string) => s.replace(/-/g, ' ');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function tagsHtml(n: ChangeNotification): string {
  const tags = n.tags.filter((t) => t.kind || t.citations.length);
  if (tags.length === 0) return '';
  return `<h2 style="font-size:17px;margin:24px 0 8px">What it means</h2>${tags
    .map(
      (t) =>
        `<p style="margin:12px 0 4px"><strong>${escapeHtml(capital([t.kind && kindWords(t.kind), t.topic && words(t.topic)].filter(Boolean).join(' · ')))}</strong> <span style="color:#5f6368;font-size:13px">(${escapeHtml(tagBasis(t))})</span></p>${t.citations
          .map(
            (c) =>
              `<blockquote style="margin:4px 0;padding:6px 10px;border-left:4px solid ${c.side === 'removed' ? '#a50e0e' : '#1f5e2e'};background:#fafafa">${c.side === 'removed' ? 'Removed' : 'Added'}: ${escapeHtml(c.text)}</blockquote>`,
          )
          .join('')}`,
    )
    .join('')}`;
}

function tagsText(n: ChangeNotification): string {
  const tags = n.tags.filter((t) => t.kind || t.citations.length);
  return tags
    .map((t) =>
      [
        `* ${capital([t.kind && kindWords(t.kind), t.topic && words(t.topic)].filter(Boolean).join(' / '))} (${tagBasis(t)})`,
        ...t.citations.map((c) => `  ${c.side === 'removed' ? '- Removed' : '+ Added'}: "${c.text}"`),
      ].join('\n'),
    )
    .join('\n');
}

/** One change, for one subscriber: subject, HTML and plain text. */
export function renderChangeEmail(n: ChangeNotification, unsubscribeUrl: string): RenderedEmail {
  // the kinds a tag carries; parents listed for filters ("retention changed") add nothing here
  const own = n.kinds.filter((k) => n.tags.some((t) => t.kind === k));
  const kinds = own.length ? own : n.kinds;
  const headline = kinds.length
    ? kinds.map(kindWords).join(', ')
    : n.cosmetic
      ? 'cosmetic edit'
      : 'wording changed';
  const subject = `[Fineprint] ${capital(n.severity)}: ${n.vendor.name} – ${n.document.title}: ${headline}`;
  const html = emailLayout(
    subject,
    `<p style="margin:0 0 8px"><span style="display:inline-block;border:1px solid ${SEVERITY_COLOR[n.severity] ?? '#1a1a1a'};color:${SEVERITY_COLOR[n.severity] ?? '#1a1a1a'};border-radius:4px;padding:0 6px;font-weight:700;font-size:13px">${escapeHtml(n.severity)}</span> ${escapeHtml(n.vendor.name)}</p>
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(n.summary)}</h1>
${tagsHtml(n)}
<h2 style="font-size:17px;margin:24px 0 8px">What changed</h2>
<div style="font-size:14px">${n.diffExcerpt.html}</div>
<p style="margin:24px 0"><a href="${escapeHtml(n.links.change)}" style="color:#0b57d0">Read the whole change on Fineprint</a> · <a href="${escapeHtml(n.document.url)}" style="color:#0b57d0">the document itself</a></p>`,
    `You receive this because you subscribed to Fineprint. <a href="${escapeHtml(unsubscribeUrl)}" style="color:#555">Unsubscribe</a>.`,
  );
  const text = [
    n.summary,
    '',
    `Severity: ${n.severity}`,
    `Document: ${n.vendor.name} – ${n.document.title} (${n.document.url})`,
    '',
    n.tags.some((t) => t.kind || t.citations.length) ? `What it means:\n${tagsText(n)}\n` : '',
    'What changed:',
    n.diffExcerpt.unified,
    '',
    `Read the whole change: ${n.links.change}`,
    '',
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');
  return { subject, html, text };
}
