import { useRepository } from '../test/repository-harness';
import { DeliveryRepository } from './delivery.repository';

describe('DeliveryRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new DeliveryRepository(prisma));

  it('creates a fan-out once, reads each delivery with its subscriber, and records digest sends', async () => {
    const { documentId } = await t.harness.seedDocument();
    const from = await t.harness.seedVersion(documentId, 1, 'baseline');
    const to = await t.harness.seedVersion(documentId, 2, 'confirmed');
    const change = await t.harness.prisma.change.create({
      data: {
        documentId,
        fromVersionId: from,
        toVersionId: to,
        severity: 'high',
        cosmetic: false,
        tags: [],
        summary: 's',
        stats: {},
        diff: {},
        state: 'announced',
      },
    });
    const sub = await t.harness.prisma.subscription.create({
      data: { email: 'r@example.org', scopeKey: 'k', unsubscribeTokenHash: 'u', confirmed: true },
    });
    const row = {
      changeId: change.id,
      channel: 'email' as const,
      eventType: 'change.detected',
      targetId: sub.id,
      subscriptionId: sub.id,
    };
    const [first, again] = [await t.repo.createMany([row]), await t.repo.createMany([row])];
    expect(again).toEqual(first);
    expect(await t.harness.prisma.delivery.count()).toBe(1);
    const id = first[0]?.id ?? '';
    const sending = await t.repo.findForSending(id);
    expect(sending?.subscription).toMatchObject({ email: 'r@example.org', confirmed: true });
    expect(await t.repo.findForSending('not-a-uuid')).toBeNull();
    expect(await t.repo.listPendingDigestItems()).toEqual([
      { id, changeId: change.id, subscriptionId: sub.id },
    ]);
    await t.repo.markDelivered([id], 250);
    expect(await t.repo.findById(id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseCode: 250,
    });
    expect(await t.repo.listPendingDigestItems()).toEqual([]);
    await t.repo.recordAttempt(id, { status: 'failed', responseCode: 500, error: 'boom' });
    expect(await t.repo.findById(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'boom' });
    await t.repo.markSkipped([id], 'unsubscribed');
    expect(await t.repo.countByStatus()).toEqual([{ status: 'skipped', channel: 'email', count: 1 }]);
  });
});
