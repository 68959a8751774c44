import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { type FetchMode, type Snapshot, type Version, type VersionStatus } from '@prisma/client';
import { type PoolClient } from 'pg';

import { PrismaService } from '../prisma.service';

export interface SnapshotInput {
  sha256: string;
  /** Called only when the snapshot is new: the stored (compressed) body. */
  encode: () => { body: Buffer; compression: string };
  byteLength: number;
  contentType: string | null;
  charset: string | null;
  httpStatus: number | null;
  headers: Record<string, string>;
  finalUrl: string;
  fetchedWith: FetchMode;
}

export type VersionSummary = Pick<Version, 'id' | 'seq' | 'sha256' | 'status' | 'recordedAt' | 'revertOfId'>;

/** What the decision logic sees of a document's history when new content arrives. */
export interface VersionHistory {
  /** The most recent version, whatever its status. */
  latest: VersionSummary | null;
  /** The version new content is compared with: latest that is not quarantined or transient. */
  base: (VersionSummary & { text: string; extractionKey: string | null }) | null;
  /** The most recent earlier version with the same text, if any. */
  sameText: VersionSummary | null;
  /** Recent versions, newest first (for flap detection). */
  recent: VersionSummary[];
}

export interface DocumentTip {
  snapshot: { id: string; sha256: string; headers: Record<string, string> } | null;
  version: { id: string; status: VersionStatus; snapshotId: string; extractionKey: string | null } | null;
}

export type ContentDecision =
  | { action: 'unchanged' }
  | { action: 'record'; status: VersionStatus; reason: string | null; revertOfId?: string | null };

/** What a check needs of the snapshot it stored or found (the body stays in the database). */
export type StoredSnapshot = Pick<Snapshot, 'id' | 'sha256' | 'lastSeenAt'>;

