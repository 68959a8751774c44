export { CatalogError, type CatalogIssue } from './catalog.errors';
export {
  type CatalogDocument,
  type CatalogDocumentType,
  type CatalogFile,
  catalogFileSchema,
  type CatalogSource,
  DOCUMENT_TYPES,
  type FilterCode,
} from './catalog.schema';
export { CatalogModule } from './catalog.module';
export { CatalogSyncService, type SyncReport } from './catalog-sync.service';
export { convertOtaDeclaration, importOtaFolder, otaTypeToDocumentType } from './import-ota';
export { namedFilters, namedFilterStatus, usesNamedFilters } from './named-filters';
export { BUILTIN_FILTERS, readOtaFilterModule } from './ota-filter-module';
export {
  formatOtaReport,
  type OtaDocumentReport,
  type OtaFeature,
  type OtaImportReport,
  type OtaImportStatus,
} from './ota-import-report';
export { type LoadedCatalog, loadCatalog, parseCatalogFile } from './load-catalog';
