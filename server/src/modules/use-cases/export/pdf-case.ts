import type { Readable } from 'node:stream';
import type { UseCase } from '@p2p/contracts';
import { CASE_SECTIONS, caseDetails, caseFigures, caseLocation, caseTerms, companyLine } from './case-facts.js';
import { type SingleExportMeta, singleMetaLines } from './export-meta.js';
import { Report, STYLES, streamReport } from './pdf-report.js';
import { markdownBlocks, type TextBlock } from './text-blocks.js';

const FIGURE_ROW_PADDING = 4;

function drawFigures(report: Report, figures: Array<[string, string]>): void {
  const { doc, type } = report;
  const labelWidth = report.width * 0.6;
  const lineHeight = type.lineHeight(STYLES.body);
  const row = (label: string, value: string, header: boolean, shaded: boolean) => {
    const style = header ? { ...STYLES.body, weight: 'bold' as const, color: '#ffffff' } : STYLES.body;
    const labelLines = type.wrap(label, labelWidth - FIGURE_ROW_PADDING * 2, style);
    const valueLines = type.wrap(value, report.width - labelWidth - FIGURE_ROW_PADDING * 2, style);
    const height = Math.max(labelLines.length, valueLines.length) * lineHeight + FIGURE_ROW_PADDING * 2;
    report.ensureRoom(height);
    const top = doc.y;
    if (header || shaded) doc.rect(report.left, top, report.width, height).fill(header ? '#0b4f6c' : '#f2f5f8');
    type.use(style);
    labelLines.forEach((line, index) =>
      type.drawLine(
        line,
        report.left + FIGURE_ROW_PADDING,
        top + FIGURE_ROW_PADDING + index * lineHeight,
        labelWidth - FIGURE_ROW_PADDING * 2,
      ),
    );
    valueLines.forEach((line, index) =>
      type.drawLine(
        line,
        report.left + labelWidth + FIGURE_ROW_PADDING,
        top + FIGURE_ROW_PADDING + index * lineHeight,
        report.width - labelWidth - FIGURE_ROW_PADDING * 2,
        'right',
      ),
    );
    doc.y = top + height;
  };
  row('Measure', 'Value', true, false);
  figures.forEach(([label, value], index) => row(label, value, false, index % 2 === 1));
  doc.y += 10;
}

function drawBlocks(report: Report, blocks: TextBlock[]): void {
  for (const block of blocks) {
    if (block.kind === 'heading') {
      report.ensureRoom(30);
      report.text(block.text, { ...STYLES.body, weight: 'bold' }, { gapAfter: 2 });
    } else if (block.kind === 'item') {
      report.text(block.text, STYLES.body, { x: report.left + 12, width: report.width - 12, gapAfter: 2 });
    } else if (block.kind === 'quote' || block.kind === 'code') {
      report.text(block.text, { ...STYLES.body, color: '#555555' }, { x: report.left + 12, width: report.width - 12, gapAfter: 6 });
    } else {
      report.text(block.text, STYLES.body, { gapAfter: 6 });
    }
  }
}

function heading(report: Report, text: string): void {
  report.ensureRoom(60);
  report.doc.y += 6;
  report.text(text, STYLES.heading, { gapAfter: 4 });
}

/** One case as a report: header, company, metadata, summary, figures table, sections, technologies and location. */
export function renderPdfCase(meta: SingleExportMeta, useCase: UseCase): Readable {
  const report = new Report(useCase.title, 'portrait', `P2P Sandbox · ${meta.url}`);
  return streamReport(report, async () => {
    report.text(useCase.title, STYLES.title, { gapAfter: 2 });
    if (useCase.titleAr) report.text(useCase.titleAr, STYLES.subtitle, { gapAfter: 2 });
    report.text(companyLine(useCase), { ...STYLES.body, color: '#0b4f6c' }, { gapAfter: 6 });
    report.keyValues(singleMetaLines(meta));
    report.doc.link(
      report.left,
      report.doc.y - report.type.lineHeight(STYLES.metaValue),
      report.width,
      report.type.lineHeight(STYLES.metaValue),
      meta.url,
    );
    report.rule();
    report.keyValues(caseDetails(useCase), {
      label: { ...STYLES.metaLabel, size: 9.5 },
      value: { ...STYLES.metaValue, size: 9.5, color: '#1a1a1a' },
    });

    heading(report, 'Summary');
    report.text(useCase.summary, STYLES.body, { gapAfter: 4 });
    if (useCase.summaryAr) report.text(useCase.summaryAr, STYLES.body, { gapAfter: 4 });

    heading(report, 'Figures');
    const figures = caseFigures(useCase);
    if (figures.length > 0) drawFigures(report, figures);
    else report.text('No figures reported.', STYLES.body);

    for (const [title, key] of CASE_SECTIONS) {
      const blocks = markdownBlocks(useCase[key]);
      if (blocks.length === 0) continue;
      heading(report, title);
      drawBlocks(report, blocks);
    }

    const terms = caseTerms(useCase);
    if (terms.length > 0) {
      heading(report, 'Technologies');
      report.keyValues(terms, { label: { ...STYLES.metaLabel, size: 9.5 }, value: { ...STYLES.metaValue, size: 9.5, color: '#1a1a1a' } });
    }
    heading(report, 'Location');
    report.keyValues(caseLocation(useCase), {
      label: { ...STYLES.metaLabel, size: 9.5 },
      value: { ...STYLES.metaValue, size: 9.5, color: '#1a1a1a' },
    });
  });
}
