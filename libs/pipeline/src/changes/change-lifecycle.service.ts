import { Injectable, Logger } from '@nestjs/common';

import {
  changeTransitionFor,
  isAnnounceable,
  isAnnounced,
  needsChange,
  SUPPRESSED_TRANSIENT,
  VERSION_REASONS,
  type VersionStatus,
} from '@fineprint/contracts';
import { ChangeRepository, VersionRepository } from '@fineprint/db';
import { QueueProducer } from '@fineprint/queue';

/**
 * Moves a version and its change through the lifecycle of libs/contracts (lifecycle.ts),
 * by named transitions only: pending until a re-check confirms it, then announced exactly
 * once (a conditional state transition, then a fan-out job with a deterministic id);
 * transient when the re-check saw something else.
 */
@Injectable()
export class ChangeLifecycleService {
  private readonly logger = new Logger(ChangeLifecycleService.name);

  constructor(
    private readonly versions: VersionRepository,
    private readonly changes: ChangeRepository,
    private readonly queues: QueueProducer,
  ) {}

  /** The confirming re-check saw the same text: the version is confirmed, its change announced. */
  async confirm(versionId: string): Promise<void> {
    await this.versions.transition(versionId, 'confirm', VERSION_REASONS.confirm);
    await this.syncAnnouncement(versionId);
  }

  /** The confirming re-check saw something else: the version is transient, its change suppressed. */
  async dropTransient(versionId: string): Promise<void> {
    await this.versions.transition(versionId, 'dropTransient', VERSION_REASONS.dropTransient);
    const change = await this.changes.findByToVersion(versionId);
    if (change) await this.changes.transition(change.id, 'suppress', SUPPRESSED_TRANSIENT);
  }

  /** An operator released a quarantined version: it is diffed and announced like any other. */
  async release(versionId: string): Promise<void> {
    await this.versions.transition(versionId, 'release', VERSION_REASONS.release);
    await this.queues.enqueue.diffVersion({ versionId });
  }

  /** Announces the version's change if the version is confirmed and the change still pending. */
  async syncAnnouncement(versionId: string): Promise<void> {
    const [version, change] = await Promise.all([
      this.versions.findById(versionId),
      this.changes.findByToVersion(versionId),
    ]);
    if (!version || !change) return;
    const next = changeTransitionFor(version.status, change.state);
    if (next && (await this.changes.transition(change.id, next.transition, next.reason))) {
      if (next.transition === 'announce')
        this.logger.log({ changeId: change.id, versionId, msg: 'change announced' });
    }
    if (isAnnounceable(version.status)) {
      const current = await this.changes.findByToVersion(versionId);
      if (current && isAnnounced(current.state))
        await this.queues.enqueue.fanOutChange({ changeId: current.id });
    }
  }

  /**
   * Crash recovery on every quiet check: when the newest version should have a change
   * and has none (the process died between storing it and enqueueing its diff), enqueue
   * the diff again. The deterministic job id keeps this from ever doubling work.
   */
  async ensureFollowUps(
    documentId: string,
    known?: { id: string; status: VersionStatus; hasChange?: boolean } | null,
  ): Promise<void> {
    const latest = known === undefined ? await this.versions.latest(documentId) : known;
    if (!latest || !needsChange(latest.status)) return;
    if (known?.hasChange) return;
    const change = await this.changes.findByToVersion(latest.id);
    if (!change) await this.queues.enqueue.diffVersion({ versionId: latest.id });
  }
}
