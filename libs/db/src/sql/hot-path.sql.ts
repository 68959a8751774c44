/**
 * Every plain-SQL statement of the hot paths (a check, a fan-out, a delivery), with the
 * type of the rows it returns. They run on Prisma's own pg pool: through Prisma each was
 * compiled anew by its WebAssembly query compiler, which cost more than the query
 * (docs/decisions/0011-hot-path-sql.md). Each is named, so a connection prepares and plans
 * it once; hot-path.sql.int-spec.ts prepares every one against the migrated schema.
 */
import {
  type DeliveryStatus,
  type Document,
  type Snapshot,
  type Version,
  type VersionStatus,
} from '@prisma/client';
import { type Pool, type PoolClient } from 'pg';

/** A named statement whose rows are `Row`. */
export interface Statement<Row> {
  readonly name: string;
  readonly text: string;
  /** Only carries the row type. */
  readonly row?: Row;
}

const statement = <Row = Record<string, never>>(name: string, text: string): Statement<Row> => ({
  name,
  text,
});

/** Runs a named statement and returns its rows. */
export async function run<Row>(
  db: Pick<Pool | PoolClient, 'query'>,
  sql: Statement<Row>,
  values: unknown[],
): Promise<Row[]> {
  const { rows } = await (db as Pool).query<Row & object>({ name: sql.name, text: sql.text, values });
  return rows;
}

/**
 * The Document columns a check reads, named: a prepared `SELECT d.*` fails ("cached plan
 * must not change result type") as soon as a migration adds a column while workers run.
 * The type check keeps the list complete.
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

/** The columns of a version just stored that a check reads back (not its text). */
export const STORED_VERSION_COLUMNS = [
  'id',
  'documentId',
  'seq',
  'snapshotId',
  'sha256',
  'status',
  'statusReason',
  'revertOfId',
  'recordedAt',
  'confirmedAt',
] as const satisfies readonly (keyof Version)[];
export type StoredVersion = Pick<Version, (typeof STORED_VERSION_COLUMNS)[number]>;

/** What a check needs of the snapshot it stored or found (the body stays in the database). */
export type StoredSnapshot = Pick<Snapshot, 'id' | 'sha256' | 'lastSeenAt'>;

export type VersionSummary = Pick<Version, 'id' | 'seq' | 'sha256' | 'status' | 'recordedAt' | 'revertOfId'>;

/**
 * A snapshot's headers of interest (a JSON object): etag, lastModified, contentLanguage,
 * contentType; a combined snapshot's `sources`, each page's validators (decision 0026).
 */
export type SnapshotHeaders = Record<string, unknown>;

export interface TipSnapshotRow {
  id: string;
  sha256: string;
  headers: SnapshotHeaders;
}
export interface TipVersionRow {
  id: string;
  status: VersionStatus;
  snapshotId: string;
  extractionKey: string | null;
  hasChange: boolean;
}
export type CheckContextSqlRow = Document & {
  tipSnapshot: TipSnapshotRow | null;
  tipVersion: TipVersionRow | null;
};

export type HistorySqlRow =
  | (VersionSummary & {
      kind: 'recent' | 'base' | 'same';
      text: string | null;
      extractionKey: string | null;
      chainHash: string;
    })
  | {
      kind: 'seen';
      /** When a check last saw the base's text (or a version of it was recorded), since $4. */
      baseSeenAt: Date | null;
      /** When the new text was last seen while the base's text was the document's, since $4. */
      variantSeenAt: Date | null;
    };

export interface SendingSqlRow {
  id: string;
  changeId: string | null;
  channel: 'email' | 'webhook';
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  subscriptionId: string | null;
  webhookEndpointId: string | null;
  e_id: string | null;
  e_url: string;
  e_secret: string;
  e_active: boolean;
  e_failures: number;
  e_disabledReason: string | null;
  s_id: string | null;
  s_email: string;
  s_vendorId: string | null;
  s_documentId: string | null;
  s_topic: string | null;
  s_minSeverity: 'high' | 'medium' | 'low' | 'cosmetic';
  s_includeCosmetic: boolean;
  s_confirmed: boolean;
  s_confirmSentAt: Date | null;
  s_confirmTokenHash: string | null;
  s_unsubscribedAt: Date | null;
}

