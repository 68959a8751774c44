import { Injectable } from '@nestjs/common';

import { PrismaService } from '../prisma.service';

@Injectable()
export class JobProbeRepository {
  constructor(private readonly prisma: PrismaService) {}

  async record(runId: string, seq: number, worker: string): Promise<void> {
    await this.prisma.jobProbe.create({ data: { runId, seq, worker } });
  }

  /** Handlings per run: total rows, distinct sequence numbers, and rows per worker. */
  async summarize(
    runId: string,
  ): Promise<{ total: number; distinct: number; byWorker: Record<string, number> }> {
    const rows = await this.prisma.jobProbe.findMany({
      where: { runId },
      select: { seq: true, worker: true },
    });
    const byWorker: Record<string, number> = {};
    for (const row of rows) byWorker[row.worker] = (byWorker[row.worker] ?? 0) + 1;
    return { total: rows.length, distinct: new Set(rows.map((r) => r.seq)).size, byWorker };
  }
}
