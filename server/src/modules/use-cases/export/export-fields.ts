import {
  type ExportField,
  type ExtraOutcome,
  findPlace,
  INDUSTRY_LABELS,
  OUTCOME_KEYS,
  type OutcomeField,
  REGION_LABELS,
  USE_CASE_CATEGORY_LABELS,
  type UseCaseOutcomes,
  type UseCaseSummary,
} from '@p2p/contracts';

/**
 * What an export reads of one case: the list row's fields plus every outcome, the implementation time
 * and the vendors. A contract `UseCase` has all of them, and so has the list export's source row.
 */
export type ExportSourceCase = Pick<
  UseCaseSummary,
  | 'id'
  | 'title'
  | 'titleAr'
  | 'summary'
  | 'summaryAr'
  | 'category'
  | 'industry'
  | 'technologies'
  | 'tags'
  | 'location'
  | 'organization'
  | 'visibility'
  | 'status'
  | 'featured'
  | 'verified'
  | 'viewsCount'
  | 'likesCount'
  | 'savesCount'
  | 'publishedAt'
> & {
  outcomes: UseCaseOutcomes;
  implementationMonths: number | null;
  vendors: string[];
  extraOutcomes?: ExtraOutcome[];
};

/** A table cell: text, a number, a yes/no, or a moment. `null` is an empty cell. */
export type CellValue = string | number | boolean | Date | null;

/** How a column is written: spreadsheets format numbers and dates by kind, the PDF aligns them. */
export type ColumnKind = 'text' | 'list' | 'number' | 'percent' | 'money' | 'months' | 'count' | 'coordinate' | 'boolean' | 'date' | 'url';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Spreadsheet column width, in characters. */
  width: number;
  /** Share of the PDF table's width. */
  weight: number;
}

const OUTCOME_COLUMNS: Record<OutcomeField, ColumnSpec> = {
  roiPercent: { header: 'ROI %', kind: 'percent', width: 10, weight: 1 },
  paybackMonths: { header: 'Payback (months)', kind: 'months', width: 12, weight: 1.1 },
  investmentSar: { header: 'Investment (SAR)', kind: 'money', width: 16, weight: 1.4 },
  annualSavingsSar: { header: 'Annual savings (SAR)', kind: 'money', width: 18, weight: 1.4 },
  efficiencyGainPercent: { header: 'Efficiency gain %', kind: 'percent', width: 12, weight: 1.1 },
  qualityImprovementPercent: { header: 'Quality improvement %', kind: 'percent', width: 12, weight: 1.1 },
  downtimeReductionPercent: { header: 'Downtime reduction %', kind: 'percent', width: 12, weight: 1.1 },
  energySavingsPercent: { header: 'Energy savings %', kind: 'percent', width: 12, weight: 1.1 },
};

export const EXPORT_COLUMNS: Record<ExportField, ColumnSpec> = {
  id: { header: 'ID', kind: 'text', width: 38, weight: 2.4 },
  title: { header: 'Title', kind: 'text', width: 44, weight: 3.2 },
  titleAr: { header: 'Title (Arabic)', kind: 'text', width: 44, weight: 3.2 },
  summary: { header: 'Summary', kind: 'text', width: 60, weight: 4 },
  summaryAr: { header: 'Summary (Arabic)', kind: 'text', width: 60, weight: 4 },
  category: { header: 'Category', kind: 'text', width: 20, weight: 1.5 },
  industry: { header: 'Industry', kind: 'text', width: 24, weight: 1.6 },
  technologies: { header: 'Technologies', kind: 'list', width: 32, weight: 2.2 },
  tags: { header: 'Tags', kind: 'list', width: 28, weight: 2 },
  organization: { header: 'Company', kind: 'text', width: 28, weight: 2 },
  city: { header: 'City', kind: 'text', width: 20, weight: 1.4 },
  region: { header: 'Region', kind: 'text', width: 20, weight: 1.4 },
  country: { header: 'Country', kind: 'text', width: 8, weight: 0.8 },
  latitude: { header: 'Latitude', kind: 'coordinate', width: 11, weight: 1 },
  longitude: { header: 'Longitude', kind: 'coordinate', width: 11, weight: 1 },
  ...OUTCOME_COLUMNS,
  implementationMonths: { header: 'Implementation (months)', kind: 'months', width: 14, weight: 1.2 },
  vendors: { header: 'Vendors', kind: 'list', width: 28, weight: 2 },
  visibility: { header: 'Visibility', kind: 'text', width: 13, weight: 1.1 },
  status: { header: 'Status', kind: 'text', width: 11, weight: 1 },
  featured: { header: 'Featured', kind: 'boolean', width: 10, weight: 0.9 },
  verified: { header: 'Verified', kind: 'boolean', width: 10, weight: 0.9 },
  viewsCount: { header: 'Views', kind: 'count', width: 9, weight: 0.8 },
  likesCount: { header: 'Likes', kind: 'count', width: 9, weight: 0.8 },
  savesCount: { header: 'Saves', kind: 'count', width: 9, weight: 0.8 },
  publishedAt: { header: 'Published (UTC)', kind: 'date', width: 18, weight: 1.5 },
  url: { header: 'Link', kind: 'url', width: 50, weight: 3 },
};

