import { DEFAULT_EXPORT_FIELDS } from '@p2p/contracts';
import { describe, expect, it } from 'vitest';
import { buildListMeta } from '../../../src/modules/use-cases/export/export-meta.js';
import { renderPdfList } from '../../../src/modules/use-cases/export/pdf.js';
import { sharedLayoutCount } from '../../../src/modules/use-cases/export/pdf-fonts.js';
import { createPdf, type PdfDocument, Typesetter } from '../../../src/modules/use-cases/export/pdf-text.js';
import { writeText } from '../../../src/modules/use-cases/export/pdf-text-ops.js';
import { AWKWARD_CASE, BASE_URL, manyCases, NON_JOINING_CASE, PUMP_CASE } from './fixtures.js';
import { collect, extractPdfText, pdfObjects } from './read-back.js';

const NOW = new Date('2025-05-01T08:00:00.000Z');

function listPdf(cases: (typeof PUMP_CASE)[]) {
  const meta = buildListMeta({
    exportedBy: { guest: true, name: null, organization: null },
    filters: {},
    sort: 'newest',
    fields: DEFAULT_EXPORT_FIELDS,
    rows: cases.length,
    truncated: false,
    now: NOW,
  });
  return collect(renderPdfList(meta, cases, BASE_URL));
}

/** A one-page document drawn by `draw`, ended and read back. */
async function onePage(draw: (doc: PdfDocument) => void): Promise<Buffer> {
  const doc = createPdf({ title: 'Specimen', layout: 'portrait' });
  const done = collect(doc);
  draw(doc);
  doc.end();
  return done;
}

/** The first page's content stream (the first inflated stream that draws text). */
const pageContent = (pdf: Buffer) => pdfObjects(pdf).find((object) => object.includes(' Tf\n')) ?? '';

describe('PDF writer: words laid out once per process', () => {
  it('draws a report the same way whether its words were laid out for it or for an earlier report', async () => {
    const cases = [PUMP_CASE, AWKWARD_CASE, NON_JOINING_CASE, ...manyCases(40)];
    const first = pdfObjects(await listPdf(cases));
    const afterFirst = sharedLayoutCount();
    await listPdf(manyCases(60).map((item, index) => ({ ...item, title: `Other words ${index} تبريد الهواء ${index * 7}` })));
    const afterOther = sharedLayoutCount();
    const again = pdfObjects(await listPdf(cases));

    expect(again).toEqual(first);
    // The second list added words; drawing the first one again added none.
    expect(afterOther.regular.words).toBeGreaterThan(afterFirst.regular.words);
    expect(sharedLayoutCount().regular.words).toBe(afterOther.regular.words);
  });

  it('keeps the laid-out words small: glyphs and positions are shared between words', async () => {
    await listPdf(manyCases(100));
    const { regular } = sharedLayoutCount();
    expect(regular.words).toBeGreaterThan(50);
    expect(regular.positions).toBeLessThan(regular.words);
    expect(regular.glyphs).toBeLessThan(regular.words);
  });
});

describe('PDF writer: text operators', () => {
  const SAMPLES = [
    ['plain Latin', 'Predictive maintenance of pumps'],
    ['kerned Latin', 'AVATAR Tower, WAVE 7'],
    ['an Arabic word', 'التبريد'],
    ['Arabic with vowel marks (placed by offsets)', 'مُحَمَّد'],
  ] as const;

  it.each(SAMPLES)('writes for %s exactly what the writer’s own text() writes', async (_name, text) => {
    const style = { weight: 'regular', size: 9.5 } as const;
    const viaWriter = await onePage((doc) => {
      new Typesetter(doc).use(style);
      doc.text(text, 61.25, 100.5, { lineBreak: false });
    });
    const direct = await onePage((doc) => {
      new Typesetter(doc).use(style);
      writeText(doc, [{ text, x: 61.25 }], 100.5);
    });
    expect(pageContent(direct)).toContain(' TJ');
    expect(pageContent(direct)).toBe(pageContent(viaWriter));
    expect(pdfObjects(direct)).toEqual(pdfObjects(viaWriter));
  });

  it('writes a line’s pieces in the order given (the order text is extracted in), each where it was placed', async () => {
    const pdf = await onePage((doc) => {
      new Typesetter(doc).use({ weight: 'regular', size: 10 });
      writeText(
        doc,
        [
          { text: 'second', x: 300 },
          { text: 'first', x: 100 },
        ],
        200,
      );
    });
    const content = pageContent(pdf);
    expect(content.indexOf('1 0 0 1 300 ')).toBeGreaterThan(-1);
    expect(content.indexOf('1 0 0 1 300 ')).toBeLessThan(content.indexOf('1 0 0 1 100 '));
    const { items } = await extractPdfText(pdf);
    expect(items).toEqual(['second', 'first']);
  });
});

describe('PDF writer: page content', () => {
  it('reaches each page as one chunk when the page ends, shapes and text in the order they were drawn', async () => {
    const chunks: Array<{ page: number; chunk: string }> = [];
    let page = 0;
    const pdf = await onePage((doc) => {
      const type = new Typesetter(doc);
      const spy = () => {
        page += 1;
        const target = doc.page as unknown as { write(chunk: unknown): unknown };
        const write = target.write.bind(target);
        const number = page;
        target.write = (chunk: unknown) => {
          chunks.push({ page: number, chunk: Buffer.from(chunk as Uint8Array).toString('latin1') });
          return write(chunk);
        };
      };
      spy();
      doc.rect(40, 40, 200, 30).fill('#f2f5f8');
      type.use({ weight: 'bold', size: 12 }).drawLine({ text: 'On the shading', direction: 'ltr' }, 44, 44, 190);
      doc.addPage();
      spy();
      type.use({ weight: 'regular', size: 10 }).drawLine({ text: 'صيانة المضخات', direction: 'rtl' }, 40, 40, 300);
    });
    expect(chunks.map((entry) => entry.page)).toEqual([1, 2]);
    const [first, second] = chunks.map((entry) => entry.chunk);
    expect(first!.indexOf(' re\n')).toBeLessThan(first!.indexOf(' TJ\n'));
    expect(first!.endsWith('Q\n')).toBe(true);
    expect(second).toContain(' TJ\n');
    const { pages, text } = await extractPdfText(pdf);
    expect(pages).toBe(2);
    expect(text).toContain('On the shading');
    expect(text).toContain('صيانة المضخات');
  });
});
