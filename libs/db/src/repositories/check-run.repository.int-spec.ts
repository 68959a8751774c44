import { useRepository } from '../test/repository-harness';
import { CheckRunRepository, type ProblemRun } from './check-run.repository';

describe('CheckRunRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new CheckRunRepository(prisma));

  it('records one failed run per (run key, attempt), and the metrics count and time the table', async () => {
    const { documentId } = await t.harness.seedDocument();
    const failed = (jobId: string, attempt: number): ProblemRun => ({
      documentId,
      jobId,
      attempt,
      trigger: 'manual',
      startedAt: new Date(),
      durationMs: 40 * attempt,
      outcome: 'failed',
      errorKind: 'transient',
      errorCode: 'TIMEOUT',
      errorMessage: 'x'.repeat(5000),
    });
    const first = await t.repo.record(failed('check-now_d@1', 1));
    const replay = await t.repo.record(failed('check-now_d@1', 1));
    expect(replay.id).toBe(first.id);
    expect(first.errorMessage).toHaveLength(2000);
    await t.repo.record(failed('check-now_d@1', 2));
    await t.repo.record(failed('check-now_d@2', 1)); // the same job id enqueued again: its own run
    expect(await t.repo.countAllByOutcome()).toEqual([{ outcome: 'failed', count: 3 }]);
    const quantiles = await t.repo.durationQuantiles(new Date(Date.now() - 3600_000));
    expect(quantiles.p50).toBe(40);
    expect(await t.repo.durationQuantiles(new Date(Date.now() + 3600_000))).toEqual({ p50: null, p95: null });
    expect((await t.repo.listForDocument(documentId)).length).toBe(3);
  });
});
