import {
  type ChangeView,
  type DocumentSourceView,
  type DocumentView,
  type FilterView,
  type Page,
  type SelectorView,
  type VersionView,
} from '@fineprint/contracts';
import { useEffect, useState } from 'preact/hooks';

import { api } from '../api-client';
import { ChangeList, Failure, Loading } from '../components';
import { formatDate, html, label } from '../html';
import { useApi } from '../use-api';

/** Versions load a page at a time, so a document with hundreds of versions stays fast. */
function useVersionPages(id: string) {
  const [items, setItems] = useState<VersionView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = (next: string | null) =>
    api<Page<VersionView>>(
      `/api/v1/documents/${encodeURIComponent(id)}/versions?limit=50${next ? `&cursor=${next}` : ''}`,
    )
      .then((page) => {
        setItems((prev) => (next ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setDone(page.nextCursor === null);
      })
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load(null);
  }, [id]);
  return { items, more: done ? null : () => void load(cursor), error };
}

/** A selector in words: CSS as written, a range by its two points. */
function selectorText(selector: SelectorView): string {
  if (typeof selector === 'string') return selector;
  const start =
    selector.startBefore !== undefined
      ? `before ${selector.startBefore}`
      : `after ${selector.startAfter ?? '?'}`;
  const end =
    selector.endBefore !== undefined ? `before ${selector.endBefore}` : `after ${selector.endAfter ?? '?'}`;
  return `range from ${start} to ${end}`;
}

const filterText = (filter: FilterView): string =>
  typeof filter === 'string'
    ? filter
    : Object.entries(filter)
        .map(([name, params]) => `${name} ${JSON.stringify(params)}`)
        .join(', ');

const Codes = ({ items, none }: { items: string[]; none: string }) =>
  items.length === 0
    ? html`<span class="muted">${none}</span>`
    : html`<ul class="plain codes">
        ${items.map((item) => html`<li><code>${item}</code></li>`)}
      </ul>`;

/** What the declaration takes from a page: its selectors, removals and filters. */
const DeclarationRows = ({ d }: { d: Pick<DocumentSourceView, 'select' | 'remove' | 'filters'> }) =>
  html`<tr>
      <th scope="row">Selects</th>
      <td><${Codes} items=${d.select.map(selectorText)} none="the whole page" /></td>
    </tr>
    <tr>
      <th scope="row">Removes</th>
      <td><${Codes} items=${d.remove.map(selectorText)} none="nothing" /></td>
    </tr>
    ${
      d.filters.length
        ? html`<tr>
            <th scope="row">Filters</th>
            <td><${Codes} items=${d.filters.map(filterText)} none="none" /></td>
          </tr>`
        : ''
    }`;

/** A combined document's pages, each with its own URL and selectors. */
const SourceList = ({ sources }: { sources: DocumentSourceView[] }) =>
  html`<section aria-labelledby="sources-h">
    <h2 id="sources-h">Pages of this document</h2>
    <p class="muted">
      ${sources.length} pages fetched in this order and kept as one snapshot; their texts, joined, are the
      document's text.
    </p>
    <ol class="sources">
      ${sources.map(
        (source) =>
          html`<li>
            <a href=${source.url} rel="noopener noreferrer">${source.url}</a>
            <div class="table-wrap">
              <table>
                <tbody>
                  <${DeclarationRows} d=${source} />
                  <tr>
                    <th scope="row">Fetched with</th>
                    <td>${source.fetch}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </li>`,
      )}
    </ol>
  </section>`;

/** Named filters that have not run: the text may be wider than what the declaration keeps. */
const FiltersPending = ({ names }: { names: string[] }) =>
  html`<section class="notice filters-pending" role="note" aria-labelledby="filters-pending-h">
    <h2 id="filters-pending-h" style="margin-top:0">Filters pending</h2>
    <p>
      These named filters have not run: ${names.map((n, i) => html`${i ? ', ' : ''}<code>${n}</code>`)}. The
      text may be wider than the declaration. They are the collection's own code and run only once the
      operator opts in to it (<code>${'fineprint catalog import-ota <folder> --run-filters'}</code>).
    </p>
  </section>`;

