import { brotliCompressSync } from 'node:zlib';

import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { decodeSnapshotBody, SnapshotRepository } from './snapshot.repository';

describe('SnapshotRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let snapshots: SnapshotRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    snapshots = new SnapshotRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('reads a stored page back (brotli or plain) and names the newest one seen, without its body', async () => {
    const { documentId } = await h.seedDocument();
    const page = Buffer.from('<html>the page</html>');
    const stored = await h.prisma.snapshot.create({
      data: {
        documentId,
        sha256: 'b'.repeat(64),
        body: brotliCompressSync(page),
        compression: 'br',
        byteLength: page.length,
        finalUrl: 'https://acme.example',
        fetchedWith: 'http',
        lastSeenAt: new Date(Date.now() + 60_000),
      },
    });
    await h.seedVersion(documentId, 1, 'baseline');
    const found = await snapshots.findById(stored.id);
    expect(found && decodeSnapshotBody(found).toString()).toBe(page.toString());
    const latest = await snapshots.latestForDocument(documentId);
    expect(latest?.id).toBe(stored.id);
    expect(latest).not.toHaveProperty('body');
  });
});
