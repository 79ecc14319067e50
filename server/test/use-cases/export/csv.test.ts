import { DEFAULT_EXPORT_FIELDS, type ExportField } from '@p2p/contracts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/modules/use-cases/export/csv.js';
import { buildListMeta } from '../../../src/modules/use-cases/export/export-meta.js';
import { AWKWARD_CASE, BASE_URL, PUMP_CASE } from './fixtures.js';
import { collect } from './read-back.js';

const FIELDS: ExportField[] = [
  'title',
  'titleAr',
  'summary',
  'organization',
  'technologies',
  'city',
  'roiPercent',
  'featured',
  'publishedAt',
  'url',
];

async function exportCsv(fields: ExportField[], truncated = false) {
  const meta = buildListMeta({
    exportedBy: { guest: false, name: 'Sara Al-Qahtani', organization: 'شركة مضخات الخليج' },
    filters: { q: 'صيانة, "pumps"', category: ['maintenance', 'quality'], region: [], verified: undefined },
    sort: 'roi',
    fields,
    rows: 2,
    truncated,
    now: new Date('2025-04-02T10:15:00Z'),
  });
  const bytes = await collect(renderCsv(meta, [PUMP_CASE, AWKWARD_CASE], BASE_URL));
  const records: string[][] = parse(bytes.toString('utf8'), { bom: true, relax_column_count: true, skip_empty_lines: false });
  const blank = records.findIndex((record) => record.length === 1 && record[0] === '');
  return { bytes, preamble: records.slice(0, blank), header: records[blank + 1]!, rows: records.slice(blank + 2) };
}

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark so that Excel reads the Arabic', async () => {
    const { bytes } = await exportCsv(DEFAULT_EXPORT_FIELDS);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('carries the metadata as label,value lines above the table, ended by an empty line', async () => {
    const { preamble } = await exportCsv(FIELDS, true);
    const meta = Object.fromEntries(preamble.map(([label, value]) => [label, value]));
    expect(meta['Use cases export']).toBe('P2P Sandbox');
    expect(meta['Exported at (UTC)']).toBe('2025-04-02 10:15');
    expect(meta['Exported by']).toBe('Sara Al-Qahtani (شركة مضخات الخليج)');
    expect(meta.Filters).toBe('category=maintenance, quality; q=صيانة, "pumps"');
    expect(meta.Sort).toBe('roi');
    expect(meta.Rows).toBe('2');
    expect(meta.Truncated).toMatch(/^yes: only the first 5000 cases/);
  });

  it('round-trips Arabic, commas, quotes and line breaks, one column per chosen field', async () => {
    const { header, rows } = await exportCsv(FIELDS);
    expect(header).toEqual([
      'Title',
      'Title (Arabic)',
      'Summary',
      'Company',
      'Technologies',
      'City',
      'ROI %',
      'Featured',
      'Published (UTC)',
      'Link',
    ]);
    expect(rows).toHaveLength(2);
    const [pump, awkward] = rows as [string[], string[]];
    expect(pump).toEqual([
      'Predictive maintenance of pumps',
      'صيانة المضخات التنبؤية',
      'Vibration sensors on 40 pumps, "early warnings", and a CMMS, all in one line',
      'Gulf Pumps Co.',
      'IoT; Vibration analysis; مستشعرات',
      'Jubail Industrial City',
      '185.5',
      'TRUE',
      '2025-03-01 09:30',
      `${BASE_URL}/use-cases/${PUMP_CASE.id}`,
    ]);
    expect(awkward[0]).toBe(AWKWARD_CASE.title);
    expect(awkward[1]).toBe('');
    expect(awkward[5]).toBe('Somewhere, with a comma');
    expect(awkward[6]).toBe('-12.5');
    expect(awkward[8]).toBe('');
  });

  it('keeps text that a spreadsheet would run as a formula as text', async () => {
    const { rows } = await exportCsv(FIELDS);
    expect(rows[1]![2]).toBe(`'${AWKWARD_CASE.summary}`);
  });

  it('writes the header row alone when nothing matches', async () => {
    const meta = buildListMeta({
      exportedBy: { guest: true, name: null, organization: null },
      filters: {},
      sort: 'newest',
      fields: ['title'],
      rows: 0,
      truncated: false,
    });
    const text = (await collect(renderCsv(meta, [], BASE_URL))).toString('utf8');
    expect(text).toContain('Exported by,guest\r\n');
    expect(text).toContain('Filters,none\r\n');
    expect(text.endsWith('\r\n\r\nTitle\r\n')).toBe(true);
  });
});