/** The columns of a version just stored that a check reads back (not its text). */
const STORED_VERSION_COLUMNS = [
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

export interface RecordContentResult {
  snapshot: StoredSnapshot;
  snapshotCreated: boolean;
  version: StoredVersion | null;
  decision: ContentDecision;
  history: VersionHistory;
}

const summarySelect = {
  id: true,
  seq: true,
  sha256: true,
  status: true,
  recordedAt: true,
  revertOfId: true,
} as const;

export function chainHash(previousChainHash: string | null, sha256: string): string {
  return createHash('sha256')
    .update(`${previousChainHash ?? ''}:${sha256}`)
    .digest('hex');
}

@Injectable()
export class VersionRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores fetched content in one transaction, serialised per document (row lock):
   * a snapshot only when the raw hash is new, a version only when `decide` says so.
   * Retrying after a crash at any point creates no duplicate: the retry sees what the
   * first attempt committed.
   *
   * Plain SQL on Prisma's own pool, like the quiet path (decision 0011): through Prisma
   * these were eight queries, each compiled anew by its WebAssembly query compiler, which
   * took more CPU than extracting the page.
   */
  async recordContent(input: {
    documentId: string;
    snapshot: SnapshotInput;
    text: string;
    textSha256: string;
    extractionKey: string;
    at: Date;
    decide: (history: VersionHistory) => ContentDecision;
  }): Promise<RecordContentResult> {
    const client = await this.prisma.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      // the lock first, in its own statement: the reads below then see every version
      // committed by a check of the same document that held the lock before us
      await client.query({
        name: 'fineprint-content-lock',
        text: 'SELECT id FROM "Document" WHERE id = $1::uuid FOR UPDATE',
        values: [input.documentId],
      });
      const { history, latestChainHash } = await this.loadHistory(client, input.documentId, input.textSha256);

      const found = await client.query<StoredSnapshot>({
        name: 'fineprint-content-snapshot',
        text: `SELECT id, sha256, "lastSeenAt" FROM "Snapshot" WHERE "documentId" = $1::uuid AND sha256 = $2`,
        values: [input.documentId, input.snapshot.sha256],
      });
      let snapshot = found.rows[0];
      let snapshotCreated = false;
      if (snapshot) {
        // bytes seen before (a page back to an earlier state): they are the newest again, so
        // the next check of them can take the quiet path (the tip is the snapshot last seen)
        if (snapshot.lastSeenAt < input.at) {
          await client.query({
            name: 'fineprint-content-snapshot-seen',
            text: `UPDATE "Snapshot" SET "lastSeenAt" = $2 WHERE id = $1::uuid`,
            values: [snapshot.id, input.at],
          });
          snapshot = { ...snapshot, lastSeenAt: input.at };
        }
      } else {
        const { encode, ...meta } = input.snapshot;
        const encoded = encode();
        const created = await client.query<StoredSnapshot>({
          name: 'fineprint-content-snapshot-new',
          text: `INSERT INTO "Snapshot" ("documentId", sha256, body, compression, "byteLength", "contentType",
                   charset, "httpStatus", headers, "finalUrl", "fetchedWith", "firstSeenAt", "lastSeenAt")
                 VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::"FetchMode", $12, $12)
                 RETURNING id, sha256, "lastSeenAt"`,
          values: [
            input.documentId,
            meta.sha256,
            encoded.body,
            encoded.compression,
            meta.byteLength,
            meta.contentType,
            meta.charset,
            meta.httpStatus,
            JSON.stringify(meta.headers),
            meta.finalUrl,
            meta.fetchedWith,
            input.at,
          ],
        });
        snapshot = created.rows[0];
        snapshotCreated = true;
      }

      if (!snapshot) throw new Error(`the snapshot of ${input.documentId} was neither found nor created`);
      const decision = input.decide(history);
      if (decision.action === 'unchanged') {
        await client.query('COMMIT');
        return { snapshot, snapshotCreated, version: null, decision, history };
      }

      const previous = latestChainHash;
      const confirmed = decision.status === 'confirmed' || decision.status === 'baseline';
      const { rows } = await client.query<StoredVersion>({
        name: 'fineprint-content-version',
        text: `INSERT INTO "Version" ("documentId", seq, "snapshotId", text, sha256, "byteLength", "extractionKey",
                 "previousChainHash", "chainHash", status, "statusReason", "revertOfId", "recordedAt", "confirmedAt")
               VALUES ($1::uuid, $2, $3::uuid, $4, $5, $6, $7, $8, $9, $10::"VersionStatus", $11, $12::uuid, $13, $14)
               RETURNING ${STORED_VERSION_COLUMNS.map((c) => `"${c}"`).join(', ')}`,
        values: [
          input.documentId,
          (history.latest?.seq ?? 0) + 1,
          snapshot.id,
          input.text,
          input.textSha256,
          Buffer.byteLength(input.text),
          input.extractionKey,
          previous,
          chainHash(previous, input.textSha256),
          decision.status,
          decision.reason,
          decision.revertOfId ?? null,
          input.at,
          confirmed ? input.at : null,
        ],
      });
      await client.query('COMMIT');
      return { snapshot, snapshotCreated, version: rows[0] ?? null, decision, history };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // a connection that could not roll back is closed, not handed to the next caller
      client.release(broken ? true : undefined);
    }
  }

  /**
   * What `decide` sees, in one statement: the 20 newest versions, the base (newest not
   * quarantined, transient or pending, with its text) and the newest with the same text;
   * plus the newest version's chain hash, which the next version links to.
   */
  private async loadHistory(
    client: PoolClient,
    documentId: string,
    textSha256: string,
  ): Promise<{ history: VersionHistory; latestChainHash: string | null }> {
    const { rows } = await client.query<
      VersionSummary & {
        kind: 'recent' | 'base' | 'same';
        text: string | null;
        extractionKey: string | null;
        chainHash: string;
      }
    >({
      name: 'fineprint-content-history',
      text: `(SELECT 'recent' AS kind, id, seq, sha256, status::text AS status, "recordedAt", "revertOfId",
                     NULL::text AS text, NULL::text AS "extractionKey", "chainHash"
                FROM "Version" WHERE "documentId" = $1::uuid ORDER BY seq DESC LIMIT 20)
             UNION ALL
             (SELECT 'base', id, seq, sha256, status::text, "recordedAt", "revertOfId", text, "extractionKey", "chainHash"
                FROM "Version"
               WHERE "documentId" = $1::uuid AND status NOT IN ('quarantined', 'transient', 'pending')
               ORDER BY seq DESC LIMIT 1)
             UNION ALL
             (SELECT 'same', id, seq, sha256, status::text, "recordedAt", "revertOfId", NULL, NULL, "chainHash"
                FROM "Version" WHERE "documentId" = $1::uuid AND sha256 = $2 ORDER BY seq DESC LIMIT 1)`,
      values: [documentId, textSha256],
    });
    const summary = (r: (typeof rows)[number]): VersionSummary => ({
      id: r.id,
      seq: r.seq,
      sha256: r.sha256,
      status: r.status,
      recordedAt: r.recordedAt,
      revertOfId: r.revertOfId,
    });
    const recent = rows.filter((r) => r.kind === 'recent').sort((a, b) => b.seq - a.seq);
    const base = rows.find((r) => r.kind === 'base');
    const same = rows.find((r) => r.kind === 'same');
    return {
      history: {
        latest: recent[0] ? summary(recent[0]) : null,
        base: base ? { ...summary(base), text: base.text ?? '', extractionKey: base.extractionKey } : null,
        sameText: same ? summary(same) : null,
        recent: recent.map(summary),
      },
      latestChainHash: recent[0]?.chainHash ?? null,
    };
  }

  findById(id: string): Promise<Version | null> {
    return this.prisma.version.findUnique({ where: { id } });
  }

  findBySeq(documentId: string, seq: number): Promise<Version | null> {
    return this.prisma.version.findUnique({ where: { documentId_seq: { documentId, seq } } });
  }

  findWithSnapshot(id: string): Promise<(Version & { snapshot: Snapshot }) | null> {
    return this.prisma.version.findUnique({ where: { id }, include: { snapshot: true } });
  }

  /** The version a new one is diffed against: the latest earlier one that is not quarantined or transient. */
  findBaseBefore(documentId: string, seq: number): Promise<Version | null> {
    return this.prisma.version.findFirst({
      where: { documentId, seq: { lt: seq }, status: { notIn: ['quarantined', 'transient', 'pending'] } },
      orderBy: { seq: 'desc' },
    });
  }

  /** The version new content is compared with now (see VersionHistory.base), with its page. */
  findBaseWithSnapshot(documentId: string): Promise<(Version & { snapshot: Snapshot }) | null> {
    return this.prisma.version.findFirst({
      where: { documentId, status: { notIn: ['quarantined', 'transient', 'pending'] } },
      orderBy: { seq: 'desc' },
      include: { snapshot: true },
    });
  }

  /** The version's text is also what `extractionKey` makes of its page (re-extracted, identical). */
  async setExtractionKey(id: string, extractionKey: string): Promise<void> {
    await this.prisma.version.update({ where: { id }, data: { extractionKey } });
  }

  /** The newest versions' statuses, newest first (flap detection). */
  recentSummaries(documentId: string, take = 10): Promise<VersionSummary[]> {
    return this.prisma.version.findMany({
      where: { documentId },
      orderBy: { seq: 'desc' },
      take,
      select: summarySelect,
    });
  }

  /** The newest version, without its text. */
  latest(documentId: string): Promise<Omit<Version, 'text'> | null> {
    return this.prisma.version.findFirst({
      where: { documentId },
      orderBy: { seq: 'desc' },
      omit: { text: true },
    });
  }

  /** Metadata only (no text), newest first, cursor on seq. */
  listForDocument(
    documentId: string,
    page: { take: number; beforeSeq?: number },
  ): Promise<Omit<Version, 'text'>[]> {
    return this.prisma.version.findMany({
      where: { documentId, ...(page.beforeSeq ? { seq: { lt: page.beforeSeq } } : {}) },
      orderBy: { seq: 'desc' },
      take: page.take,
      omit: { text: true },
    });
  }

  setStatus(id: string, status: VersionStatus, reason: string | null, at = new Date()): Promise<Version> {
    return this.prisma.version.update({
      where: { id },
      data: {
        status,
        statusReason: reason,
        ...(status === 'confirmed' || status === 'released' ? { confirmedAt: at } : {}),
      },
    });
  }

  /** Versions waiting for confirmation, for a document. */
  listPending(documentId: string): Promise<Version[]> {
    return this.prisma.version.findMany({
      where: { documentId, status: 'pending' },
      orderBy: { seq: 'asc' },
    });
  }

  /** Verifies a document's hash chain; returns the first broken seq, or null. */
  async verifyChain(documentId: string): Promise<number | null> {
    const rows = await this.prisma.version.findMany({
      where: { documentId },
      orderBy: { seq: 'asc' },
      select: { seq: true, sha256: true, previousChainHash: true, chainHash: true },
    });
    let previous: string | null = null;
    for (const row of rows) {
      if (row.previousChainHash !== previous || row.chainHash !== chainHash(previous, row.sha256))
        return row.seq;
      previous = row.chainHash;
    }
    return null;
  }
}
