import { describe, expect, it } from 'vitest';
import { hasArabic, linePieces, paragraphDirection, visualRuns } from '../../../src/modules/use-cases/export/arabic-text.js';

describe('bidi runs for PDF lines', () => {
  it('puts the Latin words of a right-to-left line on the left, in their own order', () => {
    const line = 'خط تعبئة PLC Siemens S7';
    expect(paragraphDirection(line)).toBe('rtl');
    expect(visualRuns(line, 'rtl')).toEqual([
      { text: 'PLC Siemens S7', rtl: false, start: 9 },
      { text: 'خط تعبئة ', rtl: true, start: 0 },
    ]);
  });

  it('keeps a left-to-right line that ends in Arabic in reading order', () => {
    const line = 'Line PLC خط تعبئة';
    expect(paragraphDirection(line)).toBe('ltr');
    expect(visualRuns(line, 'ltr')).toEqual([
      { text: 'Line PLC ', rtl: false, start: 0 },
      { text: 'خط تعبئة', rtl: true, start: 9 },
    ]);
  });

  it('hands an all-Arabic line over whole, for the font engine to shape and lay out right to left', () => {
    expect(visualRuns('صيانة المضخات', 'rtl')).toEqual([{ text: 'صيانة المضخات', rtl: true, start: 0 }]);
  });

  it('mirrors brackets inside right-to-left text and keeps numbers left to right', () => {
    const runs = visualRuns('وفر 30 (تقريبا)', 'rtl');
    expect(runs.map((run) => run.text).join('|')).toBe(' )تقريبا(|30|وفر ');
    expect(runs.map((run) => run.rtl)).toEqual([true, false, true]);
  });

  it('places the words of an Arabic run right to left, each remembering its place in reading order', () => {
    expect(linePieces('خط تعبئة PLC Siemens S7', 'rtl')).toEqual([
      { text: 'PLC Siemens S7', start: 9 },
      { text: ' ', start: 8 },
      { text: 'تعبئة', start: 3 },
      { text: ' ', start: 2 },
      { text: 'خط', start: 0 },
    ]);
  });

  it('draws plain Latin text untouched', () => {
    expect(visualRuns('Pump maintenance (phase 2)', 'ltr')).toEqual([{ text: 'Pump maintenance (phase 2)', rtl: false, start: 0 }]);
    expect(visualRuns('', 'ltr')).toEqual([]);
    expect(hasArabic('Pump')).toBe(false);
    expect(hasArabic('مضخة')).toBe(true);
  });
});
