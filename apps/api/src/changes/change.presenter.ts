import { type ChangeStatsView, type ChangeTagView, type ChangeView } from '@fineprint/contracts';
import { type ChangeWithContext } from '@fineprint/db';
import { type DiffResult, renderHtmlInline, renderHtmlSideBySide, renderUnified } from '@fineprint/diff';
import { classificationOf } from '@fineprint/notify';

import { presentVendor } from '../documents/document.presenter';

export function presentChange(
  change: ChangeWithContext,
  publicUrl: string,
  options: { withDiff: boolean },
): ChangeView<Date> {
  const base: ChangeView<Date> = {
    id: change.id,
    summary: change.summary,
    severity: change.severity,
    severityRule: change.severityRule,
    cosmetic: change.cosmetic,
    state: change.state,
    stateReason: change.stateReason,
    tags: change.tags as unknown as ChangeTagView[],
    topics: change.topics,
    kinds: change.kinds,
    stats: change.stats as ChangeStatsView,
    detectedAt: change.detectedAt,
    announcedAt: change.announcedAt,
    document: {
      id: change.document.id,
      title: change.document.title,
      url: change.document.url,
      type: change.document.type,
    },
    vendor: presentVendor(change.document.vendor),
    fromVersion: {
      ...change.fromVersion,
      rawUrl: `${publicUrl}/api/v1/snapshots/${change.fromVersion.snapshotId}/raw`,
    },
    toVersion: {
      ...change.toVersion,
      rawUrl: `${publicUrl}/api/v1/snapshots/${change.toVersion.snapshotId}/raw`,
    },
    links: {
      self: `${publicUrl}/api/v1/changes/${change.id}`,
      page: `${publicUrl}/changes/${change.id}`,
      fromVersion: `${publicUrl}/api/v1/versions/${change.fromVersion.id}`,
      toVersion: `${publicUrl}/api/v1/versions/${change.toVersion.id}`,
    },
  };
  if (!options.withDiff) return base;
  const diff = change.diff as unknown as DiffResult;
  const classification = classificationOf(change);
  return {
    ...base,
    diff,
    rendered: {
      unified: renderUnified(diff),
      inline: renderHtmlInline(diff, classification),
      sideBySide: renderHtmlSideBySide(diff, classification),
    },
  };
}
