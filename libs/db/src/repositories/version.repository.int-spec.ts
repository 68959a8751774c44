import { useRepository } from '../test/repository-harness';
import { VersionRepository } from './version.repository';

describe('VersionRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new VersionRepository(prisma));

  it('moves a version only along the lifecycle: a transient version is not confirmed by a late re-check', async () => {
    const { documentId } = await t.harness.seedDocument();
    await t.harness.seedVersion(documentId, 1, 'baseline');
    const pending = await t.harness.seedVersion(documentId, 2, 'pending');
    const dropped = await t.repo.transition(pending, 'dropTransient', 'gone on re-check');
    expect(dropped).toMatchObject({ status: 'transient', confirmedAt: null });
    const late = await t.repo.transition(pending, 'confirm', 'confirmed by a re-check');
    expect(late).toMatchObject({ status: 'transient', statusReason: 'gone on re-check' });
    const quarantined = await t.harness.seedVersion(documentId, 3, 'quarantined');
    const released = await t.repo.transition(quarantined, 'release', 'released by an operator');
    expect(released?.status).toBe('released');
    expect(released?.confirmedAt).toBeInstanceOf(Date);
  });

  it('diffs against the newest earlier version that counts as a base, and lists flips newest first', async () => {
    const { documentId } = await t.harness.seedDocument();
    const base = await t.harness.seedVersion(documentId, 1, 'confirmed');
    await t.harness.seedVersion(documentId, 2, 'quarantined');
    await t.harness.seedVersion(documentId, 3, 'transient');
    await t.harness.seedVersion(documentId, 4, 'pending');
    expect((await t.repo.findBaseBefore(documentId, 5))?.id).toBe(base);
    expect((await t.repo.findBaseWithSnapshot(documentId))?.id).toBe(base);
    expect((await t.repo.recentSummaries(documentId, 2)).map((v) => v.seq)).toEqual([4, 3]);
    expect((await t.repo.latest(documentId))?.seq).toBe(4);
    expect(await t.repo.latest(documentId)).not.toHaveProperty('text');
    expect((await t.repo.findBySeq(documentId, 1))?.text).toBe('text 1');
  });
});
