import { EXPORT_FIELDS } from '@p2p/contracts';
import { describe, expect, it } from 'vitest';
import { cellValue, tableRow } from '../../../src/modules/use-cases/export/export-fields.js';
import { activeFilters, buildListMeta } from '../../../src/modules/use-cases/export/export-meta.js';
import { renderJsonList, renderJsonSingle } from '../../../src/modules/use-cases/export/json.js';
import { renderMarkdown } from '../../../src/modules/use-cases/export/markdown.js';
import { AWKWARD_CASE, BASE_URL, manyCases, PUMP_CASE, PUMP_USE_CASE } from './fixtures.js';
import { collect } from './read-back.js';

const SINGLE_META = {
  exportedAt: '2025-04-02T10:15:00.000Z',
  exportedBy: { guest: false, name: 'Omar Haddad', organization: 'Gulf Pumps Co.' },
  url: `${BASE_URL}/use-cases/${PUMP_USE_CASE.id}`,
};

describe('flattening a case for tables', () => {
  it('joins lists, names the organization, spells out vocabularies and places, and links the case', () => {
    const row = tableRow(
      PUMP_CASE,
      [
        'technologies',
        'organization',
        'category',
        'industry',
        'city',
        'region',
        'country',
        'latitude',
        'longitude',
        'downtimeReductionPercent',
        'qualityImprovementPercent',
        'url',
      ],
      `${BASE_URL}/`,
    );
    expect(row).toEqual([
      'IoT; Vibration analysis; مستشعرات',
      'Gulf Pumps Co.',
      'Maintenance',
      'Petrochemicals',
      'Jubail Industrial City',
      'Eastern Province',
      'SA',
      26.9598,
      49.5687,
      38,
      null,
      `${BASE_URL}/use-cases/${PUMP_CASE.id}`,
    ]);
    expect(cellValue(AWKWARD_CASE, 'city', BASE_URL)).toBe('Somewhere, with a comma');
    expect(cellValue(AWKWARD_CASE, 'technologies', BASE_URL)).toBeNull();
    expect(cellValue(PUMP_CASE, 'publishedAt', BASE_URL)).toEqual(new Date('2025-03-01T09:30:00Z'));
  });

  it('records only the filters that were set', () => {
    expect(activeFilters({ q: '', category: [], region: ['riyadh'], verified: false, roiMin: 0, tag: undefined })).toEqual({
      region: ['riyadh'],
      roiMin: 0,
      verified: false,
    });
  });
});

describe('JSON exports', () => {
  it('writes the list as { meta, items } with the chosen fields as machine values', async () => {
    const meta = buildListMeta({
      exportedBy: { guest: true, name: null, organization: null },
      filters: { category: ['maintenance'] },
      sort: 'newest',
      fields: [...EXPORT_FIELDS],
      rows: 2,
      truncated: true,
    });
    const parsed = JSON.parse((await collect(renderJsonList(meta, [PUMP_CASE, AWKWARD_CASE], BASE_URL))).toString('utf8'));
    expect(parsed.meta).toEqual(meta);
    expect(parsed.meta).toMatchObject({ exportedBy: { guest: true }, filters: { category: ['maintenance'] }, rows: 2, truncated: true });
    expect(parsed.items).toHaveLength(2);
    expect(Object.keys(parsed.items[0])).toEqual([...EXPORT_FIELDS]);
    expect(parsed.items[0]).toMatchObject({
      titleAr: 'صيانة المضخات التنبؤية',
      category: 'maintenance',
      technologies: ['IoT', 'Vibration analysis', 'مستشعرات'],
      organization: { id: PUMP_CASE.organization.id, name: 'Gulf Pumps Co.', nameAr: 'شركة مضخات الخليج' },
      city: 'jubail-industrial-city',
      roiPercent: 185.5,
      publishedAt: '2025-03-01T09:30:00.000Z',
      url: `${BASE_URL}/use-cases/${PUMP_CASE.id}`,
    });
    expect(parsed.items[1].title).toBe(AWKWARD_CASE.title);
  });

  it('streams a long list in several chunks that parse as one document', async () => {
    const meta = buildListMeta({
      exportedBy: { guest: true, name: null, organization: null },
      filters: {},
      sort: 'newest',
      fields: ['id', 'title'],
      rows: 450,
      truncated: false,
    });
    const stream = renderJsonList(meta, manyCases(450), BASE_URL);
    let chunks = 0;
    let text = '';
    for await (const chunk of stream) {
      chunks += 1;
      text += String(chunk);
    }
    expect(chunks).toBeGreaterThan(2);
    expect(JSON.parse(text).items).toHaveLength(450);
  });

  it('writes one case as { meta, item } without what belongs to the reader', () => {
    const parsed = JSON.parse(renderJsonSingle(SINGLE_META, PUMP_USE_CASE));
    expect(parsed.meta).toEqual(SINGLE_META);
    expect(parsed.item).toMatchObject({
      id: PUMP_USE_CASE.id,
      titleAr: 'صيانة المضخات التنبؤية',
      outcomes: PUMP_USE_CASE.outcomes,
      url: SINGLE_META.url,
    });
    for (const key of ['likedByMe', 'savedByMe', 'reportedByMe', 'can', 'challengeHtml']) expect(parsed.item).not.toHaveProperty(key);
  });
});

