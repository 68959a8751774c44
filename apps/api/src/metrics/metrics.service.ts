import { Injectable } from '@nestjs/common';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';

import { ChangeRepository, CheckRunRepository, DeliveryRepository, DocumentRepository } from '@fineprint/db';
import { QueueProducer } from '@fineprint/queue';

/**
 * Prometheus metrics. Checks and deliveries happen in the workers, so the numbers are
 * read from the database and the queues at scrape time (the truth every replica shares)
 * instead of from counters in this process.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly checks = this.gauge('fineprint_check_runs', 'Check runs recorded, by outcome (all time)', [
    'outcome',
  ]);
  private readonly fetchSeconds = this.gauge(
    'fineprint_check_duration_seconds',
    'Check durations over the last hour',
    ['quantile'],
  );
  private readonly changes = this.gauge('fineprint_changes', 'Changes recorded, by severity and state', [
    'severity',
    'state',
  ]);
  private readonly deliveries = this.gauge('fineprint_deliveries', 'Deliveries, by channel and status', [
    'channel',
    'status',
  ]);
  private readonly queueJobs = this.gauge('fineprint_queue_jobs', 'Jobs per queue and state', [
    'queue',
    'state',
  ]);
  private readonly documents = this.gauge('fineprint_documents', 'Tracked documents by status', ['status']);

  private readonly scheduleLag = this.gauge(
    'fineprint_schedule_lag_seconds',
    'How late scheduled checks started after their tick, over the last 15 minutes (queue lag)',
    ['quantile'],
  );
  private readonly overdue = this.gauge(
    'fineprint_documents_overdue',
    'Active documents not checked for more than twice their interval (a lost or starved schedule)',
    [],
  );

  constructor(
    private readonly checkRuns: CheckRunRepository,
    private readonly changeRows: ChangeRepository,
    private readonly deliveryRows: DeliveryRepository,
    private readonly documentRows: DocumentRepository,
    private readonly queues: QueueProducer,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'fineprint_api_' });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  async render(): Promise<string> {
    const [checks, durations, changes, deliveries, documents, queueCounts, lag, overdue] = await Promise.all([
      this.checkRuns.countAllByOutcome(),
      this.checkRuns.durationQuantiles(new Date(Date.now() - 3600_000)),
      this.changeRows.countBySeverityAndState(),
      this.deliveryRows.countByStatus(),
      this.documentRows.countByStatus(),
      this.queues.counts().catch(() => null),
      this.checkRuns.scheduleLagQuantiles(new Date(Date.now() - 15 * 60_000)),
      this.documentRows.countOverdue(),
    ]);
    this.checks.reset();
    for (const row of checks) this.checks.set({ outcome: row.outcome }, row.count);
    this.fetchSeconds.set({ quantile: '0.5' }, (durations.p50 ?? 0) / 1000);
    this.fetchSeconds.set({ quantile: '0.95' }, (durations.p95 ?? 0) / 1000);
    for (const quantile of ['0.5', '0.95', 'max'] as const) {
      const value = quantile === '0.5' ? lag.p50 : quantile === '0.95' ? lag.p95 : lag.max;
      this.scheduleLag.set({ quantile }, Math.max(0, Number(value ?? 0)));
    }
    this.overdue.set(overdue);
    this.changes.reset();
    for (const row of changes) this.changes.set({ severity: row.severity, state: row.state }, row.count);
    this.deliveries.reset();
    for (const row of deliveries)
      this.deliveries.set({ channel: row.channel, status: row.status }, row.count);
    this.documents.reset();
    for (const row of documents) this.documents.set({ status: row.status }, row.count);
    this.queueJobs.reset();
    for (const [queue, counts] of Object.entries(queueCounts ?? {})) {
      for (const [state, n] of Object.entries(counts)) this.queueJobs.set({ queue, state }, n);
    }
    return this.registry.metrics();
  }
}
