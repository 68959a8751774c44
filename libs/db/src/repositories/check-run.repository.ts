import { Injectable } from '@nestjs/common';
import { type CheckRun, type Prisma } from '@prisma/client';

import { PrismaService } from '../prisma.service';

@Injectable()
export class CheckRunRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Records one attempt. A replayed attempt (same job id and attempt number, e.g.
   * after a crash between the write and the acknowledgement) returns the first record.
   */
  async record(data: Prisma.CheckRunUncheckedCreateInput): Promise<CheckRun> {
    if (data.jobId) {
      const existing = await this.prisma.checkRun.findUnique({
        where: { jobId_attempt: { jobId: data.jobId, attempt: data.attempt ?? 1 } },
      });
      if (existing) return existing;
    }
    return this.prisma.checkRun.create({ data });
  }

  listForDocument(documentId: string, take = 50): Promise<CheckRun[]> {
    return this.prisma.checkRun.findMany({ where: { documentId }, orderBy: { startedAt: 'desc' }, take });
  }

  countByOutcome(documentId: string): Promise<{ outcome: CheckRun['outcome']; _count: number }[]> {
    return this.prisma.checkRun
      .groupBy({ by: ['outcome'], where: { documentId }, _count: true })
      .then((rows) => rows.map((r) => ({ outcome: r.outcome, _count: r._count })));
  }
}
