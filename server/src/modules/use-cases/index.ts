export {
  useCases,
  useCaseFiles,
  useCaseVersions,
  useCaseLikes,
  useCaseSaves,
  useCaseViews,
  useCaseViewers,
  useCaseReports,
  useCaseTerms,
  useCaseSavedSearches,
  useCaseSearchLog,
} from './use-cases.tables.js';
export { useCaseRoutes } from './use-cases.routes.js';
export { useCaseExportRoutes } from './export/export.routes.js';
export { canReadCaseFile } from './use-cases.files.js';
export { normalizeTerm } from './terms.js';
export { countOrganizationCasesSql, countOrganizationPublishedCasesSql } from './use-cases.repository.js';
// The PDF renderers, for the pdftotext check of the exports' Arabic (server/scripts/check-pdf-arabic.ts).
export { buildListMeta } from './export/export-meta.js';
export { renderPdfList } from './export/pdf.js';
export { renderPdfCase } from './export/pdf-case.js';
export { Report, STYLES, streamReport } from './export/pdf-report.js';
export { countOrganizationPublicCasesSql } from './organization-counts.js';
export { useCaseRetention } from './use-cases.retention.js';
export { eraseUseCasePerson } from './use-cases.erasure.js';
export { useCasePersonalData } from './use-cases.personal-data.js';