/** Joins list values in one cell. */
export const LIST_SEPARATOR = '; ';

const isOutcome = (field: ExportField): field is OutcomeField => (OUTCOME_KEYS as readonly string[]).includes(field);

/** The case page's address: `${baseUrl}/use-cases/<id>`. */
export function caseUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/use-cases/${id}`;
}

function cityName(city: string | null): string | null {
  if (!city) return null;
  return findPlace(city)?.en ?? city;
}

/** One table cell of a case: nested fields flattened, vocabularies by their English labels. */
export function cellValue(source: ExportSourceCase, field: ExportField, baseUrl: string): CellValue {
  if (isOutcome(field)) return source.outcomes[field];
  switch (field) {
    case 'category':
      return USE_CASE_CATEGORY_LABELS[source.category].en;
    case 'industry':
      return INDUSTRY_LABELS[source.industry].en;
    case 'technologies':
    case 'tags':
    case 'vendors':
      return source[field].length > 0 ? source[field].join(LIST_SEPARATOR) : null;
    case 'organization':
      return source.organization.name;
    case 'city':
      return cityName(source.location.city);
    case 'region':
      return source.location.region ? REGION_LABELS[source.location.region].en : null;
    case 'country':
      return source.location.country;
    case 'latitude':
      return source.location.latitude;
    case 'longitude':
      return source.location.longitude;
    case 'publishedAt':
      return source.publishedAt ? new Date(source.publishedAt) : null;
    case 'url':
      return caseUrl(baseUrl, source.id);
    default:
      return source[field];
  }
}

export function tableRow(source: ExportSourceCase, fields: readonly ExportField[], baseUrl: string): CellValue[] {
  return fields.map((field) => cellValue(source, field, baseUrl));
}

export type JsonValue = string | number | boolean | null | string[] | { id: string; name: string; nameAr: string | null };

/**
 * One field of a case for the JSON export: machine values (vocabulary slugs, lists as arrays, the
 * organization as id and names, ISO dates), since JSON readers need no flattening.
 */
export function jsonValue(source: ExportSourceCase, field: ExportField, baseUrl: string): JsonValue {
  if (isOutcome(field)) return source.outcomes[field];
  switch (field) {
    case 'organization':
      return { id: source.organization.id, name: source.organization.name, nameAr: source.organization.nameAr };
    case 'city':
    case 'region':
    case 'country':
    case 'latitude':
    case 'longitude':
      return source.location[field];
    case 'url':
      return caseUrl(baseUrl, source.id);
    default:
      return source[field];
  }
}

export function jsonItem(source: ExportSourceCase, fields: readonly ExportField[], baseUrl: string): Record<string, JsonValue> {
  const item: Record<string, JsonValue> = {};
  for (const field of fields) item[field] = jsonValue(source, field, baseUrl);
  return item;
}

/** Date and time in UTC as spreadsheets read it ("2025-03-01 09:30"). */
export function formatDateTime(value: Date): string {
  return value.toISOString().slice(0, 16).replace('T', ' ');
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const coordinateFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 5, useGrouping: false });

/** A cell as a reader sees it in a report (thousands separators, units left to the header). */
export function displayValue(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    if (kind === 'money' || kind === 'count') return integerFormat.format(value);
    if (kind === 'coordinate') return coordinateFormat.format(value);
    return decimalFormat.format(value);
  }
  return value;
}

export const isNumericKind = (kind: ColumnKind): boolean =>
  kind === 'number' || kind === 'percent' || kind === 'money' || kind === 'months' || kind === 'count' || kind === 'coordinate';
