import { Injectable } from '@nestjs/common';
import { type CheckRun, Prisma } from '@prisma/client';

import { PrismaService } from '../prisma.service';

@Injectable()
export class CheckRunRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Records one attempt. A replayed attempt (same job id and attempt number, e.g.
   * after a crash between the write and the acknowledgement) returns the first record.
   */
  async record(data: Prisma.CheckRunUncheckedCreateInput): Promise<CheckRun> {
    try {
      return await this.prisma.checkRun.create({ data });
    } catch (error) {
      if (data.jobId && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        return this.prisma.checkRun.findUniqueOrThrow({
          where: { jobId_attempt: { jobId: data.jobId, attempt: data.attempt ?? 1 } },
        });
      }
      throw error;
    }
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
