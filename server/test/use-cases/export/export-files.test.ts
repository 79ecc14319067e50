import { describe, expect, it } from 'vitest';
import { attachmentDisposition, listFileName, singleFileName } from '../../../src/modules/use-cases/export/export-files.js';

describe('export file names', () => {
  it('names list exports after the day', () => {
    expect(listFileName('xlsx', new Date('2025-03-01T23:59:00Z'))).toBe('use-cases-2025-03-01.xlsx');
    expect(attachmentDisposition('use-cases-2025-03-01.xlsx')).toBe('attachment; filename="use-cases-2025-03-01.xlsx"');
  });

  it('names a case after its title without path separators, quotes or control characters', () => {
    expect(singleFileName('Line 3 / "Filler"\u0000 retrofit: phase 2?', 'abcdef12-0000', 'pdf')).toBe('Line 3 Filler retrofit phase 2.pdf');
    expect(singleFileName(' \u200f ', 'abcdef12-0000', 'md')).toBe('use-case-abcdef12.md');
    expect(singleFileName('x'.repeat(300), 'id', 'md')).toHaveLength(103);
  });

  it('gives a non-ASCII title as RFC 5987 UTF-8 with an ASCII stand-in', () => {
    expect(attachmentDisposition('صيانة المضخات.pdf')).toBe(
      `attachment; filename="use-case.pdf"; filename*=UTF-8''${encodeURIComponent('صيانة المضخات.pdf')}`,
    );
    expect(attachmentDisposition('Café 100%.md')).toBe('attachment; filename="Cafe 100.md"; filename*=UTF-8\'\'Caf%C3%A9%20100%25.md');
    expect(attachmentDisposition("Pumps (O'Neil).md")).toBe('attachment; filename="Pumps (O\'Neil).md"');
  });
});
