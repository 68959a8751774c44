import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { DocumentRepository } from '@fineprint/db';
import { jobIds, QueueProducer, scheduleOffsetMs } from '@fineprint/queue';

const SCHEDULER_PREFIX = 'doc_';
const SCHEDULED_JOB_OPTS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

/**
 * One BullMQ job scheduler per active document, every `intervalMinutes` with a stable
 * per-document offset (jitter). The database is the truth: `syncAll` at worker boot
 * rebuilds the schedulers (after a Redis restart too) and removes strays; `syncOne`
 * follows every add, change, pause and delete.
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
    const queue = this.queues.queue('check');
    if (!document || !document.active || document.deletedAt) {
      await queue.removeJobScheduler(jobIds.schedulerForDocument(documentId));
      return 'removed';
    }
    await this.upsert(document);
    return 'scheduled';
  }

  async syncAll(): Promise<{ scheduled: number; removed: number }> {
    const wanted = await this.documents.listSchedulable();
    const queue = this.queues.queue('check');
    for (const document of wanted) await this.upsert(document);
    const keep = new Set(wanted.map((d) => jobIds.schedulerForDocument(d.id)));
    let removed = 0;
    for (let start = 0; ; start += 500) {
      const page = await queue.getJobSchedulers(start, start + 499);
      for (const scheduler of page) {
        const id = scheduler.id ?? scheduler.key;
        if (id.startsWith(SCHEDULER_PREFIX) && !keep.has(id)) {
          await queue.removeJobScheduler(id);
          removed++;
        }
      }
      if (page.length < 500) break;
    }
    this.logger.log({
      msg: 'schedules synced',
      scheduled: wanted.length,
      removed,
      prefix: this.config.QUEUE_PREFIX,
    });
    return { scheduled: wanted.length, removed };
  }

  private async upsert(document: { id: string; intervalMinutes: number }): Promise<void> {
    const every = document.intervalMinutes * 60_000;
    await this.queues.queue('check').upsertJobScheduler(
      jobIds.schedulerForDocument(document.id),
      { every, offset: scheduleOffsetMs(document.id, every) },
      {
        name: 'check-document',
        data: { documentId: document.id, trigger: 'scheduled' },
        opts: SCHEDULED_JOB_OPTS,
      },
    );
  }

  /** The daily digest job, at 07:00 UTC. */
  async scheduleDigest(): Promise<void> {
    await this.queues
      .queue('notify')
      .upsertJobScheduler(
        'daily-digest',
        { pattern: '0 7 * * *' },
        { name: 'send-digest', data: { day: '' }, opts: { attempts: 3 } },
      );
  }

  /** "Check now": one immediate check; a second request while one is queued adds nothing. */
  async checkNow(documentId: string): Promise<{ jobId: string; queued: boolean }> {
    const jobId = jobIds.manualCheck(documentId);
    const existing = await this.queues.queue('check').getJob(jobId);
    if (existing && !(await existing.isCompleted()) && !(await existing.isFailed()))
      return { jobId, queued: false };
    if (existing) await existing.remove().catch(() => undefined);
    await this.queues.add(
      'check',
      'check-document',
      { documentId, trigger: 'manual' },
      { jobId, priority: 1, attempts: 2, removeOnComplete: true, removeOnFail: true },
    );
    return { jobId, queued: true };
  }
}
