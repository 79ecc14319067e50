import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regularFontFile } from '../../../src/modules/use-cases/export/pdf-fonts.js';
import {
  assertPdfkitInternals,
  ensurePdfkitInternals,
  FONTKIT_VERSION,
  installedPdfkitVersions,
  PDFKIT_VERSION,
  PdfkitInternalsError,
  type ReliedOnField,
  RELIED_ON_FIELDS,
  samplePdfkitDocument,
} from '../../../src/modules/use-cases/export/pdf-internals.js';

const sample = () => samplePdfkitDocument(regularFontFile());

/** Puts `value` where the field was (own property, so a method or getter of the class is hidden too). */
function replaceField(doc: PDFKit.PDFDocument, field: ReliedOnField, value: unknown): void {
  let holder: object = doc;
  for (const key of field.path.slice(0, -1)) holder = Reflect.get(holder, key) as object;
  Object.defineProperty(holder, field.path.at(-1)!, { value, configurable: true, writable: true });
}

const fieldNamed = (name: string) => RELIED_ON_FIELDS.find((field) => field.name === name)!;

/** The guard's error on `doc`, or null when it passes. */
function guardError(doc: PDFKit.PDFDocument): PdfkitInternalsError | null {
  try {
    assertPdfkitInternals(doc);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(PdfkitInternalsError);
    return error as PdfkitInternalsError;
  }
}

describe('pdfkit internals the PDF exports rely on', () => {
  it('are those of the pinned pdfkit and fontkit, which are the ones installed', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies.pdfkit).toBe(PDFKIT_VERSION);
    expect(manifest.dependencies.fontkit).toBe(FONTKIT_VERSION);
    expect(installedPdfkitVersions()).toEqual({ pdfkit: PDFKIT_VERSION, fontkit: FONTKIT_VERSION });
  });

  it('are all there, with the shapes the exports use, in the installed pdfkit', () => {
    expect(guardError(sample())).toBeNull();
    expect(() => ensurePdfkitInternals(regularFontFile)).not.toThrow();
  });

  describe.each(RELIED_ON_FIELDS.map((field) => [field.name, field] as const))('the guard, when %s', (name, field) => {
    it('is missing, fails naming it and the version it was written for', () => {
      const doc = sample();
      replaceField(doc, field, undefined);
      const error = guardError(doc);
      expect(error?.message).toContain(`${name}: missing (expected ${field.kind})`);
      expect(error?.message).toContain(`written for pdfkit ${PDFKIT_VERSION} with fontkit ${FONTKIT_VERSION}`);
    });

    it('holds something of another type, fails naming it', () => {
      const doc = sample();
      replaceField(doc, field, Symbol('moved'));
      expect(guardError(doc)?.message).toContain(`${name}: is symbol, expected ${field.kind}`);
    });
  });

  it('fails when a method still exists but answers in another shape, naming the method', () => {
    const doc = sample();
    const glyph = { id: 3, advanceWidth: 500 };
    const position = { xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: 500 };
    replaceField(doc, fieldNamed('PDFDocument._font.layoutRun'), () => ({ glyphs: [glyph], positions: [position], advanceWidth: 500 }));
    expect(guardError(doc)?.message).toContain('PDFDocument._font.layoutRun(): returned a glyph without a codePoints array');
  });

  it('lists every problem in one error', () => {
    const doc = sample();
    replaceField(doc, fieldNamed('PDFDocument._fontSize'), '10pt');
    replaceField(doc, fieldNamed('PDFDocument.page.content.buffer'), undefined);
    const error = guardError(doc);
    expect(error?.problems).toEqual([
      'PDFDocument._fontSize: is string, expected number',
      'PDFDocument.page.content.buffer: missing (expected array)',
    ]);
  });
});
