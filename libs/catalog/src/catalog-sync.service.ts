import { Injectable, Logger } from '@nestjs/common';

import { type DocumentInput, DocumentRepository, type InputJsonValue, VendorRepository } from '@fineprint/db';

import { type CatalogDocument, type CatalogFile } from './catalog.schema';
import { usesNamedFilters } from './named-filters';

export interface SyncReport {
  upserted: string[];
  deactivated: string[];
}

/**
 * Writes catalog declarations into the database. A document keeps its id across syncs
 * (matched by vendor and slug); one that disappeared from its source is paused, never
 * deleted, so its history stays.
 */
@Injectable()
export class CatalogSyncService {
  private readonly logger = new Logger(CatalogSyncService.name);

  constructor(
    private readonly vendors: VendorRepository,
    private readonly documents: DocumentRepository,
  ) {}

  /**
   * `runFilters`: the operator opted in to run these files' filter code (sandboxed); without
   * it, documents with named filters are tracked without them (and flagged by the import).
   */
  async sync(
    files: { file: string; content: CatalogFile }[],
    sourceKind: 'catalog' | 'ota',
    options: { runFilters?: boolean } = {},
  ): Promise<SyncReport> {
    const upserted: string[] = [];
    const deactivated: string[] = [];
    const declared = new Set<string>();
    for (const { file, content } of files) {
      const vendor = await this.vendors.upsertBySlug(content.vendor.slug, content.vendor.name);
      for (const doc of content.documents) {
        const saved = await this.documents.upsert({
          vendorId: vendor.id,
          slug: doc.slug,
          title: doc.title,
          type: doc.type,
          url: doc.url,
          select: doc.select,
          remove: doc.remove,
          fetchMode: doc.fetch,
          ...filtersOf(doc, content, options.runFilters ?? false),
          language: doc.language ?? null,
          intervalMinutes: doc.interval,
          active: doc.active,
          source: `${sourceKind}:${file}`,
        });
        declared.add(saved.id);
        upserted.push(saved.id);
      }
    }
    if (sourceKind === 'catalog') {
      for (const existing of await this.documents.listBySource('catalog:')) {
        if (!declared.has(existing.id) && existing.active) {
          await this.documents.update(existing.id, { active: false });
          deactivated.push(existing.id);
        }
      }
    }
    this.logger.log({
      msg: 'catalog synced',
      sourceKind,
      upserted: upserted.length,
      deactivated: deactivated.length,
    });
    return { upserted, deactivated };
  }
}

/** The combine sources, filters and filter code of a document, as the database keeps them. */
function filtersOf(
  doc: CatalogDocument,
  file: CatalogFile,
  runFilters: boolean,
): Pick<DocumentInput, 'sources' | 'filters' | 'filterCode' | 'filtersApproved'> {
  const named = usesNamedFilters(doc);
  // zod's output types are JSON already; Prisma's JSON input type wants an index signature
  const json = (value: unknown) => value as InputJsonValue;
  return {
    sources: doc.combine
      ? json(
          doc.combine.map((source) => ({
            url: source.url,
            select: source.select,
            remove: source.remove,
            fetchMode: source.fetch,
            filters: source.filters,
          })),
        )
      : null,
    filters: json(doc.filters),
    filterCode: named && file.filterCode ? json(file.filterCode) : null,
    filtersApproved: named && Boolean(file.filterCode) && runFilters,
  };
}