export const SQL = {
  /** $1 document ids → the document, its newest snapshot and version, and whether that has its change. */
  checkContext: statement<CheckContextSqlRow>(
    'fineprint-check-context',
    `SELECT ${DOCUMENT_COLUMNS.map((c) => `d."${c}"`).join(', ')},
       (SELECT row_to_json(s) FROM (
          SELECT id, sha256, headers FROM "Snapshot" WHERE "documentId" = d.id
          ORDER BY "lastSeenAt" DESC LIMIT 1) s) AS "tipSnapshot",
       (SELECT row_to_json(v) FROM (
          SELECT x.id, x.status, x."snapshotId", x."extractionKey",
                 EXISTS (SELECT 1 FROM "Change" c WHERE c."toVersionId" = x.id) AS "hasChange"
          FROM "Version" x WHERE x."documentId" = d.id
          ORDER BY x.seq DESC LIMIT 1) v) AS "tipVersion"
     FROM "Document" d WHERE d.id = ANY($1::uuid[])`,
  ),

  /**
   * Successful checks (column arrays): one CheckRun each, idempotent on (job id, attempt),
   * and the documents' success stamps.
   */
  checkSuccessRuns: statement(
    'fineprint-check-success-runs',
    `WITH input AS (
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
  ),

  /** $1 document id: the row lock that serialises the storing of a document's content. */
  contentLock: statement<{ id: string }>(
    'fineprint-content-lock',
    'SELECT id FROM "Document" WHERE id = $1::uuid FOR UPDATE',
  ),

  /**
   * $1 document id, $2 text hash, $3 the statuses that count as a base, $4 the start of the
   * variant window (null: none): the 20 newest versions, the base (with its text), the newest
   * version with the same text, and (decision 0023) when the base's text and this text were
   * last seen. A text is seen by a check whose run names a version of it (checks that stored
   * a quarantined page or failed saw nothing) and by the recording of a version of it. This
   * text counts as seen "as a variant" of the base's text when a version of it was recorded
   * as a change from that text, or a check saw it after the base was recorded. Each lookup
   * walks the CheckRun (documentId, startedAt) index backwards and stops at its first match;
   * the variant lookup runs only for a text that differs from the base's and has a version.
   */
  contentHistory: statement<HistorySqlRow>(
    'fineprint-content-history',
    `WITH b AS (
       SELECT id, seq, sha256, status::text AS status, "recordedAt", "revertOfId", text, "extractionKey", "chainHash"
         FROM "Version"
        WHERE "documentId" = $1::uuid AND status = ANY($3::"VersionStatus"[])
        ORDER BY seq DESC LIMIT 1
     )
     (SELECT 'recent' AS kind, id, seq, sha256, status::text AS status, "recordedAt", "revertOfId",
             NULL::text AS text, NULL::text AS "extractionKey", "chainHash",
             NULL::timestamptz AS "baseSeenAt", NULL::timestamptz AS "variantSeenAt"
        FROM "Version" WHERE "documentId" = $1::uuid ORDER BY seq DESC LIMIT 20)
     UNION ALL
     SELECT 'base', id, seq, sha256, status, "recordedAt", "revertOfId", text, "extractionKey", "chainHash", NULL, NULL
       FROM b
     UNION ALL
     (SELECT 'same', id, seq, sha256, status::text, "recordedAt", "revertOfId", NULL, NULL, "chainHash", NULL, NULL
        FROM "Version" WHERE "documentId" = $1::uuid AND sha256 = $2 ORDER BY seq DESC LIMIT 1)
     UNION ALL
     SELECT 'seen', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       GREATEST(
         (SELECT c."startedAt" FROM "CheckRun" c JOIN "Version" v ON v.id = c."versionId"
           WHERE c."documentId" = $1::uuid AND c."startedAt" >= $4::timestamptz AND v.sha256 = b.sha256
             AND c.outcome IN ('unchanged', 'new_version', 'not_modified')
           ORDER BY c."startedAt" DESC LIMIT 1),
         (SELECT max(v."recordedAt") FROM "Version" v
           WHERE v."documentId" = $1::uuid AND v.sha256 = b.sha256 AND v."recordedAt" >= $4::timestamptz)),
       CASE WHEN $2 <> b.sha256 AND EXISTS (
              SELECT 1 FROM "Version" x WHERE x."documentId" = $1::uuid AND x.sha256 = $2)
       THEN GREATEST(
         (SELECT c."startedAt" FROM "CheckRun" c JOIN "Version" v ON v.id = c."versionId"
           WHERE c."documentId" = $1::uuid AND c."startedAt" >= GREATEST($4::timestamptz, b."recordedAt")
             AND v.sha256 = $2 AND c.outcome IN ('unchanged', 'new_version', 'not_modified')
           ORDER BY c."startedAt" DESC LIMIT 1),
         (SELECT max(v."recordedAt") FROM "Version" v
           WHERE v."documentId" = $1::uuid AND v.sha256 = $2 AND v."recordedAt" >= $4::timestamptz
             AND (SELECT p.sha256 FROM "Version" p
                   WHERE p."documentId" = $1::uuid AND p.seq < v.seq AND p.status = ANY($3::"VersionStatus"[])
                   ORDER BY p.seq DESC LIMIT 1) = b.sha256))
       END
       FROM b WHERE $4::timestamptz IS NOT NULL`,
  ),

  /** $1 document id, $2 raw hash. */
  contentSnapshot: statement<StoredSnapshot>(
    'fineprint-content-snapshot',
    `SELECT id, sha256, "lastSeenAt" FROM "Snapshot" WHERE "documentId" = $1::uuid AND sha256 = $2`,
  ),

  /** $1 snapshot id, $2 when it was seen. */
  contentSnapshotSeen: statement(
    'fineprint-content-snapshot-seen',
    `UPDATE "Snapshot" SET "lastSeenAt" = $2 WHERE id = $1::uuid`,
  ),

  contentSnapshotNew: statement<StoredSnapshot>(
    'fineprint-content-snapshot-new',
    `INSERT INTO "Snapshot" ("documentId", sha256, body, compression, "byteLength", "contentType",
       charset, "httpStatus", headers, "finalUrl", "fetchedWith", "firstSeenAt", "lastSeenAt")
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::"FetchMode", $12, $12)
     RETURNING id, sha256, "lastSeenAt"`,
  ),

  contentVersion: statement<StoredVersion>(
    'fineprint-content-version',
    `INSERT INTO "Version" ("documentId", seq, "snapshotId", text, sha256, "byteLength", "extractionKey",
       "previousChainHash", "chainHash", status, "statusReason", "revertOfId", "recordedAt", "confirmedAt")
     VALUES ($1::uuid, $2, $3::uuid, $4, $5, $6, $7, $8, $9, $10::"VersionStatus", $11, $12::uuid, $13, $14)
     RETURNING ${STORED_VERSION_COLUMNS.map((c) => `"${c}"`).join(', ')}`,
  ),

  /**
   * A fan-out's deliveries (column arrays), skipping those that exist; returns all of the
   * batch's, old and new. The rows inserted by the CTE are not visible to the statement's own
   * SELECT, so the UNION gives each delivery once.
   */
  deliveryCreateMany: statement<{ id: string; targetId: string; status: DeliveryStatus }>(
    'fineprint-delivery-create-many',
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::"DeliveryChannel"[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[])
         AS i("changeId", channel, "eventType", "targetId", "subscriptionId", "webhookEndpointId")
     ), inserted AS (
       INSERT INTO "Delivery" ("changeId", channel, "eventType", "targetId", "subscriptionId", "webhookEndpointId")
       SELECT "changeId", channel, "eventType", "targetId", "subscriptionId", "webhookEndpointId" FROM input
       ON CONFLICT ("changeId", channel, "targetId") DO NOTHING
       RETURNING id, "targetId", status
     )
     SELECT id, "targetId", status::text AS status FROM inserted
     UNION ALL
     SELECT d.id, d."targetId", d.status::text AS status
     FROM "Delivery" d JOIN input i
       ON d."changeId" = i."changeId" AND d.channel = i.channel AND d."targetId" = i."targetId"`,
  ),

  /** $1 delivery ids → each with its endpoint or subscription. */
  deliveryForSending: statement<SendingSqlRow>(
    'fineprint-delivery-for-sending',
    `SELECT d.id, d."changeId", d.channel::text AS channel, d."eventType", d.status::text AS status,
            d.attempts, d."subscriptionId", d."webhookEndpointId",
            e.id AS e_id, e.url AS e_url, e.secret AS e_secret, e.active AS e_active,
            e."consecutiveFailures" AS e_failures, e."disabledReason" AS "e_disabledReason",
            s.id AS s_id, s.email AS s_email, s."vendorId" AS "s_vendorId", s."documentId" AS "s_documentId",
            s.topic AS s_topic, s."minSeverity"::text AS "s_minSeverity",
            s."includeCosmetic" AS "s_includeCosmetic", s.confirmed AS s_confirmed,
            s."confirmSentAt" AS "s_confirmSentAt", s."confirmTokenHash" AS "s_confirmTokenHash",
            s."unsubscribedAt" AS "s_unsubscribedAt"
     FROM "Delivery" d
     LEFT JOIN "WebhookEndpoint" e ON e.id = d."webhookEndpointId"
     LEFT JOIN "Subscription" s ON s.id = d."subscriptionId"
     WHERE d.id = ANY($1::uuid[])`,
  ),

  /** Attempts at many deliveries (column arrays): status, attempts + 1, response, error, time. */
  deliveryAttempts: statement(
    'fineprint-delivery-attempts',
    `UPDATE "Delivery" AS d
       SET status = a.status, attempts = d.attempts + 1, "responseCode" = a.code,
           "lastError" = a.error, "durationMs" = a.ms, "lastAttemptAt" = now(),
           "deliveredAt" = CASE WHEN a.status = 'delivered' THEN now() ELSE d."deliveredAt" END
       FROM unnest($1::uuid[], $2::"DeliveryStatus"[], $3::int[], $4::text[], $5::int[])
         AS a(id, status, code, error, ms)
       WHERE d.id = a.id`,
  ),
} as const;
