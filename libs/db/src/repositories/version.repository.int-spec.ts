import { useRepository } from '../test/repository-harness';
import { type VersionHistory, VersionRepository } from './version.repository';

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

  it("reads when the base's text and a new text were last seen, within the variant window (decision 0023)", async () => {
    const { documentId } = await t.harness.seedDocument();
    const day = 86_400_000;
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * day);
    // A (baseline, 40 days ago), B (transient: a change from A, 20 days ago), C (an old text, never from A)
    const ids = {
      a: await t.harness.seedVersion(documentId, 1, 'baseline'),
      b: await t.harness.seedVersion(documentId, 2, 'transient'),
    };
    const prisma = t.harness.prisma;
    await prisma.version.update({ where: { id: ids.a }, data: { sha256: 'A', recordedAt: ago(40) } });
    await prisma.version.update({ where: { id: ids.b }, data: { sha256: 'B', recordedAt: ago(20) } });
    const runs = [
      { versionId: ids.a, outcome: 'unchanged', at: ago(3) },
      { versionId: ids.b, outcome: 'unchanged', at: ago(2) },
      // a quarantined check names a version but saw no text of the document
      { versionId: ids.a, outcome: 'quarantined', at: ago(1) },
    ] as const;
    for (const r of runs)
      await prisma.checkRun.create({
        data: { documentId, versionId: r.versionId, outcome: r.outcome, durationMs: 1, startedAt: r.at },
      });
    const historyOf = async (textSha256: string, seenSince: Date | null) => {
      let seen: VersionHistory | undefined;
      await t.repo.recordContent({
        documentId,
        text: textSha256,
        textSha256,
        extractionKey: 'k',
        at: new Date(),
        seenSince,
        snapshot: {
          sha256: `page-${textSha256}`,
          encode: () => ({ body: Buffer.from('x'), compression: 'none' }),
          byteLength: 1,
          contentType: 'text/html',
          charset: null,
          httpStatus: 200,
          headers: {},
          finalUrl: 'https://acme.example',
          fetchedWith: 'http',
        },
        decide: (history) => {
          seen = history;
          return { action: 'unchanged' };
        },
      });
      return { baseSeenAt: seen?.baseSeenAt ?? null, variantSeenAt: seen?.variantSeenAt ?? null };
    };
    expect(await historyOf('B', ago(30))).toEqual({ baseSeenAt: ago(3), variantSeenAt: ago(2) });
    // a window that starts after A's last sighting: A is not seen within it
    expect(await historyOf('B', ago(2.5))).toEqual({ baseSeenAt: null, variantSeenAt: ago(2) });
    // a new text, or the base's own text, has no sighting as a variant; no window, nothing read
    expect(await historyOf('C', ago(30))).toEqual({ baseSeenAt: ago(3), variantSeenAt: null });
    expect(await historyOf('A', ago(30))).toEqual({ baseSeenAt: ago(3), variantSeenAt: null });
    expect(await historyOf('B', null)).toEqual({ baseSeenAt: null, variantSeenAt: null });
    // B's own recording (a change from A) counts when no check saw B since A was recorded
    await prisma.checkRun.deleteMany({ where: { documentId, versionId: ids.b } });
    expect(await historyOf('B', ago(30))).toEqual({ baseSeenAt: ago(3), variantSeenAt: ago(20) });
  });
});
