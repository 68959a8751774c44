import htm from 'htm';
import { h } from 'preact';

/** Tagged templates for Preact (no JSX build step). Text is escaped by Preact. */
export const html = htm.bind(h);

export const formatDate = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

export const label = (slug: string) => slug.replace(/[-_]/g, ' ');
