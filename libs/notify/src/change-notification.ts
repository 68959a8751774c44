import { type Kind, type Severity, type Topic } from '@fineprint/contracts';
import { type Change, type ChangeWithContext } from '@fineprint/db';
import { type Classification, type DiffResult, renderHtmlInline, renderUnified } from '@fineprint/diff';

export { type Severity };

export interface NotificationTag {
  topic: string | null;
  kind: string | null;
  rule: string;
  citations: { side: 'removed' | 'added'; text: string }[];
}

/** What every channel says about one change: plain data, no database types. */
export interface ChangeNotification {
  changeId: string;
  detectedAt: string;
  severity: Severity;
  summary: string;
  cosmetic: boolean;
  document: { id: string; title: string; url: string; type: string };
  vendor: { id: string; slug: string; name: string };
  tags: NotificationTag[];
  topics: Topic[];
  kinds: Kind[];
  stats: { wordsAdded: number; wordsRemoved: number; changedShare: number };
  diffExcerpt: { unified: string; html: string };
  links: { change: string; fromVersion: string; toVersion: string; document: string };
}

const EXCERPT_HUNKS = 2;
const EXCERPT_CHARS = 1500;

/** A stored change's classification, as the diff engine's renderers take it. */
export function classificationOf(change: Change): Classification {
  return {
    severity: change.severity,
    severityRule: change.severityRule ?? '',
    cosmetic: change.cosmetic,
    tags: change.tags as unknown as Classification['tags'],
    topics: change.topics,
    kinds: change.kinds,
  };
}

/** Builds the view of a change that emails, webhooks and feeds share. */
export function toChangeNotification(change: ChangeWithContext, publicUrl: string): ChangeNotification {
  const diff = change.diff as unknown as DiffResult;
  const excerpt: DiffResult = {
    ...diff,
    hunks: (diff.hunks ?? []).filter((h) => !h.cosmetic).slice(0, EXCERPT_HUNKS),
  };
  const classification = classificationOf(change);
  const stats = change.stats as { wordsAdded?: number; wordsRemoved?: number; changedShare?: number };
  const unified = renderUnified(excerpt);
  return {
    changeId: change.id,
    detectedAt: change.detectedAt.toISOString(),
    severity: change.severity,
    summary: change.summary,
    cosmetic: change.cosmetic,
    document: {
      id: change.document.id,
      title: change.document.title,
      url: change.document.url,
      type: change.document.type,
    },
    vendor: {
      id: change.document.vendor.id,
      slug: change.document.vendor.slug,
      name: change.document.vendor.name,
    },
    tags: classification.tags,
    topics: change.topics,
    kinds: change.kinds,
    stats: {
      wordsAdded: stats.wordsAdded ?? 0,
      wordsRemoved: stats.wordsRemoved ?? 0,
      changedShare: stats.changedShare ?? 0,
    },
    diffExcerpt: {
      unified: unified.length > EXCERPT_CHARS ? `${unified.slice(0, EXCERPT_CHARS)}\n…` : unified,
      html: renderHtmlInline(excerpt, classification),
    },
    links: {
      change: `${publicUrl}/changes/${change.id}`,
      fromVersion: `${publicUrl}/api/v1/versions/${change.fromVersionId}`,
      toVersion: `${publicUrl}/api/v1/versions/${change.toVersionId}`,
      document: `${publicUrl}/documents/${change.documentId}`,
    },
  };
}
