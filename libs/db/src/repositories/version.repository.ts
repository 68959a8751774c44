import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { type FetchMode, type Prisma, type Snapshot, type Version, type VersionStatus } from '@prisma/client';

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

export interface RecordContentResult {
  snapshot: Snapshot;
  snapshotCreated: boolean;
  version: Version | null;
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
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Document" WHERE id = ${input.documentId}::uuid FOR UPDATE`;
      const history = await this.loadHistory(tx, input.documentId, input.textSha256);

      let snapshot = await tx.snapshot.findUnique({
        where: { documentId_sha256: { documentId: input.documentId, sha256: input.snapshot.sha256 } },
      });
      let snapshotCreated = false;
      if (snapshot) {
        // bytes seen before (a page back to an earlier state): they are the newest again, so
        // the next check of them can take the quiet path (the tip is the snapshot last seen)
        if (snapshot.lastSeenAt < input.at)
          snapshot = await tx.snapshot.update({
            where: { id: snapshot.id },
            data: { lastSeenAt: input.at },
          });
      } else {
        const { encode, ...meta } = input.snapshot;
        const encoded = encode();
        snapshot = await tx.snapshot.create({
          data: {
            documentId: input.documentId,
            ...meta,
            body: new Uint8Array(encoded.body),
            compression: encoded.compression,
            firstSeenAt: input.at,
            lastSeenAt: input.at,
          },
        });
        snapshotCreated = true;
      }

      const decision = input.decide(history);
      if (decision.action === 'unchanged')
        return { snapshot, snapshotCreated, version: null, decision, history };

      const last = await tx.version.findFirst({
        where: { documentId: input.documentId },
        orderBy: { seq: 'desc' },
        select: { seq: true, chainHash: true },
      });
      const version = await tx.version.create({
        data: {
          documentId: input.documentId,
          seq: (last?.seq ?? 0) + 1,
          snapshotId: snapshot.id,
          text: input.text,
          sha256: input.textSha256,
          byteLength: Buffer.byteLength(input.text),
          extractionKey: input.extractionKey,
          previousChainHash: last?.chainHash ?? null,
          chainHash: chainHash(last?.chainHash ?? null, input.textSha256),
          status: decision.status,
          statusReason: decision.reason,
          revertOfId: decision.revertOfId ?? null,
          recordedAt: input.at,
          confirmedAt: decision.status === 'confirmed' || decision.status === 'baseline' ? input.at : null,
        },
      });
      return { snapshot, snapshotCreated, version, decision, history };
    });
  }

  private async loadHistory(
    tx: Prisma.TransactionClient,
    documentId: string,
    textSha256: string,
  ): Promise<VersionHistory> {
    const recent = await tx.version.findMany({
      where: { documentId },
      orderBy: { seq: 'desc' },
      take: 20,
      select: summarySelect,
    });
    const base = await tx.version.findFirst({
      where: { documentId, status: { notIn: ['quarantined', 'transient', 'pending'] } },
      orderBy: { seq: 'desc' },
      select: { ...summarySelect, text: true, extractionKey: true },
    });
    const sameText = await tx.version.findFirst({
      where: { documentId, sha256: textSha256 },
      orderBy: { seq: 'desc' },
      select: summarySelect,
    });
    return { latest: recent[0] ?? null, base, sameText, recent };
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