describe('Markdown single-case export', () => {
  const markdown = renderMarkdown(SINGLE_META, PUMP_USE_CASE);

  it('has the header, metadata, company and details', () => {
    expect(markdown.startsWith('# Predictive maintenance of pumps\n\n## صيانة المضخات التنبؤية\n')).toBe(true);
    expect(markdown).toContain('Exported by: Omar Haddad (Gulf Pumps Co.)');
    expect(markdown).toContain('Exported at (UTC): 2025-04-02 10:15');
    expect(markdown).toContain('**Company:** Gulf Pumps Co. — شركة مضخات الخليج · Petrochemicals');
    expect(markdown).toContain(`- **Link:** <${SINGLE_META.url}>`);
  });

  it('has the figures as a table, the three sections and the terms and location', () => {
    expect(markdown).toContain('| Measure | Value |\n| --- | ---: |\n| Return on investment | 185.5% |\n| Payback period | 7 months |');
    expect(markdown).toContain('| Scrap rate | -2.1% |');
    expect(markdown).not.toContain('Quality improvement');
    expect(markdown).toMatch(
      /## Challenge\n\nUnplanned \*\*pump failures\*\* stopped the line twice a month\.\n\n- Bearings wore out early/,
    );
    expect(markdown).toContain('## Solution\n\n#### Sensors\n');
    expect(markdown).toContain('خط تعبئة PLC Siemens S7 يرسل الإنذارات.');
    expect(markdown).toContain('## Results\n\nDowntime fell by 38% in six months.');
    expect(markdown).toContain('- **Technologies:** IoT, Vibration analysis, مستشعرات');
    expect(markdown).toContain('- **City:** Jubail Industrial City — مدينة الجبيل الصناعية');
    expect(markdown).toContain('- **Region:** Eastern Province — المنطقة الشرقية');
  });

  it('escapes markup in one-line values and says when no figures were reported', () => {
    const bare = renderMarkdown(SINGLE_META, {
      ...PUMP_USE_CASE,
      title: 'Line *3* | [draft]',
      outcomes: {
        ...PUMP_USE_CASE.outcomes,
        roiPercent: null,
        paybackMonths: null,
        investmentSar: null,
        annualSavingsSar: null,
        efficiencyGainPercent: null,
        downtimeReductionPercent: null,
      },
      implementationMonths: null,
      extraOutcomes: [],
    });
    expect(bare.startsWith('# Line \\*3\\* \\| \\[draft\\]\n')).toBe(true);
    expect(bare).toContain('## Figures\n\nNo figures reported.');
  });
});
