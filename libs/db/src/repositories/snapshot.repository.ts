import { Injectable } from '@nestjs/common';
import { type Snapshot } from '@prisma/client';

import { PrismaService } from '../prisma.service';

@Injectable()
export class SnapshotRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<Snapshot | null> {
    return this.prisma.snapshot.findUnique({ where: { id } });
  }

  /** The most recently recorded snapshot: its hash and validators drive conditional requests. */
  latestForDocument(documentId: string): Promise<Omit<Snapshot, 'body'> | null> {
    return this.prisma.snapshot.findFirst({
      where: { documentId },
      orderBy: { lastSeenAt: 'desc' },
      omit: { body: true },
    });
  }
}
