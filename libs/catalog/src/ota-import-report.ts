/**
 * What `catalog import-ota` did with each document of a collection:
 * - `exact`: tracked with everything its declaration says (selectors and ranges, combined
 *   pages, client scripts, the engine's built-in filters);
 * - `filters-opted-in`: the same, with the collection's own filters run in the sandbox;
 * - `filters-pending`: tracked, but its named filters do not run until the operator opts in
 *   for the collection, so its text may be wider than the declaration's;
 * - `not-imported`: not tracked, with the reasons.
 */
export type OtaImportStatus = 'exact' | 'filters-opted-in' | 'filters-pending' | 'not-imported';

export const OTA_STATUSES: OtaImportStatus[] = [
  'exact',
  'filters-opted-in',
  'filters-pending',
  'not-imported',
];

export type OtaFeature = 'range-selector' | 'combine' | 'client-scripts' | 'builtin-filter' | 'named-filter';

export interface OtaDocumentReport {
  file: string;
  service: string;
  termsType: string;
  /** vendor/slug when imported */
  key?: string;
  status: OtaImportStatus;
  features: OtaFeature[];
  /** why it was not imported, or what to know about it */
  reasons: string[];
}

export interface OtaImportReport {
  services: number;
  documents: OtaDocumentReport[];
  counts: Record<OtaImportStatus, number>;
  features: Record<OtaFeature, number>;
  runFilters: boolean;
}

export function summarize(
  documents: OtaDocumentReport[],
  services: number,
  runFilters: boolean,
): OtaImportReport {
  const counts = Object.fromEntries(OTA_STATUSES.map((s) => [s, 0])) as Record<OtaImportStatus, number>;
  const features: Record<OtaFeature, number> = {
    'range-selector': 0,
    combine: 0,
    'client-scripts': 0,
    'builtin-filter': 0,
    'named-filter': 0,
  };
  for (const doc of documents) {
    counts[doc.status] += 1;
    for (const feature of doc.features) features[feature] += 1;
  }
  return { services, documents, counts, features, runFilters };
}

/** The report as the CLI prints it: totals, then every document that is not exact. */
export function formatOtaReport(report: OtaImportReport): string {
  const { counts, features } = report;
  const lines = [
    `${report.documents.length} document(s) of ${report.services} service(s):`,
    `  ${counts.exact} imported exactly`,
    `  ${counts['filters-opted-in']} imported with the collection's filters (run in the sandbox)`,
    `  ${counts['filters-pending']} imported with filters pending opt-in (tracked without their named filters: run again with --run-filters to opt in)`,
    `  ${counts['not-imported']} not imported`,
    `declarations using: ${features['range-selector']} range selectors, ${features.combine} combine, ${features['client-scripts']} client scripts, ${features['named-filter']} named filters, ${features['builtin-filter']} built-in filters`,
  ];
  for (const doc of report.documents) {
    if (doc.status === 'exact' || doc.status === 'filters-opted-in') continue;
    const what = doc.status === 'not-imported' ? '✗ not imported' : '! filters pending';
    lines.push(
      `${what}: ${doc.file} "${doc.termsType}"${doc.reasons.length ? `: ${doc.reasons.join('; ')}` : ''}`,
    );
  }
  return lines.join('\n');
}
