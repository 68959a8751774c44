import { hostname } from 'node:os';

import { Injectable } from '@nestjs/common';

import { JobProbeRepository } from '@fineprint/db';
import { type Job, JobHandler, type JobHandlerInstance } from '@fineprint/queue';

/** The trivial system job: records that this worker handled it (proves the wiring). */
@Injectable()
@JobHandler('system', 'ping')
export class PingProcessor implements JobHandlerInstance {
  private readonly worker = `${hostname()}:${process.pid}`;

  constructor(private readonly probes: JobProbeRepository) {}

  async handle(job: Job): Promise<{ worker: string }> {
    const { runId, seq } = job.data as { runId: string; seq: number };
    await this.probes.record(runId, seq, this.worker);
    return { worker: this.worker };
  }
}
