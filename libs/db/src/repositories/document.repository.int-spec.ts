import { useRepository } from '../test/repository-harness';
import { DocumentRepository } from './document.repository';

describe('DocumentRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new DocumentRepository(prisma));

  it('finds a document by id or vendor/slug, and nothing for a malformed reference', async () => {
    const { documentId } = await t.harness.seedDocument({ slug: 'privacy' });
    expect(await t.repo.findIdByRef('acme/privacy')).toBe(documentId);
    expect(await t.repo.findIdByRef(documentId)).toBe(documentId);
    expect(await t.repo.findIdByRef('acme/nothing')).toBeNull();
    expect(await t.repo.findIdByRef('not-a-uuid')).toBeNull();
    expect((await t.repo.findById(documentId))?.vendor.slug).toBe('acme');
  });

  it('turns failing after the threshold, is not scheduled once deleted, and counts by status', async () => {
    const { documentId } = await t.harness.seedDocument();
    await t.repo.markFailure(documentId, new Date(), 'TIMEOUT: slow', 2);
    expect((await t.repo.findById(documentId))?.status).not.toBe('failing');
    const failing = await t.repo.markFailure(documentId, new Date(), 'TIMEOUT: slow', 2);
    expect(failing).toMatchObject({ status: 'failing', consecutiveFailures: 2, lastError: 'TIMEOUT: slow' });
    expect((await t.repo.listSchedulable()).map((d) => d.id)).toContain(documentId);
    await t.repo.softDelete(documentId);
    expect((await t.repo.listSchedulable()).map((d) => d.id)).not.toContain(documentId);
    const counts = await t.repo.countByStatus();
    expect(counts.find((c) => c.status === 'failing')).toBeUndefined();
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(
      await t.harness.prisma.document.count({ where: { deletedAt: null } }),
    );
  });
});
