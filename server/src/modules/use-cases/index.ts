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
