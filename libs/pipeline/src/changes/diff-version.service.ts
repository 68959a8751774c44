import { Injectable, Logger } from '@nestjs/common';

import { changeEntryFor, getsChange } from '@fineprint/contracts';
import { ChangeRepository, DocumentRepository, VersionRepository } from '@fineprint/db';
import { analyzeChange } from '@fineprint/diff';

import { VersionGoneError } from '../pipeline.errors';
import { ChangeLifecycleService } from './change-lifecycle.service';

export interface DiffVersionResult {
  changeId: string | null;
  created: boolean;
  reason?: string;
}

/**
 * Turns a new version into a Change: diff against the base version (the newest earlier
 * one that counts as a base, see libs/contracts lifecycle.ts), classify, summarise, store once.
 */
@Injectable()
export class DiffVersionService {
  private readonly logger = new Logger(DiffVersionService.name);

  constructor(
    private readonly versions: VersionRepository,
    private readonly documents: DocumentRepository,
    private readonly changes: ChangeRepository,
    private readonly lifecycle: ChangeLifecycleService,
  ) {}

  async diffVersion(versionId: string): Promise<DiffVersionResult> {
    const version = await this.versions.findById(versionId);
    if (!version) throw new VersionGoneError(versionId);
    if (!getsChange(version.status)) {
      return { changeId: null, created: false, reason: `a ${version.status} version has no change` };
    }
    const existing = await this.changes.findByToVersion(versionId);
    if (existing) {
      await this.lifecycle.syncAnnouncement(versionId);
      return { changeId: existing.id, created: false };
    }
    const base = await this.versions.findBaseBefore(version.documentId, version.seq);
    if (!base) return { changeId: null, created: false, reason: 'no earlier version to compare with' };
    const document = await this.documents.findById(version.documentId);
    if (!document) throw new VersionGoneError(versionId);

    const analysis = analyzeChange(base.text, version.text, { title: document.title });
    const entry = changeEntryFor(version.status);
    const { change, created } = await this.changes.createOnce({
      documentId: version.documentId,
      fromVersionId: base.id,
      toVersionId: version.id,
      ...analysis.classification,
      summary: analysis.summary,
      stats: { ...analysis.diff.stats, diffMs: analysis.timing.diffMs },
      diff: analysis.diff,
      state: entry.state,
      stateReason: entry.reason,
    });
    this.logger.log({
      changeId: change.id,
      versionId,
      severity: change.severity,
      created,
      msg: 'change recorded',
    });
    await this.lifecycle.syncAnnouncement(versionId);
    return { changeId: change.id, created };
  }
}
