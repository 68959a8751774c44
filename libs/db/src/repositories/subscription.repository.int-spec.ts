import { TEST_SCOPE as scope, useRepository } from '../test/repository-harness';
import { SubscriptionRepository } from './subscription.repository';

describe('SubscriptionRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new SubscriptionRepository(prisma));

  it('confirms once by token, unsubscribes by token, and lists only active subscribers', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await t.repo.create({
      id,
      sentAt: new Date(),
      email: 'reader@example.org',
      scope,
      digest: 'immediate',
      confirmTokenHash: 'confirm-hash',
      unsubscribeTokenHash: 'unsubscribe-hash',
    });
    expect((await t.repo.findByEmailAndScope('reader@example.org', scope))?.id).toBe(id);
    expect(await t.repo.findByEmailAndScope('reader@example.org', { ...scope, topic: null })).toBeNull();
    expect(await t.repo.listActive({ take: 10 })).toEqual([]);
    expect((await t.repo.confirmByTokenHash('confirm-hash'))?.confirmed).toBe(true);
    expect(await t.repo.confirmByTokenHash('confirm-hash')).toBeNull(); // the token is spent
    expect((await t.repo.listActive({ take: 10 })).map((s) => s.id)).toEqual([id]);
    expect(await t.repo.countActive()).toBe(1);
    await t.repo.unsubscribeByTokenHash('unsubscribe-hash');
    expect(await t.repo.countActive()).toBe(0);
    expect(await t.repo.unsubscribeByTokenHash('no-such-hash')).toBeNull();
  });
});
