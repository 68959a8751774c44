import { type ChangeView, type DocumentView, MINIMUM_SEVERITIES, type Page } from '@fineprint/contracts';

import { qs } from '../api-client';
import { ChangeList, Failure, Loading } from '../components';
import { html, formatDate } from '../html';
import { useApi } from '../use-api';

export function HomePage({ url }: { url: URL }) {
  const severity = url.searchParams.get('minSeverity') ?? '';
  const topic = url.searchParams.get('topic') ?? '';
  const changes = useApi<Page<ChangeView>>(
    `/api/v1/changes${qs({ limit: 50, minSeverity: severity, topic })}`,
  );
  const failing = useApi<Page<DocumentView>>('/api/v1/documents?status=failing&limit=50');
  return html` <h1>Recent changes</h1>
    <div class="grid">
      <section aria-labelledby="changes-h">
        <h2 id="changes-h" class="muted" style="margin-top:0">What vendors changed, newest first</h2>
        <form method="get" action="/" class="filters">
          <label
            >Minimum severity
            <select name="minSeverity" value=${severity}>
              <option value="">any</option>
              ${MINIMUM_SEVERITIES.map((s) => html`<option value=${s}>${s}</option>`)}
            </select></label
          >
          <button type="submit">Filter</button>
        </form>
        ${changes.error ? html`<${Failure} error=${changes.error} />` : changes.data ? html`<${ChangeList} items=${changes.data.items} />` : html`<${Loading} />`}
      </section>
      <aside aria-labelledby="failing-h">
        <h2 id="failing-h" style="margin-top:0">Documents failing</h2>
        ${
          failing.data
            ? failing.data.items.length === 0
              ? html`<p class="muted">None: every document's last checks worked.</p>`
              : html`<ul class="plain">
                  ${failing.data.items.map(
                    (d) =>
                      html`<li>
                        <a href=${`/documents/${d.id}`}>${d.vendor.name} – ${d.title}</a>
                        <div class="muted">${d.lastError ?? ''} · ${formatDate(d.lastCheckedAt)}</div>
                      </li>`,
                  )}
                </ul>`
            : html`<${Loading} />`
        }
        <h2>Follow</h2>
        <p>
          <a href="/subscribe">Subscribe by email</a>, or use the feeds:
          <a href="/feeds/changes.atom">Atom</a>, <a href="/feeds/changes.rss">RSS</a>,
          <a href="/feeds/changes.json">JSON Feed</a>.
        </p>
      </aside>
    </div>`;
}
