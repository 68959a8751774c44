import { type ChangeTagView } from '@fineprint/contracts';

import { Failure, Loading, SeverityBadge, TagList } from '../components';
import { html } from '../html';
import { useApi } from '../use-api';

interface Comparison {
  from: { seq: number };
  to: { seq: number };
  summary: string;
  severity: string;
  tags: ChangeTagView[];
  rendered: { inline: string; sideBySide: string };
}

export function ComparePage({ id, url }: { id: string; url: URL }) {
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  const result = useApi<Comparison>(
    `/api/v1/documents/${encodeURIComponent(id)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  if (result.error) return html`<${Failure} error=${result.error} />`;
  const r = result.data;
  if (!r) return html`<${Loading} />`;
  return html` <p><a href=${`/documents/${id}`}>Back to the document</a></p>
    <h1>Version ${r.from.seq} → ${r.to.seq}</h1>
    <p><${SeverityBadge} severity=${r.severity} /> ${r.summary}</p>
    <h2>What it means</h2>
    <${TagList} tags=${r.tags} />
    <h2>Side by side</h2>
    <div class="diff" dangerouslySetInnerHTML=${{ __html: r.rendered.sideBySide }}></div>`;
}
