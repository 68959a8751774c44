import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { SubscriptionRepository } from './subscription.repository';

const scope = {
  vendorId: null,
  documentId: null,
  topic: 'retention',
  minSeverity: 'medium' as const,
  includeCosmetic: false,
};

describe('SubscriptionRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let subscriptions: SubscriptionRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    subscriptions = new SubscriptionRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('confirms once by token, unsubscribes by token, and lists only active subscribers', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await subscriptions.create({
      id,
      sentAt: new Date(),
      email: 'reader@example.org',
      scope,
      digest: 'immediate',
      confirmTokenHash: 'confirm-hash',
      unsubscribeTokenHash: 'unsubscribe-hash',
    });
    expect((await subscriptions.findByEmailAndScope('reader@example.org', scope))?.id).toBe(id);
    expect(
      await subscriptions.findByEmailAndScope('reader@example.org', { ...scope, topic: null }),
    ).toBeNull();
    expect(await subscriptions.listActive({ take: 10 })).toEqual([]);
    expect((await subscriptions.confirmByTokenHash('confirm-hash'))?.confirmed).toBe(true);
    expect(await subscriptions.confirmByTokenHash('confirm-hash')).toBeNull(); // the token is spent
    expect((await subscriptions.listActive({ take: 10 })).map((s) => s.id)).toEqual([id]);
    expect(await subscriptions.countActive()).toBe(1);
    await subscriptions.unsubscribeByTokenHash('unsubscribe-hash');
    expect(await subscriptions.countActive()).toBe(0);
    expect(await subscriptions.unsubscribeByTokenHash('no-such-hash')).toBeNull();
  });
});
