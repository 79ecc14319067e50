import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, liveFileJson } from '../../src/modules/files/index.js';
import { MAX_FILE_NAME_LENGTH, cleanFileName } from '../../src/modules/files/files.upload.js';
import { type TestClient, signUp } from '../helpers/app.js';
import { minimalPdf, solidImage } from './fixtures.js';
import { type FilesTestContext, createFilesTestApp, fileRow, upload, uploadProfileImage } from './helpers.js';

/** Every character that changes how a name reads without being seen. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be gone
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

describe('cleanFileName', () => {
  it('drops bidi overrides, embeddings, isolates and marks, so the real extension shows', () => {
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069h\u200Ei\u200Fj\u061Ck.pdf')).toBe('abcdefghijk.pdf');
  });

  it('drops zero-width characters and control characters (C0 and C1)', () => {
    expect(cleanFileName('r\u200Be\u200Cp\u200Do\u2060r\uFEFFt.pdf')).toBe('report.pdf');
    expect(cleanFileName('\uFEFFa\u0000b\u0007c\u001Fd\u007Fe\u0085f\u009Fg.txt')).toBe('abcdefg.txt');
  });

  it('keeps Arabic and other letters, NFC-normalised, with white space collapsed', () => {
    expect(cleanFileName('تقرير الجودة.pdf')).toBe('تقرير الجودة.pdf');
    expect(cleanFileName('تقرير\u202Bالصيانة\u202C ٢٠٢٦.xlsx')).toBe('تقريرالصيانة ٢٠٢٦.xlsx');
    expect(cleanFileName('Übersicht 日本語 Ελληνικά.docx')).toBe('Übersicht 日本語 Ελληνικά.docx');
    expect(cleanFileName('cafe\u0301.png')).toBe('caf\u00e9.png');
    expect(cleanFileName('  many \t\n spaces\u00A0\u3000here  .pdf ')).toBe('many spaces here.pdf');
  });

  it('is never empty: a name of nothing visible becomes "file", keeping its extension', () => {
    expect(cleanFileName('\u202E\u200B\uFEFF')).toBe('file');
    expect(cleanFileName('\u202E.pdf')).toBe('file.pdf');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName('   ')).toBe('file');
    expect(cleanFileName('')).toBeNull();
    expect(cleanFileName(undefined)).toBeNull();
  });

  it('is bounded in characters, keeping the extension and never splitting a character', () => {
    const long = cleanFileName(`${'ملف'.repeat(100)}.pdf`)!;
    expect([...long]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('.pdf')).toBe(true);
    const emoji = cleanFileName('📄'.repeat(300))!;
    expect([...emoji]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji).toBe('📄'.repeat(MAX_FILE_NAME_LENGTH));
  });

  it('changes nothing in a clean name', () => {
    for (const name of ['invoice\u202Efdp.exe', 'تقرير الجودة.pdf', `${'x'.repeat(400)}.docx`, '\u202E.pdf', 'a  b.png']) {
      const once = cleanFileName(name);
      expect(cleanFileName(once)).toBe(once);
    }
  });
});

describe('names of uploaded files', () => {
  let t: FilesTestContext;
  let client: TestClient;
  beforeAll(async () => {
    t = await createFilesTestApp();
    ({ client } = await signUp(t.app));
  });
  afterAll(() => t.close());

  it('are stored, answered and offered for download without bidi overrides or zero-width characters', async () => {
    const response = await upload(client, { filename: 'invoice\u202Efdp.exe', data: minimalPdf() });
    expect(response.statusCode).toBe(201);
    expect(response.json().originalName).toBe('invoicefdp.exe');
    expect((await fileRow(t, response.json().id)).originalName).toBe('invoicefdp.exe');
    const disposition = String((await client.get(response.json().url)).headers['content-disposition']);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('invoicefdp.pdf');

    const hidden = await upload(client, { filename: '\u200Bq\u200Du\u2060o\uFEFFte\u200C.pdf', data: minimalPdf() });
    expect(hidden.json().originalName).toBe('quote.pdf');
    const arabic = await upload(client, { filename: 'عرض\u200F سعر\u202E.pdf', data: minimalPdf() });
    expect(arabic.json().originalName).toBe('عرض سعر.pdf');
    const nothing = await upload(client, { filename: '\u202E\u200B.pdf', data: minimalPdf() });
    expect(nothing.json().originalName).toBe('file.pdf');
  });

  it('of avatars and logos are cleaned too', async () => {
    const avatar = await uploadProfileImage(client, '/api/v1/users/me/avatar', await solidImage(64, 64, 'png'), 'me\u202Egnp.exe');
    expect(avatar.statusCode).toBe(200);
    expect(avatar.json().originalName).toBe('megnp.exe');
  });

  it('stored before cleaning existed are cleaned on the way out', async () => {
    const response = await upload(client, { filename: 'old.pdf', data: minimalPdf() });
    await t.database.db.update(files).set({ originalName: 'old\u202Efdp.exe' }).where(eq(files.id, response.json().id));
    const disposition = String((await client.get(response.json().url)).headers['content-disposition']);
    const offered = decodeURIComponent(disposition.split("UTF-8''")[1]!);
    expect(offered).toBe('oldfdp.pdf');
    expect(offered).not.toMatch(INVISIBLE);
  });

  it('stored before cleaning existed are shown without invisible characters where other modules list them', async () => {
    const response = await upload(client, { filename: 'list.pdf', data: minimalPdf() });
    await t.database.db.update(files).set({ originalName: 'تقرير\u202E\u200Bfdp\u2066.exe' }).where(eq(files.id, response.json().id));
    const result = await t.database.db.execute(sql`select ${liveFileJson('f')} as file from ${files} f where f.id = ${response.json().id}`);
    const [row] = (result as unknown as { rows: { file: unknown }[] }).rows;
    const file = (typeof row!.file === 'string' ? JSON.parse(row!.file) : row!.file) as { name: string };
    expect(file.name).toBe('تقريرfdp.exe');
  });
});
