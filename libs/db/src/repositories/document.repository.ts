import { Injectable } from '@nestjs/common';
import { type Document, type DocumentType, type FetchMode, Prisma, type Vendor } from '@prisma/client';

import { PrismaService } from '../prisma.service';

/** A value for a JSON column. */
export type InputJsonValue = Prisma.InputJsonValue;

export interface DocumentInput {
  vendorId: string;
  slug: string;
  title: string;
  type: DocumentType;
  url: string;
  select: string[];
  remove: string[];
  fetchMode: FetchMode;
  language: string | null;
  intervalMinutes: number;
  active: boolean;
  source: string;
  /** Pages of a combined document (decision 0021); null: one page. */
  sources?: Prisma.InputJsonValue | null;
  /** Named filters, as Open Terms Archive writes them. */
  filters?: Prisma.InputJsonValue;
  /** The collection's filter code; null: none. */
  filterCode?: Prisma.InputJsonValue | null;
  filtersApproved?: boolean;
}

/** Json columns take Prisma's DbNull, not null. */
function toData<T extends Partial<DocumentInput>>(input: T) {
  const { sources, filterCode, ...rest } = input;
  return {
    ...rest,
    ...(sources !== undefined ? { sources: sources ?? Prisma.DbNull } : {}),
    ...(filterCode !== undefined ? { filterCode: filterCode ?? Prisma.DbNull } : {}),
  };
}

export type DocumentWithVendor = Document & { vendor: Vendor };

export interface DocumentFilter {
  vendorSlug?: string;
  type?: DocumentType;
  status?: Document['status'];
  q?: string;
  includeDeleted?: boolean;
}

@Injectable()
export class DocumentRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<DocumentWithVendor | null> {
    return this.prisma.document.findUnique({ where: { id }, include: { vendor: true } });
  }

  findBySlug(vendorId: string, slug: string): Promise<Document | null> {
    return this.prisma.document.findUnique({ where: { vendorId_slug: { vendorId, slug } } });
  }

  /** Create or update by (vendor, slug); a re-declared deleted document comes back. */
  upsert(input: DocumentInput): Promise<Document> {
    const { vendorId, slug, ...rest } = toData(input);
    return this.prisma.document.upsert({
      where: { vendorId_slug: { vendorId, slug } },
      create: { vendorId, slug, ...rest },
      update: { ...rest, deletedAt: null },
    });
  }

  create(input: DocumentInput): Promise<Document> {
    return this.prisma.document.create({ data: toData(input) });
  }

  /** `sources: null` makes a combined document one page again. */
  update(
    id: string,
    data: Omit<Prisma.DocumentUpdateInput, 'sources'> & { sources?: Prisma.InputJsonValue | null },
  ): Promise<Document> {
    const { sources, ...rest } = data;
    return this.prisma.document.update({
      where: { id },
      data: { ...rest, ...(sources !== undefined ? { sources: sources ?? Prisma.DbNull } : {}) },
    });
  }

  softDelete(id: string): Promise<Document> {
    return this.prisma.document.update({ where: { id }, data: { deletedAt: new Date(), active: false } });
  }

  /** Documents that should have a schedule: active and not deleted. */
  listSchedulable(): Promise<Pick<Document, 'id' | 'intervalMinutes'>[]> {
    return this.prisma.document.findMany({
      where: { active: true, deletedAt: null },
      select: { id: true, intervalMinutes: true },
    });
  }

  listBySource(prefix: string): Promise<Document[]> {
    return this.prisma.document.findMany({ where: { source: { startsWith: prefix }, deletedAt: null } });
  }

  async list(filter: DocumentFilter, page: { take: number; cursor?: string }): Promise<DocumentWithVendor[]> {
    return this.prisma.document.findMany({
      where: {
        ...(filter.includeDeleted ? {} : { deletedAt: null }),
        ...(filter.vendorSlug ? { vendor: { slug: filter.vendorSlug } } : {}),
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.q ? { title: { contains: filter.q, mode: 'insensitive' as const } } : {}),
      },
      include: { vendor: true },
      orderBy: [{ title: 'asc' }, { id: 'asc' }],
      take: page.take,
      ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    });
  }

  /** A failed check: the document is `failing` once the streak reaches `threshold`. */
  async markFailure(id: string, at: Date, message: string, threshold: number): Promise<Document> {
    const updated = await this.prisma.document.update({
      where: { id },
      data: { consecutiveFailures: { increment: 1 }, lastError: message, lastCheckedAt: at },
    });
    if (updated.consecutiveFailures >= threshold && updated.status !== 'failing') {
      return this.prisma.document.update({ where: { id }, data: { status: 'failing' } });
    }
    return updated;
  }

  /** Documents not deleted, by status (metrics). */
  /** Active documents not checked for more than twice their interval (a lost or starved schedule). */
  async countOverdue(): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Document"
      WHERE "active" AND "deletedAt" IS NULL
        AND coalesce("lastCheckedAt", "createdAt") < now() - make_interval(mins => 2 * "intervalMinutes")`;
    return Number(rows[0]?.n ?? 0);
  }

  async countByStatus(): Promise<{ status: Document['status']; count: number }[]> {
    const rows = await this.prisma.document.groupBy({
      by: ['status'],
      where: { deletedAt: null },
      _count: true,
    });
    return rows.map((r) => ({ status: r.status, count: r._count }));
  }

  /** A document by its id or by `vendor-slug/slug` (the CLI's way of naming one); null if none. */
  async findIdByRef(ref: string): Promise<string | null> {
    const [vendorSlug, slug] = ref.split('/');
    if (slug) {
      const found = await this.prisma.document.findFirst({
        where: { slug, vendor: { slug: vendorSlug } },
        select: { id: true },
      });
      return found?.id ?? null;
    }
    const found = await this.prisma.document
      .findFirst({ where: { id: ref }, select: { id: true } })
      .catch(() => null);
    return found?.id ?? null;
  }

  setUnstable(id: string, unstable: boolean): Promise<Document> {
    return this.prisma.document.update({ where: { id }, data: { unstable } });
  }
}
