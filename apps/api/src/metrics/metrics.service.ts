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

  constructor(
    private readonly checkRuns: CheckRunRepository,
    private readonly changeRows: ChangeRepository,
    private readonly deliveryRows: DeliveryRepository,
    private readonly documentRows: DocumentRepository,
    private readonly queues: QueueProducer,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'fineprint_api_' });
  }

  async render(): Promise<string> {
    const [checks, durations, changes, deliveries, documents, queueCounts] = await Promise.all([
      this.checkRuns.countAllByOutcome(),
      this.checkRuns.durationQuantiles(new Date(Date.now() - 3600_000)),
      this.changeRows.countBySeverityAndState(),
      this.deliveryRows.countByStatus(),
      this.documentRows.countByStatus(),
      this.queues.counts().catch(() => null),
    ]);
    this.checks.reset();
    for (const row of checks) this.checks.set({ outcome: row.outcome }, row.count);
    this.fetchSeconds.set({ quantile: '0.5' }, (durations.p50 ?? 0) / 1000);
    this.fetchSeconds.set({ quantile: '0.95' }, (durations.p95 ?? 0) / 1000);
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
