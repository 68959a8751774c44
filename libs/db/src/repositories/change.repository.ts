import { Injectable } from '@nestjs/common';
import {
  type Change as ChangeRow,
  type ChangeState,
  type Document,
  Prisma,
  type Severity,
  type Vendor,
  type Version,
} from '@prisma/client';

import {
  CHANGE_LIFECYCLE,
  type ChangeTransition,
  type Kind,
  severityAtLeast,
  type Topic,
} from '@fineprint/contracts';

import { PrismaService } from '../prisma.service';

export interface ChangeInput {
  documentId: string;
  fromVersionId: string;
  toVersionId: string;
  severity: Severity;
  severityRule: string | null;
  cosmetic: boolean;
  /** JSON-serialisable values (the diff engine's result). */
  tags: unknown;
  topics: Topic[];
  kinds: Kind[];
  summary: string;
  stats: unknown;
  diff: unknown;
  state: ChangeState;
  stateReason: string | null;
}

export interface ChangeFilter {
  documentId?: string;
  vendorSlug?: string;
  vendorId?: string;
  topic?: Topic;
  kind?: Kind;
  severity?: Severity;
  minSeverity?: Severity;
  states?: ChangeState[];
  from?: Date;
  to?: Date;
  includeCosmetic?: boolean;
}

/** A change as stored, with its topics and kinds in the vocabulary's types (written only from them). */
export type Change = Omit<ChangeRow, 'topics' | 'kinds'> & { topics: Topic[]; kinds: Kind[] };

export type ChangeWithContext = Change & {
  document: Document & { vendor: Vendor };
  fromVersion: Pick<Version, 'id' | 'seq' | 'recordedAt' | 'snapshotId' | 'status'>;
  toVersion: Pick<Version, 'id' | 'seq' | 'recordedAt' | 'snapshotId' | 'status'>;
};

const versionSelect = { id: true, seq: true, recordedAt: true, snapshotId: true, status: true } as const;
const contextInclude = {
  document: { include: { vendor: true } },
  fromVersion: { select: versionSelect },
  toVersion: { select: versionSelect },
} as const;

@Injectable()
export class ChangeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One change per new version: a retried diff job gets the existing row back. */
  async createOnce(input: ChangeInput): Promise<{ change: Change; created: boolean }> {
    const existing = await this.prisma.change.findUnique({ where: { toVersionId: input.toVersionId } });
    if (existing) return { change: existing as Change, created: false };
    try {
      const data: Prisma.ChangeUncheckedCreateInput = {
        ...input,
        tags: input.tags as Prisma.InputJsonValue,
        stats: input.stats as Prisma.InputJsonValue,
        diff: input.diff as Prisma.InputJsonValue,
      };
      return { change: (await this.prisma.change.create({ data })) as Change, created: true };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const row = await this.prisma.change.findUniqueOrThrow({ where: { toVersionId: input.toVersionId } });
        return { change: row as Change, created: false };
      }
      throw error;
    }
  }

  findById(id: string): Promise<ChangeWithContext | null> {
    return this.prisma.change.findUnique({
      where: { id },
      include: contextInclude,
    }) as Promise<ChangeWithContext | null>;
  }

  findByToVersion(toVersionId: string): Promise<Change | null> {
    return this.prisma.change.findUnique({ where: { toVersionId } }) as Promise<Change | null>;
  }

  /**
   * Applies a named transition of the change lifecycle (libs/contracts) only if the change
   * is still in one of its `from` states: of two racing callers exactly one gets `true`
   * (and so announces once).
   */
  async transition(id: string, transition: ChangeTransition, reason: string | null): Promise<boolean> {
    const { from, to } = CHANGE_LIFECYCLE.transitions[transition];
    const { count } = await this.prisma.change.updateMany({
      where: { id, state: { in: [...from] } },
      data: { state: to, stateReason: reason, ...(to === 'announced' ? { announcedAt: new Date() } : {}) },
    });
    return count === 1;
  }

  /** Changes by severity and state (metrics). */
  async countBySeverityAndState(): Promise<{ severity: Severity; state: ChangeState; count: number }[]> {
    const rows = await this.prisma.change.groupBy({ by: ['severity', 'state'], _count: true });
    return rows.map((r) => ({ severity: r.severity, state: r.state, count: r._count }));
  }

  /**
   * A cheap fingerprint of what `list(filter, page)` returns: the page's ids, states and
   * announce times (an index scan, no joins) and when a document or vendor last changed
   * (their titles and names are shown). Equal stamps, equal pages: readers' conditional
   * requests are answered from it before the page is read or rendered.
   */
  async listStamp(
    filter: ChangeFilter,
    page: { take: number; cursor?: string },
  ): Promise<{ stamp: string; newest: Date | null }> {
    const [rows, documents, vendors] = await Promise.all([
      this.prisma.change.findMany({
        where: this.where(filter),
        select: { id: true, state: true, announcedAt: true, detectedAt: true },
        orderBy: [{ detectedAt: 'desc' }, { id: 'desc' }],
        take: page.take,
        ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
      }),
      this.prisma.document.aggregate({ _max: { updatedAt: true } }),
      this.prisma.vendor.aggregate({ _max: { updatedAt: true } }),
    ]);
    const stamp = [
      documents._max.updatedAt?.getTime() ?? 0,
      vendors._max.updatedAt?.getTime() ?? 0,
      ...rows.map((r) => `${r.id}.${r.state}.${r.announcedAt?.getTime() ?? 0}`),
    ].join(',');
    const first = rows[0];
    return { stamp, newest: first ? (first.announcedAt ?? first.detectedAt) : null };
  }

  /** Newest first; cursor is the id of the last row of the previous page. */
  list(filter: ChangeFilter, page: { take: number; cursor?: string }): Promise<ChangeWithContext[]> {
    return this.prisma.change.findMany({
      where: this.where(filter),
      include: contextInclude,
      orderBy: [{ detectedAt: 'desc' }, { id: 'desc' }],
      take: page.take,
      ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    }) as Promise<ChangeWithContext[]>;
  }

  private where(filter: ChangeFilter): Prisma.ChangeWhereInput {
    return {
      ...(filter.documentId ? { documentId: filter.documentId } : {}),
      ...(filter.vendorId ? { document: { vendorId: filter.vendorId } } : {}),
      ...(filter.vendorSlug ? { document: { vendor: { slug: filter.vendorSlug } } } : {}),
      ...(filter.topic ? { topics: { has: filter.topic } } : {}),
      ...(filter.kind ? { kinds: { has: filter.kind } } : {}),
      ...(filter.severity
        ? { severity: filter.severity }
        : filter.minSeverity
          ? { severity: { in: severityAtLeast(filter.minSeverity) } }
          : {}),
      ...(filter.states ? { state: { in: filter.states } } : {}),
      ...(filter.includeCosmetic === false ? { cosmetic: false } : {}),
      ...(filter.from || filter.to
        ? {
            detectedAt: {
              ...(filter.from ? { gte: filter.from } : {}),
              ...(filter.to ? { lte: filter.to } : {}),
            },
          }
        : {}),
    };
  }
}
