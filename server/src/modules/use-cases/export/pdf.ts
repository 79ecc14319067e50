import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExportField } from '@p2p/contracts';
import {
  caseUrl,
  cellValue,
  type ColumnKind,
  displayValue,
  EXPORT_COLUMNS,
  type ExportSourceCase,
  isNumericKind,
} from './export-fields.js';
import { type ListExportMeta, listMetaLines } from './export-meta.js';
import { Report, STYLES, streamReport } from './pdf-report.js';
import type { Line, TextStyle } from './pdf-text.js';

/** Past this many columns a landscape page cannot hold a legible table: each case becomes a block of label/value lines. */
const MAX_TABLE_COLUMNS = 12;
const CELL_PADDING = 3;
const MAX_CELL_LINES = 6;
const ROWS_PER_TURN = 50;

/** A column of the report's table: the English and Arabic versions of a text share one column. */
interface PdfColumn {
  header: string;
  fields: ExportField[];
  kind: ColumnKind;
  weight: number;
  /** The cell links to the case page (the title, when the link was asked for). */
  linksToCase: boolean;
}

const PAIRS: ReadonlyArray<[ExportField, ExportField]> = [
  ['title', 'titleAr'],
  ['summary', 'summaryAr'],
];

export function pdfColumns(fields: readonly ExportField[]): PdfColumn[] {
  const chosen = new Set(fields);
  const linkOnTitle = chosen.has('url') && (chosen.has('title') || chosen.has('titleAr'));
  const columns: PdfColumn[] = [];
  const placed = new Set<ExportField>();
  for (const field of fields) {
    if (placed.has(field) || (field === 'url' && linkOnTitle)) continue;
    const pair = PAIRS.find(([english, arabic]) => field === english || field === arabic);
    const group = pair ? pair.filter((member) => chosen.has(member)) : [field];
    group.forEach((member) => placed.add(member));
    const spec = EXPORT_COLUMNS[group[0]!];
    columns.push({
      header: spec.header.replace(' (Arabic)', ''),
      fields: group,
      kind: spec.kind,
      weight: spec.weight,
      linksToCase: linkOnTitle && pair?.[0] === 'title',
    });
  }
  return columns;
}

function cellText(source: ExportSourceCase, column: PdfColumn, baseUrl: string): string {
  return column.fields
    .map((field) => displayValue(cellValue(source, field, baseUrl), column.kind))
    .filter((text) => text.length > 0)
    .join('\n');
}

function drawTable(report: Report, meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Promise<void> {
  const { doc, type } = report;
  const columns = pdfColumns(meta.fields);
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (report.width * column.weight) / totalWeight);
  const lineHeight = type.lineHeight(STYLES.cell);
  const align = (column: PdfColumn) => (isNumericKind(column.kind) ? 'right' : 'start');

  const drawRow = (cells: Line[][], style: TextStyle, fill: string | null, links: Array<string | null> = []) => {
    const height = Math.max(1, ...cells.map((lines) => lines.length)) * lineHeight + CELL_PADDING * 2;
    report.ensureRoom(height);
    const top = doc.y;
    if (fill) doc.rect(report.left, top, report.width, height).fill(fill);
    let x = report.left;
    cells.forEach((lines, index) => {
      const width = widths[index]!;
      type.use(style);
      lines.forEach((line, number) => {
        type.drawLine(line, x + CELL_PADDING, top + CELL_PADDING + number * lineHeight, width - CELL_PADDING * 2, align(columns[index]!));
      });
      const link = links[index];
      if (link) doc.link(x, top, width, height, link);
      x += width;
    });
    doc.y = top + height;
  };

  const drawHeader = () => {
    const cells = columns.map((column, index) => type.wrap(column.header, widths[index]! - CELL_PADDING * 2, STYLES.cellHeader));
    drawRow(cells, STYLES.cellHeader, '#0b4f6c');
  };
  drawHeader();
  report.whenPageBreaks(drawHeader);

  return (async () => {
    let count = 0;
    for (const source of cases) {
      const cells = columns.map((column, index) =>
        type.wrap(cellText(source, column, baseUrl), widths[index]! - CELL_PADDING * 2, STYLES.cell, MAX_CELL_LINES),
      );
      const links = columns.map((column) => (column.linksToCase ? caseUrl(baseUrl, source.id) : null));
      drawRow(cells, STYLES.cell, count % 2 === 1 ? '#f2f5f8' : null, links);
      count += 1;
      if (count % ROWS_PER_TURN === 0) await nextTurn();
    }
    report.stopRepeating();
  })();
}

async function drawRecords(report: Report, meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Promise<void> {
  const rest = meta.fields.filter((field) => field !== 'title' && field !== 'titleAr');
  let count = 0;
  for (const source of cases) {
    report.ensureRoom(60);
    const titles = [meta.fields.includes('title') ? source.title : null, meta.fields.includes('titleAr') ? source.titleAr : null].filter(
      (text): text is string => Boolean(text),
    );
    for (const title of titles) report.text(title, STYLES.heading);
    report.keyValues(
      rest.map(
        (field) => [EXPORT_COLUMNS[field].header, displayValue(cellValue(source, field, baseUrl), EXPORT_COLUMNS[field].kind)] as const,
      ),
      { labelWidth: 150, label: { ...STYLES.metaLabel, color: '#1a1a1a' }, value: { ...STYLES.metaValue, color: '#1a1a1a' } },
    );
    report.rule(4, 8);
    count += 1;
    if (count % ROWS_PER_TURN === 0) await nextTurn();
  }
}

/** The list export as a report: a metadata block, then a table (or one block per case when many columns were chosen). */
export function renderPdfList(meta: ListExportMeta, cases: Iterable<ExportSourceCase>, baseUrl: string): Readable {
  const report = new Report('Use cases export', 'landscape', `P2P Sandbox · Use cases export · ${meta.exportedAt.slice(0, 10)}`);
  return streamReport(report, async () => {
    report.text('Use cases', STYLES.title, { gapAfter: 4 });
    report.keyValues(listMetaLines(meta));
    report.rule();
    if (meta.rows === 0) {
      report.text('No use cases match these filters.', STYLES.body);
      return;
    }
    if (pdfColumns(meta.fields).length <= MAX_TABLE_COLUMNS) await drawTable(report, meta, cases, baseUrl);
    else await drawRecords(report, meta, cases, baseUrl);
  });
}
