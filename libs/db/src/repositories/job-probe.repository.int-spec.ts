import { useRepository } from '../test/repository-harness';
import { JobProbeRepository } from './job-probe.repository';

describe('JobProbeRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new JobProbeRepository(prisma));

  it('summarises a run: every handling, the distinct jobs, and handlings per worker', async () => {
    await Promise.all([
      t.repo.record('run-1', 1, 'w1'),
      t.repo.record('run-1', 2, 'w2'),
      t.repo.record('run-2', 1, 'w1'),
    ]);
    await t.repo.record('run-1', 2, 'w1').catch(() => undefined); // a second handling, if the schema allows it
    const summary = await t.repo.summarize('run-1');
    expect(summary.distinct).toBe(2);
    expect(summary.total).toBe(Object.values(summary.byWorker).reduce((a, b) => a + b, 0));
    expect(summary.byWorker['w2']).toBe(1);
  });
});
