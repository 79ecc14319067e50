import { describe, expect, it } from 'vitest';
import { hasArabic, paragraphDirection, visualRuns } from '../../../src/modules/use-cases/export/arabic-text.js';

describe('bidi runs for PDF lines', () => {
  it('puts the Latin words of a right-to-left line on the left, in their own order', () => {
    const line = 'خط تعبئة PLC Siemens S7';
    expect(paragraphDirection(line)).toBe('rtl');
    expect(visualRuns(line, 'rtl')).toEqual([
      { text: 'PLC Siemens S7', rtl: false },
      { text: 'خط تعبئة ', rtl: true },
    ]);
  });

  it('keeps a left-to-right line that ends in Arabic in reading order', () => {
    const line = 'Line PLC خط تعبئة';
    expect(paragraphDirection(line)).toBe('ltr');
    expect(visualRuns(line, 'ltr')).toEqual([
      { text: 'Line PLC ', rtl: false },
      { text: 'خط تعبئة', rtl: true },
    ]);
  });

  it('hands an all-Arabic line over whole, for the font engine to shape and lay out right to left', () => {
    expect(visualRuns('صيانة المضخات', 'rtl')).toEqual([{ text: 'صيانة المضخات', rtl: true }]);
  });

  it('mirrors brackets inside right-to-left text and keeps numbers left to right', () => {
    const runs = visualRuns('وفر 30 (تقريبا)', 'rtl');
    expect(runs.map((run) => run.text).join('|')).toBe(' )تقريبا(|30|وفر ');
    expect(runs.map((run) => run.rtl)).toEqual([true, false, true]);
  });

  it('draws plain Latin text untouched', () => {
    expect(visualRuns('Pump maintenance (phase 2)', 'ltr')).toEqual([{ text: 'Pump maintenance (phase 2)', rtl: false }]);
    expect(visualRuns('', 'ltr')).toEqual([]);
    expect(hasArabic('Pump')).toBe(false);
    expect(hasArabic('مضخة')).toBe(true);
  });
});
