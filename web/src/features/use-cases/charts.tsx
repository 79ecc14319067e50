import type { Language } from '@p2p/contracts/enums';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.js';

/**
 * Small charts drawn as SVG, without a chart library. Every chart has a visible title, labelled axes
 * and a data table (hidden from the eye until asked for, always read by screen readers).
 *
 * Time runs in the reading direction: left to right in English, right to left in Arabic, with the
 * value axis on the side where reading starts. The axis title names the first and last point, so the
 * direction is stated, not only drawn.
 */

export interface ChartPoint {
  key: string;
  /** Short label under the axis ("5 Jan", "03:00"). */
  label: string;
  /** Full label for the table and the tooltip ("5 January 2026"). */
  longLabel?: string;
  value: number;
}

interface TableData {
  columns: string[];
  rows: Array<{ key: string; cells: string[] }>;
}

/** The largest value rounded up to 1, 2 or 5 times a power of ten, so the grid lines fall on round numbers. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const scaled = max / power;
  const step = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return Math.max(1, step * power);
}

function ChartFrame({
  title,
  table,
  children,
  headingLevel = 3,
}: {
  title: string;
  table: TableData;
  children: ReactNode;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption className="chart__head">
        <Heading id={`${id}-title`} className="chart__title">
          {title}
        </Heading>
        <button
          type="button"
          className="button button--small"
          aria-expanded={showTable}
          aria-controls={`${id}-table`}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t('useCase.charts.hideTable') : t('useCase.charts.showTable')}
        </button>
      </figcaption>
      {children}
      {/* When shown, the table may scroll: it takes focus so keyboard users can scroll it too. */}
      <div
        id={`${id}-table`}
        className={showTable ? 'table-wrap chart__table' : 'visually-hidden'}
        {...(showTable ? { tabIndex: 0, role: 'region', 'aria-labelledby': `${id}-title` } : {})}
      >
        <table className="table">
          <caption className={showTable ? 'visually-hidden' : undefined}>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className="chart__number">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, bottom: 52, axis: 48, end: 12 };

interface BarChartProps {
  title: string;
  points: ChartPoint[];
  /** What the bars measure ("Views"): the value axis title and the table's column. */
  valueLabel: string;
  /** What the points are ("Day", "Hour of the day"): the time axis title and the table's first column. */
  axisLabel: string;
  language: Language;
  /** Extra columns for the table (other measures of the same points). */
  extraColumns?: Array<{ label: string; values: number[] }>;
  className?: string;
}

/** Vertical bars along a time axis (days of a period, hours of a day). */
export function BarChart({ title, points, valueLabel, axisLabel, language, extraColumns = [], className }: BarChartProps) {
  const { t } = useTranslation();
  const rtl = language === 'ar';
  const format = (value: number) => formatNumber(value, language);
  const top = niceCeiling(Math.max(0, ...points.map((p) => p.value)));
  const plotWidth = WIDTH - MARGIN.axis - MARGIN.end;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  // The value axis sits where reading starts; the plot area follows it.
  const plotStart = rtl ? MARGIN.end : MARGIN.axis;
  const axisX = rtl ? WIDTH - MARGIN.axis : MARGIN.axis;
  const band = points.length > 0 ? plotWidth / points.length : plotWidth;
  const barWidth = Math.max(1, band * 0.72);
  const xOf = (index: number) => plotStart + (rtl ? points.length - 1 - index : index) * band + (band - barWidth) / 2;
  const yOf = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  // A middle grid line only where it falls on a whole number (counts are whole).
  const ticks = top % 2 === 0 ? [0, top / 2, top] : [0, top];
  const total = points.reduce((sum, p) => sum + p.value, 0);
  const peak = points.reduce<ChartPoint | null>((best, p) => (best === null || p.value > best.value ? p : best), null);
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    peak && peak.value > 0
      ? t('useCase.charts.summary', { title, total: format(total), peak: format(peak.value), at: peak.longLabel ?? peak.label })
      : t('useCase.charts.summaryEmpty', { title });

  const table: TableData = {
    columns: [axisLabel, valueLabel, ...extraColumns.map((c) => c.label)],
    rows: points.map((p, index) => ({
      key: p.key,
      cells: [p.longLabel ?? p.label, format(p.value), ...extraColumns.map((c) => format(c.values[index] ?? 0))],
    })),
  };

  return (
    <ChartFrame title={title} table={table}>
      <svg
        className={`chart__svg${className ? ` ${className}` : ''}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="chart__grid" x1={plotStart} x2={plotStart + plotWidth} y1={yOf(tick)} y2={yOf(tick)} />
            <text className="chart__tick" x={rtl ? axisX + 6 : axisX - 6} y={yOf(tick)} dy="0.32em" textAnchor={rtl ? 'start' : 'end'}>
              {format(tick)}
            </text>
          </g>
        ))}
        {points.map((p, index) => {
          const height = yOf(0) - yOf(p.value);
          return (
            <rect
              key={p.key}
              className="chart__bar"
              x={xOf(index)}
              y={yOf(p.value)}
              width={barWidth}
              height={Math.max(0, height)}
              data-value={p.value}
            >
              <title>{`${p.longLabel ?? p.label}: ${format(p.value)}`}</title>
            </rect>
          );
        })}
        {points.map((p, index) =>
          // Every few points, and the last one unless the one before it would crowd it.
          (index % labelEvery === 0 && points.length - 1 - index >= labelEvery) || index === points.length - 1 ? (
            <text key={p.key} className="chart__tick" x={xOf(index) + barWidth / 2} y={MARGIN.top + plotHeight + 16} textAnchor="middle">
              {p.label}
            </text>
          ) : null,
        )}
        <text className="chart__axis-title" x={plotStart + plotWidth / 2} y={HEIGHT - 8} textAnchor="middle">
          {first && last ? t('useCase.charts.timeAxis', { axis: axisLabel, first: first.label, last: last.label }) : axisLabel}
        </text>
        <text
          className="chart__axis-title"
          transform={`translate(${rtl ? WIDTH - 8 : 12} ${MARGIN.top + plotHeight / 2}) rotate(${rtl ? 90 : -90})`}
          textAnchor="middle"
        >
          {valueLabel}
        </text>
      </svg>
    </ChartFrame>
  );
}

export interface BarListItem {
  key: string;
  label: ReactNode;
  value: number;
}

/**
 * Horizontal bars with their names and numbers, drawn as a table: the table is the chart, so it needs
 * no separate alternative.
 */
export function BarList({
  title,
  items,
  nameLabel,
  valueLabel,
  language,
}: {
  title: string;
  items: BarListItem[];
  nameLabel: string;
  valueLabel: string;
  language: Language;
}) {
  const id = useId();
  const max = Math.max(0, ...items.map((i) => i.value));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption className="chart__head">
        <h3 id={`${id}-title`} className="chart__title">
          {title}
        </h3>
      </figcaption>
      <table className="table bar-list">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{nameLabel}</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key}>
              <th scope="row" className="bar-list__name">
                {item.label}
              </th>
              <td className="bar-list__cell">
                <span className="bar-list__bar" style={{ inlineSize: `${max > 0 ? (item.value / max) * 100 : 0}%` }} aria-hidden="true" />
                <span className="chart__number">{formatNumber(item.value, language)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
