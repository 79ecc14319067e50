import type { Readable } from 'node:stream';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Reads a rendered export to the end. */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export interface PdfText {
  pages: number;
  /** Each page's text items joined with spaces, as pdf.js extracts them (right-to-left runs in logical order). */
  text: string;
  items: string[];
}

export async function extractPdfText(pdf: Buffer): Promise<PdfText> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false })
    .promise;
  const items: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) items.push(item.str);
  }
  const pages = document.numPages;
  await document.destroy();
  return { pages, text: items.join(' '), items };
}

/** The names of the fonts embedded in the file (a FontFile2 is an embedded TrueType program). */
export function embeddedFonts(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const names = [...source.matchAll(/\/FontName \/([A-Za-z0-9+-]+)/g)].map((match) => match[1]!);
  return source.includes('/FontFile2') ? names : [];
}

/**
 * Every object of the file with its stream inflated, in file order, as latin1 text: what two renderings
 * of the same report must share. Dates (the info dictionary's) are blanked and the trailer is left out.
 */
export function pdfObjects(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\d+ 0 obj\n([\s\S]*?)endobj/g)].map((match) => {
    const body = match[1]!;
    const start = body.indexOf('stream\n');
    if (start < 0) return body.replace(/\(D:[^)]*\)/g, '()');
    const end = body.lastIndexOf('\nendstream');
    const raw = Buffer.from(body.slice(start + 'stream\n'.length, end), 'latin1');
    let stream: string;
    try {
      stream = inflateSync(raw).toString('latin1');
    } catch {
      stream = raw.toString('latin1');
    }
    return `${body.slice(0, start)}stream\n${stream}`;
  });
}

/**
 * The code points each glyph maps to in the fonts' ToUnicode maps, one entry per glyph (hex, as
 * written: "0644 0627"). The maps are deflated streams.
 */
export function toUnicodeEntries(pdf: Buffer): string[] {
  const entries: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    at = start + 1;
    if (pdf.toString('latin1', Math.max(0, start - 3), start) === 'end') continue;
    const end = pdf.indexOf('\nendstream', start);
    if (end < 0) break;
    at = end + 1;
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start + 'stream\n'.length, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!text.includes('begincmap')) continue;
    for (const range of text.matchAll(/\[([^\]]*)\]/g)) {
      for (const entry of range[1]!.matchAll(/<([0-9a-fA-F ]+)>/g)) entries.push(entry[1]!.toLowerCase());
    }
  }
  return entries;
}
