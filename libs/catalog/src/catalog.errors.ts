/** One problem in one catalog file, with the path of the field. */
export interface CatalogIssue {
  file: string;
  field: string;
  message: string;
}

export class CatalogError extends Error {
  readonly code = 'CATALOG_INVALID';
  constructor(readonly issues: CatalogIssue[]) {
    super(
      `The catalog has ${issues.length} problem(s):\n${issues.map((i) => `  ${i.file}: ${i.field}: ${i.message}`).join('\n')}`,
    );
    this.name = 'CatalogError';
  }
}