export function DocumentPage({ id }: { id: string }) {
  const doc = useApi<DocumentView>(`/api/v1/documents/${encodeURIComponent(id)}`);
  const changes = useApi<Page<ChangeView>>(`/api/v1/changes?documentId=${encodeURIComponent(id)}&limit=20`);
  const versions = useVersionPages(id);
  const instability = useApi<{
    flips: number;
    between?: [number, number];
    region: { section: string | null; removed: string[]; added: string[] }[];
  }>(`/api/v1/documents/${encodeURIComponent(id)}/instability`);
  if (doc.error) return html`<${Failure} error=${doc.error} />`;
  const d = doc.data;
  if (!d) return html`<${Loading} />`;
  return html` <p><a href=${`/vendors/${d.vendor.slug}`}>${d.vendor.name}</a></p>
    <h1>${d.title}</h1>
    <div class="table-wrap">
      <table>
        <tbody>
          <tr>
            <th scope="row">Status</th>
            <td class=${`status-${d.status}`}>
              ${d.status}${d.unstable ? ' · unstable (flips between texts)' : ''}${d.active ? '' : ' · paused'}
            </td>
          </tr>
          <tr>
            <th scope="row">URL</th>
            <td>
              <a href=${d.url} rel="noopener noreferrer">${d.url}</a>
              ${d.sources ? html`<span class="muted"> · ${d.sources.length} pages combined (below)</span>` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">Type</th>
            <td>${label(d.type)}</td>
          </tr>
          ${d.sources ? '' : html`<${DeclarationRows} d=${{ ...d.selectors, filters: d.filters }} />`}
          <tr>
            <th scope="row">Schedule</th>
            <td>every ${d.intervalMinutes} min · fetched with ${d.fetch}</td>
          </tr>
          <tr>
            <th scope="row">Last checked</th>
            <td>${formatDate(d.lastCheckedAt)}</td>
          </tr>
          <tr>
            <th scope="row">Last changed</th>
            <td>${formatDate(d.lastChangedAt)}</td>
          </tr>
          ${
            d.lastError
              ? html`<tr>
                  <th scope="row">Last error</th>
                  <td>${d.lastError}</td>
                </tr>`
              : ''
          }
        </tbody>
      </table>
    </div>
    ${d.filtersPending ? html`<${FiltersPending} names=${d.namedFilters} />` : ''}
    ${d.sources ? html`<${SourceList} sources=${d.sources} />` : ''}
    ${
      d.unstable && instability.data?.between
        ? html`<section class="notice" aria-labelledby="flip-h">
            <h2 id="flip-h" style="margin-top:0">This page flips between texts</h2>
            <p>
              ${instability.data.flips} recent versions repeat an earlier text. Between versions
              ${instability.data.between[0]} and ${instability.data.between[1]} this is what changes back and
              forth — a <code>remove</code> selector for it would quiet the document:
            </p>
            ${instability.data.region.map(
              (r) =>
                html`<h3>${r.section ?? 'Start of the document'}</h3>
                  ${r.removed.map((t) => html`<blockquote class="cite removed">${t}</blockquote>`)}
                  ${r.added.map((t) => html`<blockquote class="cite added">${t}</blockquote>`)}`,
            )}
          </section>`
        : ''
    }
    <h2>Changes</h2>
    ${changes.data ? html`<${ChangeList} items=${changes.data.items} />` : html`<${Loading} />`}
    <h2>Version timeline</h2>
    ${versions.error ? html`<${Failure} error=${versions.error} />` : ''}
    <form method="get" action=${`/documents/${d.id}/compare`} class="filters">
      <label>Compare version <input name="from" type="number" min="1" required size="4" /></label>
      <label> with <input name="to" type="number" min="1" required size="4" /></label>
      <button type="submit">Compare</button>
    </form>
    <ul class="timeline">
      ${versions.items.map(
        (v) =>
          html`<li>
            <strong>#${v.seq}</strong> ${formatDate(v.recordedAt)} ·
            <span class="badge">${v.status}</span>
            ${v.statusReason ? html`<span class="muted">${v.statusReason}</span>` : ''} ·
            <a href=${v.links.text}>text</a> · <a href=${v.links.raw} download>raw</a>
            ${v.seq > 1 ? html` · <a href=${`/documents/${d.id}/compare?from=${v.seq - 1}&to=${v.seq}`}>diff with #${v.seq - 1}</a>` : ''}
          </li>`,
      )}
    </ul>
    ${versions.more ? html`<p><button onClick=${versions.more}>Older versions</button></p>` : ''}`;
}
