import { Injectable } from '@nestjs/common';
import {
  type Change,
  type ChangeState,
  type Document,
  Prisma,
  type Severity,
  type Vendor,
  type Version,
} from '@prisma/client';

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
  topics: string[];
  kinds: string[];
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
  topic?: string;
  kind?: string;
  severity?: Severity;
  minSeverity?: Severity;
  states?: ChangeState[];
  from?: Date;
  to?: Date;
  includeCosmetic?: boolean;
}

export type ChangeWithContext = Change & {
  document: Document & { vendor: Vendor };
  fromVersion: Pick<Version, 'id' | 'seq' | 'recordedAt' | 'snapshotId' | 'status'>;
  toVersion: Pick<Version, 'id' | 'seq' | 'recordedAt' | 'snapshotId' | 'status'>;
};

const SEVERITY_ORDER: Severity[] = ['cosmetic', 'low', 'medium', 'high'];
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
    if (existing) return { change: existing, created: false };
    try {
      const data: Prisma.ChangeUncheckedCreateInput = {
        ...input,
        tags: input.tags as Prisma.InputJsonValue,
        stats: input.stats as Prisma.InputJsonValue,
        diff: input.diff as Prisma.InputJsonValue,
      };
      return { change: await this.prisma.change.create({ data }), created: true };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const row = await this.prisma.change.findUniqueOrThrow({ where: { toVersionId: input.toVersionId } });
        return { change: row, created: false };
      }
      throw error;
    }
  }

  findById(id: string): Promise<ChangeWithContext | null> {
    return this.prisma.change.findUnique({ where: { id }, include: contextInclude });
  }

  findByToVersion(toVersionId: string): Promise<Change | null> {
    return this.prisma.change.findUnique({ where: { toVersionId } });
  }

  setState(id: string, state: ChangeState, reason: string | null): Promise<Change> {
    return this.prisma.change.update({
      where: { id },
      data: { state, stateReason: reason, ...(state === 'announced' ? { announcedAt: new Date() } : {}) },
    });
  }

  /**
   * Moves a change from one state to another only if it is still in `from`: of two
   * racing callers exactly one gets `true` (and so announces once).
   */
  async transition(id: string, from: ChangeState, to: ChangeState, reason: string | null): Promise<boolean> {
    const { count } = await this.prisma.change.updateMany({
      where: { id, state: from },
      data: { state: to, stateReason: reason, ...(to === 'announced' ? { announcedAt: new Date() } : {}) },
    });
    return count === 1;
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
    });
  }

  private where(filter: ChangeFilter): Prisma.ChangeWhereInput {
    const minIndex = filter.minSeverity ? SEVERITY_ORDER.indexOf(filter.minSeverity) : 0;
    return {
      ...(filter.documentId ? { documentId: filter.documentId } : {}),
      ...(filter.vendorId ? { document: { vendorId: filter.vendorId } } : {}),
      ...(filter.vendorSlug ? { document: { vendor: { slug: filter.vendorSlug } } } : {}),
      ...(filter.topic ? { topics: { has: filter.topic } } : {}),
      ...(filter.kind ? { kinds: { has: filter.kind } } : {}),
      ...(filter.severity
        ? { severity: filter.severity }
        : minIndex > 0
          ? { severity: { in: SEVERITY_ORDER.slice(minIndex) } }
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
