import { useRepository } from '../test/repository-harness';
import { VendorRepository } from './vendor.repository';

describe('VendorRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new VendorRepository(prisma));

  it('upserts by slug (one row, the newest name), finds by slug and id, lists with document counts', async () => {
    const first = await t.repo.upsertBySlug('globex', 'Globex');
    const again = await t.repo.upsertBySlug('globex', 'Globex Corp');
    expect(again.id).toBe(first.id);
    expect((await t.repo.findBySlug('globex'))?.id).toBe(first.id);
    expect(await t.repo.findBySlug('nobody')).toBeNull();
    expect((await t.repo.findById(first.id))?.slug).toBe('globex');
    await t.harness.seedDocument();
    const listed = await t.repo.list();
    expect(listed.find((v) => v.slug === 'globex')?._count.documents).toBe(0);
    expect(listed.find((v) => v.slug === 'acme')?._count.documents).toBe(1);
  });
});
