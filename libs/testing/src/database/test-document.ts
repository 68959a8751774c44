import { type INestApplicationContext } from '@nestjs/common';

import { type DocumentInput, DocumentRepository, VendorRepository } from '@fineprint/db';

/**
 * A tracked document written straight through the repositories of a test's Nest context:
 * the page at `url`, of the vendor `vendor` (created when new), checked every hour over
 * plain HTTP, in English, from the API. Any other field of the document can be set.
 */
export async function createTestDocument(
  app: INestApplicationContext,
  fields: { url: string; slug: string; title: string; vendor?: { slug: string; name: string } } & Partial<
    Omit<DocumentInput, 'vendorId'>
  >,
) {
  const { vendor: owner = { slug: 'acme', name: 'Acme' }, ...document } = fields;
  const vendor = await app.get(VendorRepository).upsertBySlug(owner.slug, owner.name);
  return app.get(DocumentRepository).create({
    vendorId: vendor.id,
    type: 'privacy_notice',
    select: [],
    remove: [],
    fetchMode: 'http',
    language: 'en',
    intervalMinutes: 60,
    active: true,
    source: 'api',
    ...document,
  });
}
