import { Readable } from 'node:stream';
import type { ExportField } from '@p2p/contracts';
import { type CellValue, EXPORT_COLUMNS, type ExportSourceCase, formatDateTime, tableRow } from './export-fields.js';
import { type ListExportMeta, listMetaLines } from './export-meta.js';

/**
 * CSV layout, for spreadsheet users first:
 *
 *   <BOM>Use cases export,P2P Sandbox
 *   Exported at (UTC),2025-03-01 09:30
 *   Exported by,…            (one "label,value" line per metadata item: by, filters, sort, rows, truncated)
 *   <empty line>
 *   Title,Title (Arabic),…   (the header row)
 *   …one line per case
 *
 * The metadata travels inside the file so it stays with it when the file is mailed or re-opened; it
 * sits above the table, ended by one empty line, so Excel and LibreOffice still show a plain table
 * under a short note, and a program skips to the first line after the first empty line. The same
 * figures are also sent as response headers (X-Export-Rows, X-Export-Truncated).
 *
 * UTF-8 with a byte order mark: without it Excel reads the file in the machine's ANSI code page and
 * Arabic turns into mojibake. Lines end in CRLF (RFC 4180).
 */

export const CSV_MIME = 'text/csv; charset=utf-8';
export const CSV_BOM = '\uFEFF';
const EOL = '\r\n';
const ROWS_PER_CHUNK = 200;

/** A cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") is kept as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CellValue): string {
  if (value === null) return '';
  let text: string;
  if (value instanceof Date) text = formatDateTime(value);
  else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else if (typeof value === 'number') text = String(value);
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: readonly CellValue[]): string => values.map(csvField).join(',') + EOL;

function* csvChunks(meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Generator<string> {
  let chunk = CSV_BOM + csvLine(['Use cases export', 'P2P Sandbox']);
  for (const [label, value] of listMetaLines(meta)) chunk += csvLine([label, value]);
  chunk += EOL + csvLine(meta.fields.map((field: ExportField) => EXPORT_COLUMNS[field].header));
  let count = 0;
  for (const source of cases) {
    chunk += csvLine(tableRow(source, meta.fields, baseUrl));
    count += 1;
    if (count % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The list export as a CSV stream, a few hundred rows per chunk. */
export function renderCsv(meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Readable {
  return Readable.from(csvChunks(meta, cases, baseUrl), { objectMode: false });
}
