import { EXPORT_FIELDS, type ExportField } from '@p2p/contracts';
import { describe, expect, it } from 'vitest';
import { buildListMeta } from '../../../src/modules/use-cases/export/export-meta.js';
import { renderPdfList } from '../../../src/modules/use-cases/export/pdf.js';
import { renderPdfCase } from '../../../src/modules/use-cases/export/pdf-case.js';
import { Report, STYLES, streamReport } from '../../../src/modules/use-cases/export/pdf-report.js';
import { BASE_URL, NON_JOINING, NON_JOINING_CASE, NON_JOINING_USE_CASE, PUMP_CASE } from './fixtures.js';
import { collect, extractPdfText } from './read-back.js';

const PHRASES = Object.values(NON_JOINING);
const occurrences = (text: string, phrase: string) => text.split(phrase).length - 1;

async function listPdf(fields: readonly ExportField[]) {
  const meta = buildListMeta({
    exportedBy: { guest: false, name: 'Sara Al-Qahtani', organization: null },
    filters: { q: 'التبريد' },
    sort: 'newest',
    fields,
    rows: 2,
    truncated: false,
  });
  return extractPdfText(await collect(renderPdfList(meta, [PUMP_CASE, NON_JOINING_CASE], BASE_URL)));
}

describe('PDF exports: Arabic words with a letter that does not join the next', () => {
  it('come out whole and apart from their neighbours in every text style the reports use', async () => {
    const report = new Report('Specimen', 'portrait', 'Specimen');
    const styles = Object.values(STYLES);
    const pdf = await collect(
      streamReport(report, async () => {
        for (const style of styles) for (const phrase of PHRASES) report.text(phrase, style, { gapAfter: 4 });
      }),
    );
    const { text } = await extractPdfText(pdf);
    for (const phrase of PHRASES) expect({ phrase, count: occurrences(text, phrase) }).toEqual({ phrase, count: styles.length });
  });

  it('keep the single-case title, Arabic title, summary and section heading whole', async () => {
    const meta = {
      exportedAt: '2025-04-02T10:15:00.000Z',
      exportedBy: { guest: true, name: null, organization: null },
      url: `${BASE_URL}/use-cases/${NON_JOINING_USE_CASE.id}`,
    };
    const { text } = await extractPdfText(await collect(renderPdfCase(meta, NON_JOINING_USE_CASE)));
    for (const phrase of PHRASES) expect(text).toContain(phrase);
    expect(text).not.toContain('التبر يد');
  });

  it('keep every word whole in the list table cells', async () => {
    const { text } = await listPdf(['title', 'titleAr', 'summary', 'summaryAr', 'organization', 'roiPercent']);
    const words = new Set(text.split(/\s+/));
    const expected = [NON_JOINING.title, NON_JOINING.titleAr, NON_JOINING.summary].flatMap((phrase) => phrase.split(' '));
    for (const word of expected) expect(words).toContain(word);
  });

  it('keep the titles whole in the list with one block per case (heading size)', async () => {
    const { text } = await listPdf([...EXPORT_FIELDS]);
    for (const phrase of [NON_JOINING.title, NON_JOINING.titleAr, NON_JOINING.summary]) expect(text).toContain(phrase);
  });
});
