import { type ChangeView } from '@fineprint/contracts';
import { useState } from 'preact/hooks';

import { Failure, Loading, SeverityBadge, TagBadges, TagList } from '../components';
import { formatDate, html } from '../html';
import { useApi } from '../use-api';

export function ChangePage({ id }: { id: string }) {
  const change = useApi<ChangeView>(`/api/v1/changes/${encodeURIComponent(id)}`);
  const [view, setView] = useState<'inline' | 'side'>('inline');
  if (change.error) return html`<${Failure} error=${change.error} />`;
  const c = change.data;
  if (!c) return html`<${Loading} />`;
  return html` <p>
      <a href=${`/vendors/${c.vendor.slug}`}>${c.vendor.name}</a> ›
      <a href=${`/documents/${c.document.id}`}>${c.document.title}</a>
    </p>
    <h1><${SeverityBadge} severity=${c.severity} /> ${c.summary}</h1>
    <p class="muted">
      Detected ${formatDate(c.detectedAt)} · ${c.state}${c.stateReason ? ` (${c.stateReason})` : ''} · version
      ${c.fromVersion.seq} → ${c.toVersion.seq} · raw snapshots:
      <a href=${c.fromVersion.rawUrl} download>before</a>, <a href=${c.toVersion.rawUrl} download>after</a>
    </p>
    <p><${TagBadges} topics=${c.topics} kinds=${c.kinds} /></p>
    <section aria-labelledby="meaning-h">
      <h2 id="meaning-h">What it means</h2>
      <${TagList} tags=${c.tags} />
    </section>
    <section aria-labelledby="diff-h">
      <h2 id="diff-h">What changed</h2>
      <div class="tabs" role="tablist" aria-label="Diff view">
        <button role="tab" aria-selected=${view === 'inline'} onClick=${() => setView('inline')}>
          Inline
        </button>
        <button role="tab" aria-selected=${view === 'side'} onClick=${() => setView('side')}>
          Side by side
        </button>
      </div>
      <div
        class="diff"
        role="tabpanel"
        dangerouslySetInnerHTML=${{ __html: view === 'inline' ? (c.rendered?.inline ?? '') : (c.rendered?.sideBySide ?? '') }}
      ></div>
      <p class="muted">
        Highlighted passages are the sentences the meaning tags cite. The diff HTML is produced by Fineprint's
        diff engine, which escapes all page text.
      </p>
    </section>
    <p>
      <a href=${`/documents/${c.document.id}/compare?from=${c.fromVersion.seq}&to=${c.toVersion.seq}`}
        >Compare other versions of this document</a
      >
    </p>`;
}
