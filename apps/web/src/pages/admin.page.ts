import { type DocumentView, type Page } from '@fineprint/contracts';
import { useState } from 'preact/hooks';

import { adminToken, api } from '../api-client';
import { formValue } from '../form-value';
import { Failure, Loading } from '../components';
import { formatDate, html } from '../html';
import { useApi } from '../use-api';

interface Endpoint {
  id: string;
  url: string;
  active: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
}
interface DeliveryRow {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  createdAt: string;
}

function TokenForm({ onSet }: { onSet: () => void }) {
  return html`<form
    class="stack"
    onSubmit=${(e: Event) => {
      e.preventDefault();
      const token = formValue(new FormData(e.currentTarget as HTMLFormElement), 'token');
      if (token) adminToken.set(token);
      onSet();
    }}
  >
    <label for="token">Admin token</label>
    <input id="token" name="token" type="password" required autocomplete="off" />
    <p class="muted">Kept in this browser tab only.</p>
    <button type="submit">Open admin</button>
  </form>`;
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const log = useApi<Page<DeliveryRow>>(`/api/v1/webhooks/${endpointId}/deliveries?limit=20`, {
    admin: true,
  });
  if (!log.data) return html`<${Loading} />`;
  return html`<table>
    <thead>
      <tr>
        <th>Event</th>
        <th>Status</th>
        <th>Attempts</th>
        <th>Code</th>
        <th>Error</th>
        <th>When</th>
        <th></th>
      </tr>
    </thead>
    <tbody>
      ${log.data.items.map(
        (d) =>
          html`<tr>
            <td>${d.eventType}</td>
            <td>${d.status}</td>
            <td>${d.attempts}</td>
            <td>${d.responseCode ?? ''}</td>
            <td>${d.lastError ?? ''}</td>
            <td>${formatDate(d.createdAt)}</td>
            <td>
              <button
                onClick=${() => void api(`/api/v1/deliveries/${d.id}/redeliver`, { method: 'POST', admin: true }).then(log.reload)}
              >
                Redeliver
              </button>
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function AdminPage() {
  const [, setTick] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const docs = useApi<Page<DocumentView>>(adminToken.get() ? '/api/v1/documents?limit=200' : null);
  const hooks = useApi<{ items: Endpoint[] }>(adminToken.get() ? '/api/v1/webhooks' : null, { admin: true });
  const queues = useApi<Record<string, Record<string, number>>>(
    adminToken.get() ? '/api/v1/admin/queues' : null,
    { admin: true },
  );
  if (!adminToken.get())
    return html`<h1>Admin</h1>
      <${TokenForm} onSet=${() => setTick((t) => t + 1)} />`;
  const act = (path: string, init: RequestInit, done: string) =>
    api(path, { ...init, admin: true })
      .then(() => {
        setMessage(done);
        docs.reload();
      })
      .catch((e: Error) => setMessage(`Failed: ${e.message}`));
  const addDocument = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    void act(
      '/api/v1/documents',
      {
        method: 'POST',
        body: JSON.stringify({
          vendor: formValue(f, 'vendor'),
          title: formValue(f, 'title'),
          url: formValue(f, 'url'),
          fetch: formValue(f, 'fetch'),
          ...(formValue(f, 'select') ? { select: formValue(f, 'select') } : {}),
        }),
      },
      'Document added.',
    );
  };
  return html` <h1>Admin</h1>
    <p>
      <button
        onClick=${() => {
          adminToken.clear();
          setTick((t) => t + 1);
        }}
      >
        Forget the token
      </button>
    </p>
    ${message ? html`<p class="notice" role="status">${message}</p>` : ''}
    ${docs.error ? html`<${Failure} error=${docs.error} />` : ''}
    <h2>Documents</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Document</th>
            <th>Status</th>
            <th>Last checked</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          ${(docs.data?.items ?? []).map(
            (d) =>
              html`<tr>
                <td><a href=${`/documents/${d.id}`}>${d.vendor.name} – ${d.title}</a></td>
                <td class=${`status-${d.status}`}>${d.status}${d.active ? '' : ' (paused)'}</td>
                <td>${formatDate(d.lastCheckedAt)}</td>
                <td>
                  <button
                    onClick=${() => void act(`/api/v1/documents/${d.id}/check`, { method: 'POST' }, 'Check queued.')}
                  >
                    Check now
                  </button>
                  <button
                    onClick=${() => void act(`/api/v1/documents/${d.id}`, { method: 'PATCH', body: JSON.stringify({ active: !d.active }) }, d.active ? 'Paused.' : 'Resumed.')}
                  >
                    ${d.active ? 'Pause' : 'Resume'}
                  </button>
                  <button
                    class="danger"
                    onClick=${() => confirm(`Stop tracking ${d.title}? Its history is kept.`) && void act(`/api/v1/documents/${d.id}`, { method: 'DELETE' }, 'Deleted.')}
                  >
                    Delete
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h3>Track a document</h3>
    <form class="stack" onSubmit=${addDocument}>
      <label for="a-vendor">Vendor</label><input id="a-vendor" name="vendor" required />
      <label for="a-title">Title</label><input id="a-title" name="title" required />
      <label for="a-url">URL</label><input id="a-url" name="url" type="url" required />
      <label for="a-select">Content selector (CSS, optional)</label><input id="a-select" name="select" />
      <label for="a-fetch">Fetch</label
      ><select id="a-fetch" name="fetch">
        <option value="auto">auto</option>
        <option value="http">http</option>
        <option value="browser">browser</option>
      </select>
      <p><button type="submit">Add</button></p>
    </form>
    <h2>Webhooks</h2>
    ${(hooks.data?.items ?? []).map(
      (h) =>
        html`<section>
          <h3>${h.url} ${h.active ? '' : html`<span class="badge sev-high">disabled</span>`}</h3>
          ${h.disabledReason ? html`<p class="error">${h.disabledReason}</p>` : ''}
          <p>
            <button
              onClick=${() => void act(`/api/v1/webhooks/${h.id}/ping`, { method: 'POST' }, 'Ping queued.')}
            >
              Send ping
            </button>
          </p>
          <${Deliveries} endpointId=${h.id} />
        </section>`,
    )}
    <h2>Queues</h2>
    ${
      queues.data
        ? html`<table>
              <thead>
                <tr>
                  <th>Queue</th>
                  <th>Waiting</th>
                  <th>Active</th>
                  <th>Delayed</th>
                  <th>Failed</th>
                </tr>
              </thead>
              <tbody>
                ${Object.entries(queues.data).map(
                  ([name, c]) =>
                    html`<tr>
                      <td>${name}</td>
                      <td>${c['waiting'] ?? 0}</td>
                      <td>${c['active'] ?? 0}</td>
                      <td>${c['delayed'] ?? 0}</td>
                      <td>${c['failed'] ?? 0}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
            <p><a href="/admin/queues">Queue board</a></p>`
        : html`<${Loading} />`
    }`;
}
