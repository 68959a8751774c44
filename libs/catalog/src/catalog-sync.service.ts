import { Injectable, Logger } from '@nestjs/common';

import { DocumentRepository, VendorRepository } from '@fineprint/db';

import { type CatalogFile } from './catalog.schema';

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

  async sync(
    files: { file: string; content: CatalogFile }[],
    sourceKind: 'catalog' | 'ota',
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
