import { PassThrough, type Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExportField } from '@p2p/contracts';
import ExcelJS from 'exceljs';
import { type CellValue, type ColumnKind, EXPORT_COLUMNS, type ExportSourceCase, tableRow } from './export-fields.js';
import { type ListExportMeta, listMetaLines } from './export-meta.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CASES_SHEET = 'Use cases';
export const INFO_SHEET = 'Export info';

/** Rows written between two pauses, so the zip stream drains while a long sheet is written. */
const ROWS_PER_TURN = 250;

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  number: '#,##0.##',
  percent: '0.0',
  money: '#,##0',
  months: '0.#',
  count: '#,##0',
  coordinate: '0.00000',
  date: 'yyyy-mm-dd hh:mm',
};

/** Columns holding Arabic text read right to left inside their cells. */
const ARABIC_FIELDS: ReadonlySet<ExportField> = new Set(['titleAr', 'summaryAr']);

function columnsOf(fields: readonly ExportField[]): Array<Partial<ExcelJS.Column>> {
  return fields.map((field) => {
    const spec = EXPORT_COLUMNS[field];
    const numFmt = NUMBER_FORMATS[spec.kind];
    const style: Partial<ExcelJS.Style> = {};
    if (numFmt) style.numFmt = numFmt;
    if (ARABIC_FIELDS.has(field)) style.alignment = { horizontal: 'right', readingOrder: 'rtl', vertical: 'top' };
    return { key: field, width: spec.width, style };
  });
}

/** Links become clickable cells; everything else goes in as it is (numbers as numbers, dates as dates). */
function sheetValue(value: CellValue, kind: ColumnKind): ExcelJS.CellValue {
  if (kind === 'url' && typeof value === 'string') return { text: value, hyperlink: value };
  return value;
}

async function writeWorkbook(output: PassThrough, meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'P2P Sandbox';
  workbook.created = new Date(meta.exportedAt);

  const sheet = workbook.addWorksheet(CASES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const info = workbook.addWorksheet(INFO_SHEET);
  sheet.columns = columnsOf(meta.fields);
  const kinds = meta.fields.map((field) => EXPORT_COLUMNS[field].kind);

  const header = sheet.addRow(meta.fields.map((field) => EXPORT_COLUMNS[field].header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: meta.fields.length } };

  let count = 0;
  for (const source of cases) {
    const values = tableRow(source, meta.fields, baseUrl);
    sheet.addRow(values.map((value, index) => sheetValue(value, kinds[index]!))).commit();
    count += 1;
    if (count % ROWS_PER_TURN === 0) await nextTurn();
  }
  sheet.commit();

  info.columns = [
    { key: 'label', width: 22 },
    { key: 'value', width: 80 },
  ];
  const title = info.addRow(['Use cases export', 'P2P Sandbox']);
  title.font = { bold: true };
  title.commit();
  for (const [label, value] of listMetaLines(meta)) {
    const row = info.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  const fieldsRow = info.addRow(['Columns', meta.fields.map((field) => EXPORT_COLUMNS[field].header).join(', ')]);
  fieldsRow.getCell(1).font = { bold: true };
  fieldsRow.commit();
  info.commit();
  await workbook.commit();
}

/**
 * The list export as an Excel workbook, written by the streaming writer: each row is committed to the
 * zip stream as it is added, so the sheet is never held whole in memory.
 */
export function renderXlsx(meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Readable {
  const output = new PassThrough();
  writeWorkbook(output, meta, cases, baseUrl).catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}
