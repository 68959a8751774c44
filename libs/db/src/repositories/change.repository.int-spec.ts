import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { ChangeRepository, type ChangeInput } from './change.repository';

describe('ChangeRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let changes: ChangeRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    changes = new ChangeRepository(h.prisma);
  });
  afterAll(() => h.close());

  const input = async (severity: ChangeInput['severity']): Promise<ChangeInput> => {
    const { documentId } = await h.seedDocument();
    const from = await h.seedVersion(documentId, 1, 'baseline');
    const to = await h.seedVersion(documentId, 2, 'confirmed');
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
    const [a, b] = await Promise.all([changes.createOnce(data), changes.createOnce(data)]);
    expect(a.change.id).toBe(b.change.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    const wins = await Promise.all([1, 2, 3].map(() => changes.transition(a.change.id, 'announce', null)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const announced = await changes.findByToVersion(data.toVersionId);
    expect(announced?.state).toBe('announced');
    expect(announced?.announcedAt).not.toBeNull();
    expect(await changes.transition(a.change.id, 'suppress', 'too late')).toBe(false);
  });

  it('filters by minimum severity with the vocabulary order and counts by severity and state', async () => {
    await changes.createOnce(await input('low'));
    await changes.createOnce(await input('medium'));
    const atLeastMedium = await changes.list({ minSeverity: 'medium' }, { take: 50 });
    expect(atLeastMedium.map((c) => c.severity).sort()).toEqual(['high', 'medium']);
    expect((await changes.list({ minSeverity: 'cosmetic' }, { take: 50 })).length).toBe(3);
    expect((await changes.list({ topic: 'retention', kind: 'retention-changed' }, { take: 50 })).length).toBe(
      3,
    );
    const counts = await changes.countBySeverityAndState();
    expect(counts).toEqual(
      expect.arrayContaining([
        { severity: 'high', state: 'announced', count: 1 },
        { severity: 'low', state: 'pending', count: 1 },
      ]),
    );
  });
});
