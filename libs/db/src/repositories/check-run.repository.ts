import { Injectable } from '@nestjs/common';
import { type CheckRun, type Document, Prisma } from '@prisma/client';

import {
  type CheckOutcome,
  type CheckTrigger,
  type FetchErrorKind,
  type FetchMode,
} from '@fineprint/contracts';

import { MicroBatcher } from '../batching/micro-batcher';
import { PrismaService } from '../prisma.service';
import { run, SQL } from '../sql/hot-path.sql';
import { type DocumentTip } from './version.repository';

/** What a check reads before fetching: the declaration and the document's tip. */
export interface CheckContextRow {
  document: Document;
  tip: DocumentTip;
  /** Whether the newest version already has its change (crash recovery needs none then). */
  tipHasChange: boolean;
}

/** What every CheckRun records: which attempt of which check, and how long it took. */
export interface RunOrigin {
  documentId: string;
  /** The attempt's run key: one per enqueued job (see jobIds.checkRunKey); null outside a queue. */
  jobId: string | null;
  attempt: number;
  trigger: CheckTrigger;
  startedAt: Date;
  durationMs: number;
}

/** What a check that fetched something stored or found. */
export interface StoredRefs {
  httpStatus: number | null;
  fetchedWith: Exclude<FetchMode, 'auto'> | null;
  snapshotId: string | null;
  versionId: string | null;
}

/** A check that succeeded: its run, and the document's success stamp. */
export interface SuccessRun extends RunOrigin, StoredRefs {
  outcome: Extract<CheckOutcome, 'unchanged' | 'not_modified' | 'new_version'>;
  /** The document changed (a new version that is not a baseline): stamps `lastChangedAt`. */
  changed?: boolean;
  at: Date;
}

/** A check that failed (nothing stored) or stored a quarantined page. */
export interface ProblemRun extends RunOrigin, Partial<StoredRefs> {
  outcome: Extract<CheckOutcome, 'failed' | 'quarantined'>;
  errorKind: FetchErrorKind;
  errorCode: string;
  errorMessage: string;
}

@Injectable()
export class CheckRunRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Records one attempt. A replayed attempt (same job id and attempt number, e.g.
   * after a crash between the write and the acknowledgement) returns the first record.
   */
  async record(data: ProblemRun): Promise<CheckRun> {
    try {
      return await this.prisma.checkRun.create({
        data: { ...data, errorMessage: data.errorMessage.slice(0, 2000) },
      });
    } catch (error) {
      if (data.jobId && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        return this.prisma.checkRun.findUniqueOrThrow({
          where: { jobId_attempt: { jobId: data.jobId, attempt: data.attempt } },
        });
      }
      throw error;
    }
  }

  /** Batches the per-check reads and writes of concurrently running checks. */
  private readonly contexts = new MicroBatcher((ids: string[]) => this.loadContexts(ids));
  private readonly successRuns = new MicroBatcher((runs: SuccessRun[]) => this.recordSuccessRuns(runs));

  /**
   * Everything a check needs before it fetches, in one round trip: the document row, its
   * newest snapshot and version, and whether that version has its change. Concurrent
   * checks share one query (see MicroBatcher).
   */
  loadContext(documentId: string): Promise<CheckContextRow | null> {
    return this.contexts.load(documentId);
  }

  /**
   * A successful check's writes: its run (idempotent on job id and attempt, like `record`)
   * and the document's success stamp. Concurrent checks share one statement.
   */
  recordSuccess(run: SuccessRun): Promise<void> {
    return this.successRuns.load(run);
  }

  /**
   * Plain SQL on the shared pool: these run for every check, and Prisma's query compiler
   * costs more than the queries themselves (docs/decisions/0011-hot-path-sql.md).
   */
  private async loadContexts(documentIds: string[]): Promise<(CheckContextRow | null)[]> {
    const rows = await run(this.prisma.pool, SQL.checkContext, [documentIds]);
    const byId = new Map<string, CheckContextRow>();
    for (const { tipSnapshot, tipVersion, ...document } of rows) {
      byId.set(document.id, {
        document,
        tip: {
          snapshot: tipSnapshot,
          version: tipVersion
            ? {
                id: tipVersion.id,
                status: tipVersion.status,
                snapshotId: tipVersion.snapshotId,
                extractionKey: tipVersion.extractionKey,
              }
            : null,
        },
        tipHasChange: tipVersion?.hasChange ?? false,
      });
    }
    return documentIds.map((id) => byId.get(id) ?? null);
  }

  private async recordSuccessRuns(runs: SuccessRun[]): Promise<void[]> {
    const column = <K extends keyof SuccessRun>(key: K) => runs.map((r) => r[key]);
    await run(this.prisma.pool, SQL.checkSuccessRuns, [
      column('documentId'),
      column('jobId'),
      column('attempt'),
      column('trigger'),
      column('outcome'),
      column('httpStatus'),
      column('fetchedWith'),
      column('snapshotId'),
      column('versionId'),
      column('durationMs'),
      column('startedAt'),
      column('at'),
      runs.map((r) => r.changed ?? false),
    ]);
    return runs.map(() => undefined);
  }

  listForDocument(documentId: string, take = 50): Promise<CheckRun[]> {
    return this.prisma.checkRun.findMany({ where: { documentId }, orderBy: { startedAt: 'desc' }, take });
  }

  /** Check runs of all documents and all time, by outcome (metrics). */
  async countAllByOutcome(): Promise<{ outcome: CheckOutcome; count: number }[]> {
    const rows = await this.prisma.checkRun.groupBy({ by: ['outcome'], _count: true });
    return rows.map((r) => ({ outcome: r.outcome, count: r._count }));
  }

  /** The median and 95th percentile of check durations since `since`, in ms (null with no runs). */
  async durationQuantiles(since: Date): Promise<{ p50: number | null; p95: number | null }> {
    const rows = await this.prisma.$queryRaw<{ p50: number | null; p95: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95
      FROM "CheckRun" WHERE "startedAt" > ${since}`;
    return rows[0] ?? { p50: null, p95: null };
  }

  /**
   * How late scheduled checks started after their tick, since `since`. A scheduled job's id
   * ends with its tick in ms (`repeat:<scheduler id>:<tick>`); the CheckRun key adds
   * `@<enqueued at>` (one run per attempt, `checkRunKey`).
   */
  async scheduleLagQuantiles(
    since: Date,
  ): Promise<{ p50: number | null; p95: number | null; max: number | null }> {
    const rows = await this.prisma.$queryRaw<
      { p50: number | null; p95: number | null; max: number | null }[]
    >`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY lag) AS p95,
             max(lag)::float8 AS max
      FROM (SELECT EXTRACT(EPOCH FROM "startedAt")::float8
                   - split_part(split_part("jobId", '@', 1), ':', 3)::bigint / 1000.0 AS lag
            FROM "CheckRun"
            WHERE "trigger" = 'scheduled' AND "jobId" ~ '^repeat:[^:]+:[0-9]+(@[0-9]+)?$'
              AND "startedAt" > ${since}) AS runs`;
    return rows[0] ?? { p50: null, p95: null, max: null };
  }

  countByOutcome(documentId: string): Promise<{ outcome: CheckRun['outcome']; _count: number }[]> {
    return this.prisma.checkRun
      .groupBy({ by: ['outcome'], where: { documentId }, _count: true })
      .then((rows) => rows.map((r) => ({ outcome: r.outcome, _count: r._count })));
  }
}
