import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { VendorRepository } from './vendor.repository';

describe('VendorRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let vendors: VendorRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    vendors = new VendorRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('upserts by slug (one row, the newest name), finds by slug and id, lists with document counts', async () => {
    const first = await vendors.upsertBySlug('globex', 'Globex');
    const again = await vendors.upsertBySlug('globex', 'Globex Corp');
    expect(again.id).toBe(first.id);
    expect((await vendors.findBySlug('globex'))?.id).toBe(first.id);
    expect(await vendors.findBySlug('nobody')).toBeNull();
    expect((await vendors.findById(first.id))?.slug).toBe('globex');
    await h.seedDocument();
    const listed = await vendors.list();
    expect(listed.find((v) => v.slug === 'globex')?._count.documents).toBe(0);
    expect(listed.find((v) => v.slug === 'acme')?._count.documents).toBe(1);
  });
});
