import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { DeliveryRepository } from './delivery.repository';

describe('DeliveryRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let deliveries: DeliveryRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    deliveries = new DeliveryRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('creates a fan-out once, reads each delivery with its subscriber, and records digest sends', async () => {
    const { documentId } = await h.seedDocument();
    const from = await h.seedVersion(documentId, 1, 'baseline');
    const to = await h.seedVersion(documentId, 2, 'confirmed');
    const change = await h.prisma.change.create({
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
    const sub = await h.prisma.subscription.create({
      data: { email: 'r@example.org', scopeKey: 'k', unsubscribeTokenHash: 'u', confirmed: true },
    });
    const row = {
      changeId: change.id,
      channel: 'email' as const,
      eventType: 'change.detected',
      targetId: sub.id,
      subscriptionId: sub.id,
    };
    const [first, again] = [await deliveries.createMany([row]), await deliveries.createMany([row])];
    expect(again).toEqual(first);
    expect(await h.prisma.delivery.count()).toBe(1);
    const id = first[0]?.id ?? '';
    const sending = await deliveries.findForSending(id);
    expect(sending?.subscription).toMatchObject({ email: 'r@example.org', confirmed: true });
    expect(await deliveries.findForSending('not-a-uuid')).toBeNull();
    expect(await deliveries.listPendingDigestItems()).toEqual([
      { id, changeId: change.id, subscriptionId: sub.id },
    ]);
    await deliveries.markDelivered([id], 250);
    expect(await deliveries.findById(id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseCode: 250,
    });
    expect(await deliveries.listPendingDigestItems()).toEqual([]);
    await deliveries.recordAttempt(id, { status: 'failed', responseCode: 500, error: 'boom' });
    expect(await deliveries.findById(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'boom' });
    await deliveries.markSkipped([id], 'unsubscribed');
    expect(await deliveries.countByStatus()).toEqual([{ status: 'skipped', channel: 'email', count: 1 }]);
  });
});
