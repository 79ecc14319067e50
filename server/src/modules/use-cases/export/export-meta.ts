import { EXPORT_MAX_ROWS, type ExportField, type UseCaseFilters } from '@p2p/contracts';
import { formatDateTime } from './export-fields.js';

/** Who asked for an export: a signed-in person with their organization, or a guest. */
export interface ExportedBy {
  guest: boolean;
  name: string | null;
  organization: string | null;
}

export const GUEST_EXPORTER: ExportedBy = { guest: true, name: null, organization: null };

/** A filter as the export records it: only the filters that were set. */
export type FilterValue = string | number | boolean | string[];

/** What every export carries besides its rows. */
export interface ExportMeta {
  exportedAt: string;
  exportedBy: ExportedBy;
}

export interface ListExportMeta extends ExportMeta {
  filters: Record<string, FilterValue>;
  sort: string;
  scope: 'all' | 'mine';
  fields: ExportField[];
  /** Rows in this file. */
  rows: number;
  /** The result set had more than `maxRows` cases and was cut there. */
  truncated: boolean;
  maxRows: number;
}

export interface SingleExportMeta extends ExportMeta {
  url: string;
}

/** The filters that were set, in a stable order, lists kept as lists. */
export function activeFilters(filters: Partial<UseCaseFilters>): Record<string, FilterValue> {
  const active: Record<string, FilterValue> = {};
  for (const [key, value] of Object.entries(filters).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) active[key] = value.map(String);
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') active[key] = value;
  }
  return active;
}

export function buildListMeta(input: {
  exportedBy: ExportedBy;
  filters: Partial<UseCaseFilters>;
  sort: string;
  scope?: 'all' | 'mine';
  fields: readonly ExportField[];
  rows: number;
  truncated: boolean;
  now?: Date;
}): ListExportMeta {
  return {
    exportedAt: (input.now ?? new Date()).toISOString(),
    exportedBy: input.exportedBy,
    filters: activeFilters(input.filters),
    sort: input.sort,
    scope: input.scope ?? 'all',
    fields: [...input.fields],
    rows: input.rows,
    truncated: input.truncated,
    maxRows: EXPORT_MAX_ROWS,
  };
}

export function describeExporter(by: ExportedBy): string {
  if (by.guest || !by.name) return 'guest';
  return by.organization ? `${by.name} (${by.organization})` : by.name;
}

export function describeFilters(filters: Record<string, FilterValue>): string {
  const parts = Object.entries(filters).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return parts.length > 0 ? parts.join('; ') : 'none';
}

/** The metadata as label/value pairs, in the order the CSV preamble, the info sheet and the PDF show them. */
export function listMetaLines(meta: ListExportMeta): Array<[string, string]> {
  return [
    ['Exported at (UTC)', formatDateTime(new Date(meta.exportedAt))],
    ['Exported by', describeExporter(meta.exportedBy)],
    ['Filters', describeFilters(meta.filters)],
    ['Sort', meta.sort],
    ...(meta.scope === 'mine' ? [['Scope', 'my organization'] as [string, string]] : []),
    ['Rows', String(meta.rows)],
    ['Truncated', meta.truncated ? `yes: only the first ${meta.maxRows} cases are included` : 'no'],
  ];
}

export function singleMetaLines(meta: SingleExportMeta): Array<[string, string]> {
  return [
    ['Exported at (UTC)', formatDateTime(new Date(meta.exportedAt))],
    ['Exported by', describeExporter(meta.exportedBy)],
    ['Link', meta.url],
  ];
}
