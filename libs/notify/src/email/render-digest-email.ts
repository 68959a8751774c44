import { type ChangeNotification } from '../change-notification';
import { emailLayout, SEVERITY_COLOR } from './email-layout';
import { escapeHtml } from './escape-html';
import { type RenderedEmail } from './render-change-email';

/** Several changes in one daily email, most severe first. */
export function renderDigestEmail(
  day: string,
  changes: ChangeNotification[],
  unsubscribeUrl: string,
): RenderedEmail {
  const order = { high: 0, medium: 1, low: 2, cosmetic: 3 } as const;
  const sorted = [...changes].sort((a, b) => order[a.severity] - order[b.severity]);
  const subject = `[Fineprint] ${changes.length} change${changes.length === 1 ? '' : 's'} on ${day}`;
  const html = emailLayout(
    subject,
    `<h1 style="font-size:20px">${escapeHtml(subject.replace('[Fineprint] ', ''))}</h1><ul style="padding-left:20px">${sorted
      .map(
        (n) =>
          `<li style="margin:0 0 12px"><strong style="color:${SEVERITY_COLOR[n.severity] ?? '#1a1a1a'}">${escapeHtml(n.severity)}</strong> — <a href="${escapeHtml(n.links.change)}" style="color:#0b57d0">${escapeHtml(n.summary)}</a>${n.tags
            .filter((t) => t.kind)
            .flatMap((t) => t.citations.slice(0, 1))
            .slice(0, 2)
            .map(
              (c) =>
                `<br><small>${c.side === 'removed' ? 'Removed' : 'Added'}: “${escapeHtml(c.text)}”</small>`,
            )
            .join('')}</li>`,
      )
      .join('')}</ul>`,
    `A daily digest from Fineprint. <a href="${escapeHtml(unsubscribeUrl)}" style="color:#555">Unsubscribe</a>.`,
  );
  const text = [
    subject,
    '',
    ...sorted.map((n) => `* [${n.severity}] ${n.summary}\n  ${n.links.change}`),
    '',
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');
  return { subject, html, text };
}
