import { type ChangeTagView, type ChangeView } from '@fineprint/contracts';

import { formatDate, html, label } from './html';

export const SeverityBadge = ({ severity }: { severity: string }) =>
  html`<span class=${`badge sev-${severity}`} title="severity">${severity}</span>`;

export const TagBadges = ({ topics, kinds }: { topics: string[]; kinds: string[] }) => html`
  ${kinds.map((k) => html`<span class="badge kind">${label(k)}</span>`)}
  ${topics.map((t) => html`<span class="badge topic">${label(t)}</span>`)}
`;

export const ChangeList = ({ items }: { items: ChangeView[] }) =>
  items.length === 0
    ? html`<p class="muted">No changes yet.</p>`
    : html`<ul class="changes">
        ${items.map(
          (c) =>
            html`<li>
              <${SeverityBadge} severity=${c.severity} />
              <a href=${`/changes/${c.id}`}>${c.summary}</a>
              <div class="muted">
                ${c.vendor.name} · ${formatDate(c.detectedAt)}
                ${c.state !== 'announced' ? html`· <em>${c.state}</em>` : ''}
              </div>
              <div><${TagBadges} topics=${c.topics} kinds=${c.kinds} /></div>
            </li>`,
        )}
      </ul>`;

export const TagList = ({ tags }: { tags: ChangeTagView[] }) =>
  tags.length === 0
    ? html`<p class="muted">No meaning tags: the change did not match any rule.</p>`
    : html`<ul class="plain">
        ${tags.map(
          (t) =>
            html`<li>
              <h3>
                ${t.kind ? html`<span class="badge kind">${label(t.kind)}</span>` : ''}
                ${t.topic ? html`<span class="badge topic">${label(t.topic)}</span>` : ''}
                ${t.severity ? html`<${SeverityBadge} severity=${t.severity} />` : ''}
                <small class="muted">${tagBasis(t)}</small>
              </h3>
              ${t.citations.map(
                (c) =>
                  html`<blockquote class=${`cite ${c.side}`}>
                    <strong>${c.side === 'removed' ? 'Removed' : 'Added'}:</strong> ${c.text}
                  </blockquote>`,
              )}
            </li>`,
        )}
      </ul>`;

/** What decided a tag, in words (the email says the same). */
export function tagBasis(t: ChangeTagView): string {
  const by =
    t.source === 'model'
      ? `learned model ${t.rule.replace(/^.*model:/, '')}, p = ${t.score ?? '?'}`
      : `rule ${t.rule}`;
  return t.severity ? `${by}; ${t.severity} by severity rule ${t.severityRule ?? '?'}` : by;
}

export const Failure = ({ error }: { error: string }) => html`<p class="error" role="alert">${error}</p>`;
export const Loading = () => html`<p class="loading" aria-live="polite">Loading…</p>`;
