import { brotliCompressSync } from 'node:zlib';

import { useRepository } from '../test/repository-harness';
import { decodeSnapshotBody, SnapshotRepository } from './snapshot.repository';

describe('SnapshotRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new SnapshotRepository(prisma));

  it('reads a stored page back (brotli or plain) and names the newest one seen, without its body', async () => {
    const { documentId } = await t.harness.seedDocument();
    const page = Buffer.from('<html>the page</html>');
    const stored = await t.harness.prisma.snapshot.create({
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
    await t.harness.seedVersion(documentId, 1, 'baseline');
    const found = await t.repo.findById(stored.id);
    expect(found && decodeSnapshotBody(found).toString()).toBe(page.toString());
    const latest = await t.repo.latestForDocument(documentId);
    expect(latest?.id).toBe(stored.id);
    expect(latest).not.toHaveProperty('body');
  });
});
