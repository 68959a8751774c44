import { Injectable } from '@nestjs/common';
import { type Vendor } from '@prisma/client';

import { PrismaService } from '../prisma.service';

@Injectable()
export class VendorRepository {
  constructor(private readonly prisma: PrismaService) {}

  upsertBySlug(slug: string, name: string): Promise<Vendor> {
    return this.prisma.vendor.upsert({ where: { slug }, create: { slug, name }, update: { name } });
  }

  findBySlug(slug: string): Promise<Vendor | null> {
    return this.prisma.vendor.findUnique({ where: { slug } });
  }

  findById(id: string): Promise<Vendor | null> {
    return this.prisma.vendor.findUnique({ where: { id } });
  }

  list(): Promise<(Vendor & { _count: { documents: number } })[]> {
    return this.prisma.vendor.findMany({
      orderBy: { name: 'asc' },
      include: { _count: { select: { documents: { where: { deletedAt: null } } } } },
    });
  }
}
