import { Injectable } from '@nestjs/common';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';

import { PrismaService } from '@fineprint/db';
import { QueueProducer } from '@fineprint/queue';

/**
 * Prometheus metrics. Checks and deliveries happen in the workers, so the numbers are
 * read from the database and the queues at scrape time (the truth every replica shares)
 * instead of from counters in this process.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly checks = new Gauge({
    name: 'fineprint_check_runs',
    help: 'Check runs recorded, by outcome (all time)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly fetchSeconds = new Gauge({
    name: 'fineprint_check_duration_seconds',
    help: 'Check durations over the last hour',
    labelNames: ['quantile'],
    registers: [this.registry],
  });
  private readonly changes = new Gauge({
    name: 'fineprint_changes',
    help: 'Changes recorded, by severity and state',
    labelNames: ['severity', 'state'],
    registers: [this.registry],
  });
  private readonly deliveries = new Gauge({
    name: 'fineprint_deliveries',
    help: 'Deliveries, by channel and status',
    labelNames: ['channel', 'status'],
    registers: [this.registry],
  });
  private readonly queueJobs = new Gauge({
    name: 'fineprint_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  private readonly documents = new Gauge({
    name: 'fineprint_documents',
    help: 'Tracked documents by status',
    labelNames: ['status'],
    registers: [this.registry],
  });

  private readonly scheduleLag = new Gauge({
    name: 'fineprint_schedule_lag_seconds',
    help: 'How late scheduled checks started after their tick, over the last 15 minutes (queue lag)',
    labelNames: ['quantile'],
    registers: [this.registry],
  });
  private readonly overdue = new Gauge({
    name: 'fineprint_documents_overdue',
    help: 'Active documents not checked for more than twice their interval (a lost or starved schedule)',
    registers: [this.registry],
  });

  constructor(
    private readonly prisma: PrismaService,
    private readonly queues: QueueProducer,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'fineprint_api_' });
  }

  async render(): Promise<string> {
    const [checks, durations, changes, deliveries, documents, queueCounts, lag, overdue] = await Promise.all([
      this.prisma.checkRun.groupBy({ by: ['outcome'], _count: true }),
      this.prisma.$queryRaw<{ p50: number | null; p95: number | null }[]>`
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95
        FROM "CheckRun" WHERE "startedAt" > now() - interval '1 hour'`,
      this.prisma.change.groupBy({ by: ['severity', 'state'], _count: true }),
      this.prisma.delivery.groupBy({ by: ['channel', 'status'], _count: true }),
      this.prisma.document.groupBy({ by: ['status'], where: { deletedAt: null }, _count: true }),
      this.queues.counts().catch(() => null),
      // a scheduled job's id ends with its tick in ms: repeat:<scheduler id>:<tick>
      this.prisma.$queryRaw<{ p50: number | null; p95: number | null; max: number | null }[]>`
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY lag) AS p95,
               max(lag)::float8 AS max
        FROM (SELECT EXTRACT(EPOCH FROM "startedAt")::float8
                     - split_part("jobId", ':', 3)::bigint / 1000.0 AS lag
              FROM "CheckRun"
              WHERE "trigger" = 'scheduled' AND "jobId" ~ '^repeat:[^:]+:[0-9]+$'
                AND "startedAt" > now() - interval '15 minutes') AS runs`,
      this.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Document"
        WHERE "active" AND "deletedAt" IS NULL
          AND coalesce("lastCheckedAt", "createdAt") < now() - make_interval(mins => 2 * "intervalMinutes")`,
    ]);
    this.checks.reset();
    for (const row of checks) this.checks.set({ outcome: row.outcome }, row._count);
    this.fetchSeconds.set({ quantile: '0.5' }, (durations[0]?.p50 ?? 0) / 1000);
    this.fetchSeconds.set({ quantile: '0.95' }, (durations[0]?.p95 ?? 0) / 1000);
    for (const quantile of ['0.5', '0.95', 'max'] as const) {
      const row = lag[0];
      const value = quantile === '0.5' ? row?.p50 : quantile === '0.95' ? row?.p95 : row?.max;
      this.scheduleLag.set({ quantile }, Math.max(0, Number(value ?? 0)));
    }
    this.overdue.set(Number(overdue[0]?.n ?? 0));
    this.changes.reset();
    for (const row of changes) this.changes.set({ severity: row.severity, state: row.state }, row._count);
    this.deliveries.reset();
    for (const row of deliveries)
      this.deliveries.set({ channel: row.channel, status: row.status }, row._count);
    this.documents.reset();
    for (const row of documents) this.documents.set({ status: row.status }, row._count);
    this.queueJobs.reset();
    for (const [queue, counts] of Object.entries(queueCounts ?? {})) {
      for (const [state, n] of Object.entries(counts)) this.queueJobs.set({ queue, state }, n);
    }
    return this.registry.metrics();
  }
}
