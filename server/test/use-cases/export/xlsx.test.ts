import type { ExportField } from '@p2p/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildListMeta } from '../../../src/modules/use-cases/export/export-meta.js';
import { CASES_SHEET, INFO_SHEET, renderXlsx } from '../../../src/modules/use-cases/export/xlsx.js';
import { AWKWARD_CASE, BASE_URL, manyCases, PUMP_CASE } from './fixtures.js';
import { collect } from './read-back.js';

const FIELDS: ExportField[] = [
  'title',
  'titleAr',
  'organization',
  'technologies',
  'roiPercent',
  'investmentSar',
  'featured',
  'publishedAt',
  'latitude',
  'url',
];

async function exportWorkbook(cases = [PUMP_CASE, AWKWARD_CASE], truncated = false): Promise<ExcelJS.Workbook> {
  const meta = buildListMeta({
    exportedBy: { guest: false, name: 'Sara Al-Qahtani', organization: 'شركة مضخات الخليج' },
    filters: { q: 'صيانة', roiMin: 50 },
    sort: 'newest',
    fields: FIELDS,
    rows: cases.length,
    truncated,
  });
  const bytes = await collect(renderXlsx(meta, cases, BASE_URL));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('Excel export', () => {
  it('has a "Use cases" sheet with a bold, frozen header row and sized columns, then an "Export info" sheet', async () => {
    const workbook = await exportWorkbook();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([CASES_SHEET, INFO_SHEET]);
    const sheet = workbook.getWorksheet(CASES_SHEET)!;
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('Title');
    expect(header.getCell(2).value).toBe('Title (Arabic)');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(30);
    expect(sheet.getColumn(5).width).toBeLessThan(20);
  });

  it('keeps Arabic text unchanged and writes numbers as numbers, dates as dates, links as links', async () => {
    const sheet = (await exportWorkbook()).getWorksheet(CASES_SHEET)!;
    const pump = sheet.getRow(2);
    expect(pump.getCell(1).value).toBe(PUMP_CASE.title);
    expect(pump.getCell(2).value).toBe('صيانة المضخات التنبؤية');
    expect(pump.getCell(3).value).toBe('Gulf Pumps Co.');
    expect(pump.getCell(4).value).toBe('IoT; Vibration analysis; مستشعرات');
    expect(pump.getCell(5).value).toBe(185.5);
    expect(pump.getCell(5).numFmt).toBe('0.0');
    expect(pump.getCell(6).value).toBe(420_000);
    expect(pump.getCell(7).value).toBe(true);
    const published = pump.getCell(8).value;
    expect(published).toBeInstanceOf(Date);
    expect((published as Date).toISOString()).toBe('2025-03-01T09:30:00.000Z');
    expect(pump.getCell(9).value).toBe(26.9598);
    expect(pump.getCell(10).value).toEqual({
      text: `${BASE_URL}/use-cases/${PUMP_CASE.id}`,
      hyperlink: `${BASE_URL}/use-cases/${PUMP_CASE.id}`,
    });

    const awkward = sheet.getRow(3);
    expect(awkward.getCell(1).value).toBe(AWKWARD_CASE.title);
    expect(awkward.getCell(2).value).toBeNull();
    expect(awkward.getCell(5).value).toBe(-12.5);
    expect(awkward.getCell(8).value).toBeNull();
  });

  it('lists the metadata on the info sheet', async () => {
    const info = (await exportWorkbook([PUMP_CASE], true)).getWorksheet(INFO_SHEET)!;
    const pairs = new Map<string, string>();
    info.eachRow((row) => pairs.set(row.getCell(1).text, row.getCell(2).text));
    expect(pairs.get('Exported by')).toBe('Sara Al-Qahtani (شركة مضخات الخليج)');
    expect(pairs.get('Filters')).toBe('q=صيانة; roiMin=50');
    expect(pairs.get('Rows')).toBe('1');
    expect(pairs.get('Truncated')).toMatch(/^yes/);
    expect(pairs.get('Exported at (UTC)')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(pairs.get('Columns')).toContain('Title (Arabic)');
  });

  it('writes every row of a long export', async () => {
    const sheet = (await exportWorkbook(manyCases(600))).getWorksheet(CASES_SHEET)!;
    expect(sheet.rowCount).toBe(601);
    expect(sheet.getRow(601).getCell(1).value).toMatch(/^Case 600:/);
  });
});
