import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { VersionRepository } from './version.repository';

describe('VersionRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let versions: VersionRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    versions = new VersionRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('moves a version only along the lifecycle: a transient version is not confirmed by a late re-check', async () => {
    const { documentId } = await h.seedDocument();
    await h.seedVersion(documentId, 1, 'baseline');
    const pending = await h.seedVersion(documentId, 2, 'pending');
    const dropped = await versions.transition(pending, 'dropTransient', 'gone on re-check');
    expect(dropped).toMatchObject({ status: 'transient', confirmedAt: null });
    const late = await versions.transition(pending, 'confirm', 'confirmed by a re-check');
    expect(late).toMatchObject({ status: 'transient', statusReason: 'gone on re-check' });
    const quarantined = await h.seedVersion(documentId, 3, 'quarantined');
    const released = await versions.transition(quarantined, 'release', 'released by an operator');
    expect(released?.status).toBe('released');
    expect(released?.confirmedAt).toBeInstanceOf(Date);
  });

  it('diffs against the newest earlier version that counts as a base, and lists flips newest first', async () => {
    const { documentId } = await h.seedDocument();
    const base = await h.seedVersion(documentId, 1, 'confirmed');
    await h.seedVersion(documentId, 2, 'quarantined');
    await h.seedVersion(documentId, 3, 'transient');
    await h.seedVersion(documentId, 4, 'pending');
    expect((await versions.findBaseBefore(documentId, 5))?.id).toBe(base);
    expect((await versions.findBaseWithSnapshot(documentId))?.id).toBe(base);
    expect((await versions.recentSummaries(documentId, 2)).map((v) => v.seq)).toEqual([4, 3]);
    expect((await versions.latest(documentId))?.seq).toBe(4);
    expect(await versions.latest(documentId)).not.toHaveProperty('text');
    expect((await versions.findBySeq(documentId, 1))?.text).toBe('text 1');
  });
});
