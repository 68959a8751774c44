import { type ChangeView, type DocumentView, type Page, type VendorView } from '@fineprint/contracts';

import { ChangeList, Failure, Loading } from '../components';
import { formatDate, html } from '../html';
import { useApi } from '../use-api';

export function VendorPage({ slug }: { slug: string }) {
  const vendor = useApi<VendorView>(`/api/v1/vendors/${encodeURIComponent(slug)}`);
  const docs = useApi<Page<DocumentView>>(`/api/v1/documents?vendor=${encodeURIComponent(slug)}&limit=200`);
  const changes = useApi<Page<ChangeView>>(`/api/v1/changes?vendor=${encodeURIComponent(slug)}&limit=30`);
  if (vendor.error) return html`<${Failure} error=${vendor.error} />`;
  if (!vendor.data) return html`<${Loading} />`;
  return html` <h1>${vendor.data.name}</h1>
    <p><a href=${`/feeds/vendors/${slug}.atom`}>Atom feed of ${vendor.data.name}'s changes</a></p>
    <h2>Documents</h2>
    ${
      docs.data
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last changed</th>
                </tr>
              </thead>
              <tbody>
                ${docs.data.items.map(
                  (d) =>
                    html`<tr>
                      <td><a href=${`/documents/${d.id}`}>${d.title}</a></td>
                      <td class=${`status-${d.status}`}>${d.status}</td>
                      <td>${formatDate(d.lastChangedAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<${Loading} />`
    }
    <h2>Recent changes</h2>
    ${changes.data ? html`<${ChangeList} items=${changes.data.items} />` : html`<${Loading} />`}`;
}
