import { type ScopeInput } from '@fineprint/contracts';
import { type DocumentRepository, type SubscriptionScope, type VendorRepository } from '@fineprint/db';

import { ApiError } from './api.errors';

/** Turns a scope as clients write it (vendor slug) into ids; unknown names are a 400. */
export async function resolveScope(
  scope: Required<Pick<ScopeInput, 'minSeverity' | 'includeCosmetic'>> & ScopeInput,
  vendors: VendorRepository,
  documents: DocumentRepository,
): Promise<SubscriptionScope> {
  let vendorId: string | null = null;
  if (scope.vendor) {
    const vendor = await vendors.findBySlug(scope.vendor);
    if (!vendor) throw new ApiError(400, 'invalid_input', `scope.vendor: no vendor "${scope.vendor}"`);
    vendorId = vendor.id;
  }
  if (scope.documentId && !(await documents.findById(scope.documentId))) {
    throw new ApiError(400, 'invalid_input', `scope.documentId: no document ${scope.documentId}`);
  }
  return {
    vendorId,
    documentId: scope.documentId ?? null,
    topic: scope.topic ?? null,
    minSeverity: scope.minSeverity,
    includeCosmetic: scope.includeCosmetic,
  };
}
