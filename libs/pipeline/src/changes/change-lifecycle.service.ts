import { Injectable, Logger } from '@nestjs/common';

import { ChangeRepository, VersionRepository } from '@fineprint/db';
import { jobIds, QueueProducer } from '@fineprint/queue';

const NEEDS_CHANGE = new Set(['pending', 'confirmed', 'revert', 'released']);

/**
 * The states a version and its change move through after the diff: pending until a
 * re-check confirms it, then announced exactly once (a conditional state transition,
 * then a fan-out job with a deterministic id); transient when the re-check saw
 * something else.
 */
@Injectable()
export class ChangeLifecycleService {
  private readonly logger = new Logger(ChangeLifecycleService.name);

  constructor(
    private readonly versions: VersionRepository,
    private readonly changes: ChangeRepository,
    private readonly queues: QueueProducer,
  ) {}

  async confirm(versionId: string): Promise<void> {
    await this.versions.setStatus(versionId, 'confirmed', 'confirmed by a re-check');
    await this.syncAnnouncement(versionId);
  }

  async markTransient(versionId: string): Promise<void> {
    await this.versions.setStatus(versionId, 'transient', 'gone on re-check');
    const change = await this.changes.findByToVersion(versionId);
    if (change)
      await this.changes.transition(change.id, 'pending', 'suppressed', 'transient: gone on re-check');
  }

  /** Announces the version's change if the version is confirmed and the change still pending. */
  async syncAnnouncement(versionId: string): Promise<void> {
    const [version, change] = await Promise.all([
      this.versions.findById(versionId),
      this.changes.findByToVersion(versionId),
    ]);
    if (!version || !change) return;
    if (version.status === 'transient' && change.state === 'pending') {
      await this.changes.transition(change.id, 'pending', 'suppressed', 'transient: gone on re-check');
      return;
    }
    if ((version.status === 'confirmed' || version.status === 'released') && change.state === 'pending') {
      if (await this.changes.transition(change.id, 'pending', 'announced', null)) {
        this.logger.log({ changeId: change.id, versionId, msg: 'change announced' });
      }
    }
    if (version.status === 'confirmed' || version.status === 'released') {
      const current = await this.changes.findByToVersion(versionId);
      if (current?.state === 'announced') {
        await this.queues.add(
          'notify',
          'fan-out-change',
          { changeId: current.id },
          { jobId: jobIds.fanOut(current.id) },
        );
      }
    }
  }

  /**
   * Crash recovery on every quiet check: when the newest version should have a change
   * and has none (the process died between storing it and enqueueing its diff), enqueue
   * the diff again. The deterministic job id keeps this from ever doubling work.
   */
  async ensureFollowUps(
    documentId: string,
    known?: { id: string; status: string; hasChange?: boolean } | null,
  ): Promise<void> {
    const latest = known === undefined ? await this.versions.latest(documentId) : known;
    if (!latest || !NEEDS_CHANGE.has(latest.status)) return;
    if (known?.hasChange) return;
    const change = await this.changes.findByToVersion(latest.id);
    if (!change) {
      await this.queues.add(
        'diff',
        'diff-version',
        { versionId: latest.id },
        { jobId: jobIds.diffVersion(latest.id) },
      );
    }
  }
}
