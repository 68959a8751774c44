import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { DocumentRepository } from './document.repository';

describe('DocumentRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let documents: DocumentRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    documents = new DocumentRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('finds a document by id or vendor/slug, and nothing for a malformed reference', async () => {
    const { documentId } = await h.seedDocument({ slug: 'privacy' });
    expect(await documents.findIdByRef('acme/privacy')).toBe(documentId);
    expect(await documents.findIdByRef(documentId)).toBe(documentId);
    expect(await documents.findIdByRef('acme/nothing')).toBeNull();
    expect(await documents.findIdByRef('not-a-uuid')).toBeNull();
    expect((await documents.findById(documentId))?.vendor.slug).toBe('acme');
  });

  it('turns failing after the threshold, is not scheduled once deleted, and counts by status', async () => {
    const { documentId } = await h.seedDocument();
    await documents.markFailure(documentId, new Date(), 'TIMEOUT: slow', 2);
    expect((await documents.findById(documentId))?.status).not.toBe('failing');
    const failing = await documents.markFailure(documentId, new Date(), 'TIMEOUT: slow', 2);
    expect(failing).toMatchObject({ status: 'failing', consecutiveFailures: 2, lastError: 'TIMEOUT: slow' });
    expect((await documents.listSchedulable()).map((d) => d.id)).toContain(documentId);
    await documents.softDelete(documentId);
    expect((await documents.listSchedulable()).map((d) => d.id)).not.toContain(documentId);
    const counts = await documents.countByStatus();
    expect(counts.find((c) => c.status === 'failing')).toBeUndefined();
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(
      await h.prisma.document.count({ where: { deletedAt: null } }),
    );
  });
});
