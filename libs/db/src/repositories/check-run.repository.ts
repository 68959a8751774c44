import { Injectable } from '@nestjs/common';
import { type CheckRun, type Document, Prisma } from '@prisma/client';

import { MicroBatcher } from '../batching/micro-batcher';
import { PrismaService } from '../prisma.service';
import { type DocumentTip } from './version.repository';

/**
 * The Document columns a check reads, named: the statement is prepared once per connection,
 * and a prepared `SELECT d.*` fails ("cached plan must not change result type") as soon as
 * a migration adds a column while workers run. The type check keeps the list complete.
 */
const DOCUMENT_COLUMNS = [
  'id',
  'vendorId',
  'slug',
  'title',
  'type',
  'url',
  'select',
  'remove',
  'fetchMode',
  'sources',
  'filters',
  'filterCode',
  'filtersApproved',
  'language',
  'intervalMinutes',
  'active',
  'status',
  'consecutiveFailures',
  'lastError',
  'unstable',
  'source',
  'lastCheckedAt',
  'lastSuccessAt',
  'lastChangedAt',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const satisfies readonly (keyof Document)[];
type Missing = Exclude<keyof Document, (typeof DOCUMENT_COLUMNS)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;
const DOCUMENT_SELECT = DOCUMENT_COLUMNS.map((c) => `d."${c}"`).join(', ');

/** What a check reads before fetching: the declaration and the document's tip. */
export interface CheckContextRow {
  document: Document;
  tip: DocumentTip;
  /** Whether the newest version already has its change (crash recovery needs none then). */
  tipHasChange: boolean;
}

/** A check that succeeded: its run, and the document's success stamp. */
export interface SuccessRun {
  documentId: string;
  jobId: string | null;
  attempt: number;
  trigger: string;
  outcome: 'unchanged' | 'not_modified' | 'new_version';
  /** The document changed (a new version that is not a baseline): stamps `lastChangedAt`. */
  changed?: boolean;
  httpStatus: number | null;
  fetchedWith: 'http' | 'browser' | null;
  snapshotId: string | null;
  versionId: string | null;
  startedAt: Date;
  durationMs: number;
  at: Date;
}

@Injectable()
export class CheckRunRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Records one attempt. A replayed attempt (same job id and attempt number, e.g.
   * after a crash between the write and the acknowledgement) returns the first record.
   */
  async record(data: Prisma.CheckRunUncheckedCreateInput): Promise<CheckRun> {
    try {
      return await this.prisma.checkRun.create({ data });
    } catch (error) {
      if (data.jobId && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        return this.prisma.checkRun.findUniqueOrThrow({
          where: { jobId_attempt: { jobId: data.jobId, attempt: data.attempt ?? 1 } },
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
    const { rows } = await this.prisma.pool.query<
      Document & {
        tipSnapshot: DocumentTip['snapshot'];
        tipVersion: (NonNullable<DocumentTip['version']> & { hasChange: boolean }) | null;
      }
    >({
      // named: prepared and planned once per connection, then only bound and run
      name: 'fineprint-check-context',
      text: `SELECT ${DOCUMENT_SELECT},
         (SELECT row_to_json(s) FROM (
            SELECT id, sha256, headers FROM "Snapshot" WHERE "documentId" = d.id
            ORDER BY "lastSeenAt" DESC LIMIT 1) s) AS "tipSnapshot",
         (SELECT row_to_json(v) FROM (
            SELECT x.id, x.status, x."snapshotId", x."extractionKey",
                   EXISTS (SELECT 1 FROM "Change" c WHERE c."toVersionId" = x.id) AS "hasChange"
            FROM "Version" x WHERE x."documentId" = d.id
            ORDER BY x.seq DESC LIMIT 1) v) AS "tipVersion"
       FROM "Document" d WHERE d.id = ANY($1::uuid[])`,
      values: [documentIds],
    });
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
    await this.prisma.pool.query({
      name: 'fineprint-check-success-runs',
      text: `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::"CheckOutcome"[],
                              $6::int[], $7::"FetchMode"[], $8::uuid[], $9::uuid[], $10::int[],
                              $11::timestamptz[], $12::timestamptz[], $13::boolean[])
           AS t("documentId", "jobId", attempt, trigger, outcome, "httpStatus", "fetchedWith",
                "snapshotId", "versionId", "durationMs", "startedAt", at, changed)
       ), run AS (
         INSERT INTO "CheckRun" ("documentId", "jobId", attempt, trigger, outcome, "httpStatus",
                                 "fetchedWith", "snapshotId", "versionId", "durationMs", "startedAt")
         SELECT "documentId", "jobId", attempt, trigger, outcome, "httpStatus", "fetchedWith",
                "snapshotId", "versionId", "durationMs", "startedAt" FROM input
         ON CONFLICT ("jobId", attempt) DO NOTHING
       )
       UPDATE "Document" d
          SET status = 'ok', "consecutiveFailures" = 0, "lastError" = NULL,
              "lastCheckedAt" = input.at, "lastSuccessAt" = input.at, "updatedAt" = now(),
              "lastChangedAt" = CASE WHEN input.changed THEN input.at ELSE d."lastChangedAt" END
         FROM input WHERE d.id = input."documentId"`,
      values: [
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
      ],
    });
    return runs.map(() => undefined);
  }

  listForDocument(documentId: string, take = 50): Promise<CheckRun[]> {
    return this.prisma.checkRun.findMany({ where: { documentId }, orderBy: { startedAt: 'desc' }, take });
  }

  countByOutcome(documentId: string): Promise<{ outcome: CheckRun['outcome']; _count: number }[]> {
    return this.prisma.checkRun
      .groupBy({ by: ['outcome'], where: { documentId }, _count: true })
      .then((rows) => rows.map((r) => ({ outcome: r.outcome, _count: r._count })));
  }
}
