import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { type FetchMode, type Snapshot, type Version, type VersionStatus } from '@prisma/client';
import { type PoolClient } from 'pg';

import {
  BASE_STATUSES,
  confirmedOnEntry,
  isAnnounceable,
  VERSION_LIFECYCLE,
  type VersionTransition,
} from '@fineprint/contracts';

import { PrismaService } from '../prisma.service';
import {
  type HistorySqlRow,
  run,
  SQL,
  type SnapshotHeaders,
  type StoredSnapshot,
  type StoredVersion,
  type VersionSummary,
} from '../sql/hot-path.sql';
import { withTransaction } from '../sql/with-transaction';

export { type SnapshotHeaders, type StoredSnapshot, type StoredVersion, type VersionSummary };

type VersionRow = Exclude<HistorySqlRow, { kind: 'seen' }>;

export interface SnapshotInput {
  sha256: string;
  /** Called only when the snapshot is new: the stored (compressed) body. */
  encode: () => { body: Buffer; compression: string };
  byteLength: number;
  contentType: string | null;
  charset: string | null;
  httpStatus: number | null;
  headers: SnapshotHeaders;
  finalUrl: string;
  fetchedWith: FetchMode;
}

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
  /**
   * When a check last saw the base's text, within the variant window (decision 0023); null
   * when not within it, or when no window was asked for.
   */
  baseSeenAt: Date | null;
  /**
   * When the new content's text was last seen while the base's text was the document's text
   * (a version of it recorded as a change from that text, or a check that saw it after the
   * base was recorded), within the variant window; null when never, or no window was asked for.
   */
  variantSeenAt: Date | null;
}

export interface DocumentTip {
  snapshot: { id: string; sha256: string; headers: SnapshotHeaders } | null;
  version: { id: string; status: VersionStatus; snapshotId: string; extractionKey: string | null } | null;
}

export type ContentDecision =
  | { action: 'unchanged' }
  | { action: 'record'; status: VersionStatus; reason: string | null; revertOfId?: string | null };

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
    /**
     * The start of the variant window: when the base's text and this text were last seen is
     * read back to this time. Unset: not read (`baseSeenAt` and `variantSeenAt` are null).
     */
    seenSince?: Date | null;
    decide: (history: VersionHistory) => ContentDecision;
  }): Promise<RecordContentResult> {
    return withTransaction(this.prisma.pool, async (client) => {
      // the lock first, in its own statement: the reads below then see every version
      // committed by a check of the same document that held the lock before us
      await run(client, SQL.contentLock, [input.documentId]);
      const { history, latestChainHash } = await this.loadHistory(
        client,
        input.documentId,
        input.textSha256,
        input.seenSince ?? null,
      );
      const { snapshot, snapshotCreated } = await this.storeSnapshot(client, input);

      const decision = input.decide(history);
      if (decision.action === 'unchanged')
        return { snapshot, snapshotCreated, version: null, decision, history };

      const previous = latestChainHash;
      const [version] = await run(client, SQL.contentVersion, [
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
        confirmedOnEntry(decision.status) ? input.at : null,
      ]);
      return { snapshot, snapshotCreated, version: version ?? null, decision, history };
    });
  }

  /** The snapshot of these bytes: found (and stamped as seen now) or stored. */
  private async storeSnapshot(
    client: PoolClient,
    input: { documentId: string; snapshot: SnapshotInput; at: Date },
  ): Promise<{ snapshot: StoredSnapshot; snapshotCreated: boolean }> {
    const [found] = await run(client, SQL.contentSnapshot, [input.documentId, input.snapshot.sha256]);
    if (found) {
      // bytes seen before (a page back to an earlier state): they are the newest again, so
      // the next check of them can take the quiet path (the tip is the snapshot last seen)
      if (found.lastSeenAt >= input.at) return { snapshot: found, snapshotCreated: false };
      await run(client, SQL.contentSnapshotSeen, [found.id, input.at]);
      return { snapshot: { ...found, lastSeenAt: input.at }, snapshotCreated: false };
    }
    const { encode, ...meta } = input.snapshot;
    const encoded = encode();
    const [created] = await run(client, SQL.contentSnapshotNew, [
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
    ]);
    if (!created) throw new Error(`the snapshot of ${input.documentId} was neither found nor created`);
    return { snapshot: created, snapshotCreated: true };
  }

  /**
   * What `decide` sees, in one statement: the 20 newest versions, the base (newest that
   * counts as a base, with its text), the newest with the same text and, within the variant
   * window, when the base's text and this text were last seen; plus the newest version's
   * chain hash, which the next version links to.
   */
  private async loadHistory(
    client: PoolClient,
    documentId: string,
    textSha256: string,
    seenSince: Date | null,
  ): Promise<{ history: VersionHistory; latestChainHash: string | null }> {
    const rows = await run(client, SQL.contentHistory, [documentId, textSha256, BASE_STATUSES, seenSince]);
    const summary = (r: VersionRow): VersionSummary => ({
      id: r.id,
      seq: r.seq,
      sha256: r.sha256,
      status: r.status,
      recordedAt: r.recordedAt,
      revertOfId: r.revertOfId,
    });
    const versions = rows.filter((r): r is VersionRow => r.kind !== 'seen');
    const recent = versions.filter((r) => r.kind === 'recent').sort((a, b) => b.seq - a.seq);
    const base = versions.find((r) => r.kind === 'base');
    const same = versions.find((r) => r.kind === 'same');
    const seen = rows.find((r) => r.kind === 'seen');
    return {
      history: {
        latest: recent[0] ? summary(recent[0]) : null,
        base: base ? { ...summary(base), text: base.text ?? '', extractionKey: base.extractionKey } : null,
        sameText: same ? summary(same) : null,
        recent: recent.map(summary),
        baseSeenAt: seen?.kind === 'seen' ? seen.baseSeenAt : null,
        variantSeenAt: seen?.kind === 'seen' ? seen.variantSeenAt : null,
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

  /** The version a new one is diffed against: the latest earlier one that counts as a base. */
  findBaseBefore(documentId: string, seq: number): Promise<Version | null> {
    return this.prisma.version.findFirst({
      where: { documentId, seq: { lt: seq }, status: { in: [...BASE_STATUSES] } },
      orderBy: { seq: 'desc' },
    });
  }

  /** The version new content is compared with now (see VersionHistory.base), with its page. */
  findBaseWithSnapshot(documentId: string): Promise<(Version & { snapshot: Snapshot }) | null> {
    return this.prisma.version.findFirst({
      where: { documentId, status: { in: [...BASE_STATUSES] } },
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

  /**
   * Applies a named transition of the version lifecycle (libs/contracts) if the version is
   * still in one of its `from` states; returns the version as it is after (null if none).
   */
  async transition(
    id: string,
    transition: VersionTransition,
    reason: string,
    at = new Date(),
  ): Promise<Version | null> {
    const { from, to } = VERSION_LIFECYCLE.transitions[transition];
    await this.prisma.version.updateMany({
      where: { id, status: { in: [...from] } },
      data: { status: to, statusReason: reason, ...(isAnnounceable(to) ? { confirmedAt: at } : {}) },
    });
    return this.findById(id);
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
