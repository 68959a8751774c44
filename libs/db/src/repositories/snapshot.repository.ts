import { brotliDecompressSync } from 'node:zlib';

import { Injectable } from '@nestjs/common';
import { type Snapshot } from '@prisma/client';

import { PrismaService } from '../prisma.service';

/** A snapshot's raw page, as fetched: its stored body, decompressed. */
export function decodeSnapshotBody(snapshot: Pick<Snapshot, 'body' | 'compression'>): Buffer {
  return snapshot.compression === 'br' ? brotliDecompressSync(snapshot.body) : Buffer.from(snapshot.body);
}

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
