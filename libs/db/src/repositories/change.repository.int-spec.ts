import { useRepository } from '../test/repository-harness';
import { ChangeRepository, type ChangeInput } from './change.repository';

describe('ChangeRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new ChangeRepository(prisma));

  const input = async (severity: ChangeInput['severity']): Promise<ChangeInput> => {
    const { documentId } = await t.harness.seedDocument();
    const from = await t.harness.seedVersion(documentId, 1, 'baseline');
    const to = await t.harness.seedVersion(documentId, 2, 'confirmed');
    return {
      documentId,
      fromVersionId: from,
      toVersionId: to,
      severity,
      severityRule: 'rule',
      cosmetic: false,
      tags: [],
      topics: ['retention'],
      kinds: ['retention-changed'],
      summary: 'kept longer',
      stats: {},
      diff: {},
      state: 'pending',
      stateReason: null,
    };
  };

  it('stores one change per version, and announces it exactly once among racing callers', async () => {
    const data = await input('high');
    const [a, b] = await Promise.all([t.repo.createOnce(data), t.repo.createOnce(data)]);
    expect(a.change.id).toBe(b.change.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    const wins = await Promise.all([1, 2, 3].map(() => t.repo.transition(a.change.id, 'announce', null)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const announced = await t.repo.findByToVersion(data.toVersionId);
    expect(announced?.state).toBe('announced');
    expect(announced?.announcedAt).not.toBeNull();
    expect(await t.repo.transition(a.change.id, 'suppress', 'too late')).toBe(false);
  });

  it('filters by minimum severity with the vocabulary order and counts by severity and state', async () => {
    await t.repo.createOnce(await input('low'));
    await t.repo.createOnce(await input('medium'));
    const atLeastMedium = await t.repo.list({ minSeverity: 'medium' }, { take: 50 });
    expect(atLeastMedium.map((c) => c.severity).sort()).toEqual(['high', 'medium']);
    expect((await t.repo.list({ minSeverity: 'cosmetic' }, { take: 50 })).length).toBe(3);
    expect((await t.repo.list({ topic: 'retention', kind: 'retention-changed' }, { take: 50 })).length).toBe(
      3,
    );
    const counts = await t.repo.countBySeverityAndState();
    expect(counts).toEqual(
      expect.arrayContaining([
        { severity: 'high', state: 'announced', count: 1 },
        { severity: 'low', state: 'pending', count: 1 },
      ]),
    );
  });
});
