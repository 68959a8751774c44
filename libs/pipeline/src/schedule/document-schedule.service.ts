import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { DocumentRepository } from '@fineprint/db';
import { jobIds, QueueProducer } from '@fineprint/queue';

/**
 * One BullMQ job scheduler per active document, every `intervalMinutes` with a stable
 * per-document offset (jitter). The database is the truth: `syncAll` at worker boot
 * rebuilds the schedulers (after a Redis restart too) and removes strays; `syncOne`
 * follows every add, change, pause and delete, and checks a document never checked at
 * once (not at its first slot).
 */
@Injectable()
export class DocumentScheduleService {
  private readonly logger = new Logger(DocumentScheduleService.name);

  constructor(
    private readonly documents: DocumentRepository,
    private readonly queues: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  async syncOne(documentId: string): Promise<'scheduled' | 'removed'> {
    const document = await this.documents.findById(documentId);
    if (!document || !document.active || document.deletedAt) {
      await this.queues.unschedule('scheduledCheck', { documentId, intervalMinutes: 0 });
      return 'removed';
    }
    await this.queues.schedule('scheduledCheck', { documentId, intervalMinutes: document.intervalMinutes });
    if (!document.lastCheckedAt) await this.queues.enqueue.firstCheck({ documentId });
    return 'scheduled';
  }

  async syncAll(): Promise<{ scheduled: number; removed: number }> {
    const wanted = await this.documents.listSchedulable();
    for (const d of wanted) {
      await this.queues.schedule('scheduledCheck', { documentId: d.id, intervalMinutes: d.intervalMinutes });
    }
    const removed = await this.queues.removeStrayDocumentSchedulers(
      new Set(wanted.map((d) => jobIds.schedulerForDocument(d.id))),
    );
    this.logger.log({
      msg: 'schedules synced',
      scheduled: wanted.length,
      removed,
      prefix: this.config.QUEUE_PREFIX,
    });
    return { scheduled: wanted.length, removed };
  }

  /** The daily digest job, at 07:00 UTC. */
  async scheduleDigest(): Promise<void> {
    await this.queues.schedule('dailyDigest', {});
  }

  /** "Check now": one immediate check; a second request while one is queued adds nothing. */
  checkNow(documentId: string): Promise<{ jobId: string; queued: boolean }> {
    return this.queues.enqueueUnlessQueued('manualCheck', { documentId });
  }
}
