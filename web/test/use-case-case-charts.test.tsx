import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { BarChart, type ChartPoint, niceCeiling } from '../src/features/use-cases/charts.js';

const points: ChartPoint[] = [
  { key: 'a', label: '1 Jan', value: 3 },
  { key: 'b', label: '2 Jan', value: 0 },
  { key: 'c', label: '3 Jan', value: 7 },
];

const barXs = () => [...document.querySelectorAll('rect.chart__bar')].map((rect) => Number(rect.getAttribute('x')));

describe('bar chart', () => {
  beforeEach(() => {
    initI18n('en');
  });

  it('rounds the value axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 170, 4800].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 200, 5000]);
  });

  it('runs time left to right in English, with bar heights in proportion and the axis named', async () => {
    await applyLanguage('en');
    render(<BarChart title="Views per day" points={points} valueLabel="Views" axisLabel="Day" language="en" />);
    const [first, second, third] = barXs();
    expect(first!).toBeLessThan(second!);
    expect(second!).toBeLessThan(third!);
    const heights = [...document.querySelectorAll('rect.chart__bar')].map((rect) => Number(rect.getAttribute('height')));
    expect(heights[1]).toBe(0);
    expect(heights[0]! / heights[2]!).toBeCloseTo(3 / 7, 5);
    expect(screen.getByText('Day, from 1 Jan to 3 Jan')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Views per day: 10 in total, most (7) at 3 Jan.');
  });

  it('runs time right to left in Arabic, in the reading direction, and keeps the table in time order', async () => {
    await applyLanguage('ar');
    render(<BarChart title="المشاهدات في اليوم" points={points} valueLabel="المشاهدات" axisLabel="اليوم" language="ar" />);
    const [first, second, third] = barXs();
    expect(first!).toBeGreaterThan(second!);
    expect(second!).toBeGreaterThan(third!);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.firstElementChild?.textContent)).toEqual(['1 Jan', '2 Jan', '3 Jan']);
    expect(screen.getByRole('button', { name: 'عرض كجدول' })).toBeTruthy();
  });
});
