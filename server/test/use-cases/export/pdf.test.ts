import { DEFAULT_EXPORT_FIELDS, EXPORT_FIELDS, type ExportField } from '@p2p/contracts';
import { describe, expect, it } from 'vitest';
import { buildListMeta } from '../../../src/modules/use-cases/export/export-meta.js';
import { pdfColumns, renderPdfList } from '../../../src/modules/use-cases/export/pdf.js';
import { renderPdfCase } from '../../../src/modules/use-cases/export/pdf-case.js';
import { AWKWARD_CASE, BASE_URL, manyCases, PUMP_CASE, PUMP_USE_CASE } from './fixtures.js';
import { collect, embeddedFonts, extractPdfText, toUnicodeEntries } from './read-back.js';

const SARA = { guest: false, name: 'Sara Al-Qahtani', organization: 'Gulf Pumps Co.' };

async function listPdf(fields: readonly ExportField[], cases = [PUMP_CASE, AWKWARD_CASE], truncated = false) {
  const meta = buildListMeta({
    exportedBy: SARA,
    filters: { category: ['maintenance'], q: 'صيانة' },
    sort: 'roi',
    fields,
    rows: cases.length,
    truncated,
  });
  return collect(renderPdfList(meta, cases, BASE_URL));
}

const WITH_ARABIC_SUMMARY: ExportField[] = [...DEFAULT_EXPORT_FIELDS.filter((field) => field !== 'url'), 'summaryAr'];

describe('PDF list export', () => {
  it('extracts the Arabic title as words in reading order, next to the Latin text', async () => {
    const { text } = await extractPdfText(await listPdf(DEFAULT_EXPORT_FIELDS));
    expect(text).toContain('صيانة');
    expect(text).toContain('المضخات');
    expect(text).toContain('صيانة المضخات التنبؤية');
    expect(text).not.toContain('التنبؤية المضخات صيانة');
    expect(text).toContain('Predictive maintenance of pumps');
    expect(text).toContain('Gulf Pumps Co.');
    expect(text).toContain('185.5');
    expect(text).toContain('1,250,000');
  });

  it('keeps a mixed line sensible: the Latin words stay in their order, the Arabic words in theirs', async () => {
    const { items, text } = await extractPdfText(await listPdf(WITH_ARABIC_SUMMARY));
    expect(items).toContain('PLC Siemens S7');
    expect(text).toContain('خط تعبئة PLC Siemens S7 مع مستشعرات الاهتزاز');
  });

  it('embeds one Arabic-capable font and shapes with it (joining forms and the lam-alef ligature)', async () => {
    const pdf = await listPdf(WITH_ARABIC_SUMMARY);
    const fonts = embeddedFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((name) => /\+IBMPlexSansArabic-(Regular|Bold)$/.test(name))).toBe(true);
    const entries = toUnicodeEntries(pdf);
    // "مع", "مستشعرات" and "المضخات": meem drawn initial and medial, so several glyphs map to U+0645.
    expect(entries.filter((entry) => entry === '0645').length).toBeGreaterThanOrEqual(2);
    // "الاهتزاز": lam + alef drawn as one ligature glyph (stored in drawing order for extraction).
    expect(entries).toContain('0627 0644');
    const { text } = await extractPdfText(pdf);
    expect(text).toContain('الاهتزاز');
  });

  it('opens with the metadata: when, by whom, filters, rows and whether the set was cut', async () => {
    const { text } = await extractPdfText(await listPdf(DEFAULT_EXPORT_FIELDS, [PUMP_CASE], true));
    for (const expected of [
      'Exported at (UTC)',
      'Exported by',
      'Sara Al-Qahtani (Gulf Pumps Co.)',
      'category=maintenance',
      'Rows',
      'Truncated',
      'only the first 5000 cases',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf('Exported by')).toBeLessThan(text.indexOf('Predictive maintenance of pumps'));
  });

  it('puts the link on the title and the Arabic title under the English one', () => {
    const columns = pdfColumns(DEFAULT_EXPORT_FIELDS);
    expect(columns.map((column) => column.header)).not.toContain('Link');
    expect(columns[0]).toMatchObject({ header: 'Title', fields: ['title', 'titleAr'], linksToCase: true });
    expect(pdfColumns(['title', 'url']).map((column) => column.header)).toEqual(['Title']);
    expect(pdfColumns(['roiPercent', 'url']).map((column) => column.header)).toEqual(['ROI %', 'Link']);
  });

  it('repeats the table over pages for a long export, and switches to one block per case when every field is chosen', async () => {
    const table = await extractPdfText(await listPdf(DEFAULT_EXPORT_FIELDS, manyCases(120)));
    expect(table.pages).toBeGreaterThan(3);
    expect(table.items.filter((item) => item === 'Company')).toHaveLength(table.pages);
    expect(table.text).toContain('Case 120:');

    const blocks = await extractPdfText(await listPdf(EXPORT_FIELDS, [PUMP_CASE]));
    expect(blocks.items).toContain('Downtime reduction %');
    expect(blocks.items).toContain('38');
    expect(blocks.text).toContain('صيانة المضخات التنبؤية');
  });

  it('says so when nothing matches', async () => {
    const { text } = await extractPdfText(await listPdf(DEFAULT_EXPORT_FIELDS, []));
    expect(text).toContain('No use cases match these filters.');
  });
});

describe('PDF single-case export', () => {
  it('is a report of the case: header, company, figures, sections, technologies, location and metadata', async () => {
    const meta = {
      exportedAt: '2025-04-02T10:15:00.000Z',
      exportedBy: { guest: true, name: null, organization: null },
      url: `${BASE_URL}/use-cases/${PUMP_USE_CASE.id}`,
    };
    const pdf = await collect(renderPdfCase(meta, PUMP_USE_CASE));
    const { text } = await extractPdfText(pdf);
    for (const expected of [
      'Predictive maintenance of pumps',
      'صيانة المضخات التنبؤية',
      'Gulf Pumps Co.',
      'شركة مضخات الخليج',
      'Exported by',
      'guest',
      meta.url,
      'Figures',
      'Return on investment',
      '185.5%',
      '1,250,000 SAR/year',
      'Scrap rate',
      'Challenge',
      'Bearings wore out early',
      'Sensors',
      'يرسل الإنذارات.',
      'Technologies',
      'Siemens, SKF',
      'Location',
      'Jubail Industrial City',
      'مدينة الجبيل الصناعية',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('**');
    expect(embeddedFonts(pdf).some((name) => name.includes('IBMPlexSansArabic'))).toBe(true);
  });
});
