import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { JobProbeRepository } from './job-probe.repository';

describe('JobProbeRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let probes: JobProbeRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    probes = new JobProbeRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('summarises a run: every handling, the distinct jobs, and handlings per worker', async () => {
    await Promise.all([
      probes.record('run-1', 1, 'w1'),
      probes.record('run-1', 2, 'w2'),
      probes.record('run-2', 1, 'w1'),
    ]);
    await probes.record('run-1', 2, 'w1').catch(() => undefined); // a second handling, if the schema allows it
    const summary = await probes.summarize('run-1');
    expect(summary.distinct).toBe(2);
    expect(summary.total).toBe(Object.values(summary.byWorker).reduce((a, b) => a + b, 0));
    expect(summary.byWorker['w2']).toBe(1);
  });
});
