import { MINIMUM_SEVERITIES, TOPICS, type VendorView } from '@fineprint/contracts';
import { useState } from 'preact/hooks';

import { api } from '../api-client';
import { formValue } from '../form-value';
import { html, label } from '../html';
import { useApi } from '../use-api';

export function SubscribePage() {
  const vendors = useApi<{ items: VendorView[] }>('/api/v1/vendors');
  const [state, setState] = useState<{ sent: boolean; error: string | null; busy: boolean }>({
    sent: false,
    error: null,
    busy: false,
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const scope: Record<string, unknown> = {
      minSeverity: formValue(form, 'minSeverity') || 'low',
      includeCosmetic: form.get('includeCosmetic') === 'on',
    };
    if (formValue(form, 'vendor')) scope['vendor'] = formValue(form, 'vendor');
    if (formValue(form, 'topic')) scope['topic'] = formValue(form, 'topic');
    setState({ sent: false, error: null, busy: true });
    try {
      await api('/api/v1/subscriptions', {
        method: 'POST',
        body: JSON.stringify({
          email: formValue(form, 'email'),
          scope,
          digest: formValue(form, 'digest') || 'immediate',
        }),
      });
      setState({ sent: true, error: null, busy: false });
    } catch (error) {
      setState({ sent: false, error: (error as Error).message, busy: false });
    }
  };

  return html` <h1>Subscribe</h1>
    <p>
      Get an email when a vendor changes its fine print. You will first get a message with a link to confirm
      the address.
    </p>
    ${state.sent ? html`<p class="notice" role="status">Check your inbox: if this address can receive mail, a confirmation link is on its way.</p>` : ''}
    ${state.error ? html`<p class="error" role="alert">${state.error}</p>` : ''}
    <form class="stack" onSubmit=${submit}>
      <label for="email">Email address</label>
      <input id="email" name="email" type="email" required autocomplete="email" />
      <label for="vendor">Vendor</label>
      <select id="vendor" name="vendor">
        <option value="">every vendor</option>
        ${(vendors.data?.items ?? []).map((v) => html`<option value=${v.slug}>${v.name}</option>`)}
      </select>
      <label for="topic">Topic</label>
      <select id="topic" name="topic">
        <option value="">every topic</option>
        ${TOPICS.map((t) => html`<option value=${t}>${label(t)}</option>`)}
      </select>
      <label for="minSeverity">Minimum severity</label>
      <select id="minSeverity" name="minSeverity">
        ${[...MINIMUM_SEVERITIES]
          .reverse()
          .map(
            (s, i, all) =>
              html`<option value=${s}>${i === all.length - 1 ? `${s} only` : `${s} and above`}</option>`,
          )}
      </select>
      <label for="digest">How often</label>
      <select id="digest" name="digest">
        <option value="immediate">each change, as it is found</option>
        <option value="daily">one daily digest</option>
      </select>
      <label
        ><input type="checkbox" name="includeCosmetic" style="width:auto" /> Also cosmetic changes
        (punctuation, formatting, links)</label
      >
      <p><button type="submit" disabled=${state.busy}>Subscribe</button></p>
    </form>
    <h2>Feeds</h2>
    <p>
      All changes: <a href="/feeds/changes.atom">Atom</a> · <a href="/feeds/changes.rss">RSS 2.0</a> ·
      <a href="/feeds/changes.json">JSON Feed</a>. Per vendor:
      <code>/feeds/vendors/&lt;vendor&gt;.atom</code>; per document:
      <code>/feeds/documents/&lt;id&gt;.atom</code>; per topic: <code>/feeds/topics/&lt;topic&gt;.atom</code>.
    </p>`;
}
