export { CatalogError, type CatalogIssue } from './catalog.errors';
export {
  type CatalogDocument,
  type CatalogDocumentType,
  type CatalogFile,
  catalogFileSchema,
  DOCUMENT_TYPES,
} from './catalog.schema';
export { CatalogModule } from './catalog.module';
export { CatalogSyncService, type SyncReport } from './catalog-sync.service';
export { convertOtaDeclaration, importOtaFolder, otaTypeToDocumentType } from './import-ota';
export { type LoadedCatalog, loadCatalog, parseCatalogFile } from './load-catalog';
