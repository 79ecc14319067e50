/**
 * Checks the PDF exports' Arabic with Debian's pdftotext (poppler-utils), the extractor most Linux
 * tools use: every Arabic phrase must come out whole and in reading order, next to the Latin words of
 * the same line. The npm tests check the same with pdf.js; this is the second opinion.
 *
 *   npx tsx server/scripts/check-pdf-arabic.ts        (needs `apt-get install poppler-utils`)
 *
 * Exits 0 when every check passes, 1 when one fails, 2 when pdftotext is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DEFAULT_EXPORT_FIELDS, type ExportField } from '@p2p/contracts';
import { buildListMeta } from '../src/modules/use-cases/export/export-meta.js';
import { renderPdfList } from '../src/modules/use-cases/export/pdf.js';
import { renderPdfCase } from '../src/modules/use-cases/export/pdf-case.js';
import { AWKWARD_CASE, BASE_URL, PUMP_CASE, PUMP_USE_CASE } from '../test/use-cases/export/fixtures.js';

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ARABIC = /[\u0600-\u06ff]/;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

function pdftotext(file: string): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

if (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error) {
  console.error('pdftotext is not installed (apt-get install -y poppler-utils)');
  process.exit(2);
}

const directory = mkdtempSync(path.join(tmpdir(), 'p2p-pdf-arabic-'));
let passed = 0;
let failed = 0;
try {
  const fields: ExportField[] = [...DEFAULT_EXPORT_FIELDS, 'summaryAr'];
  const meta = buildListMeta({
    exportedBy: { guest: false, name: 'Sara Al-Qahtani', organization: 'شركة مضخات الخليج' },
    filters: { q: 'صيانة المضخات' },
    sort: 'newest',
    fields,
    rows: 2,
    truncated: false,
  });
  const listFile = path.join(directory, 'list.pdf');
  writeFileSync(listFile, await bytesOf(renderPdfList(meta, [PUMP_CASE, AWKWARD_CASE], BASE_URL)));
  const caseFile = path.join(directory, 'case.pdf');
  const caseMeta = { exportedAt: new Date().toISOString(), exportedBy: meta.exportedBy, url: `${BASE_URL}/use-cases/${PUMP_USE_CASE.id}` };
  writeFileSync(caseFile, await bytesOf(renderPdfCase(caseMeta, PUMP_USE_CASE)));

  const expectations: Record<string, string[]> = {
    [listFile]: ['صيانة', 'المضخات', 'صيانة المضخات التنبؤية', 'شركة مضخات الخليج', 'خط تعبئة', 'PLC Siemens S7', 'مع مستشعرات الاهتزاز'],
    [caseFile]: ['صيانة المضخات التنبؤية', 'شركة مضخات الخليج', 'خط تعبئة', 'PLC Siemens S7', 'يرسل الإنذارات', 'مدينة الجبيل الصناعية', 'Return on investment'],
  };
  for (const [file, phrases] of Object.entries(expectations)) {
    const raw = pdftotext(file);
    const text = raw.replace(BIDI_CONTROLS, '');
    console.log(`${path.basename(file)}: Arabic lines as pdftotext prints them (with its embedding marks):`);
    for (const line of raw.split('\n').filter((entry) => ARABIC.test(entry))) console.log(`  ${line}`);
    for (const phrase of phrases) {
      if (text.includes(phrase)) passed += 1;
      else {
        failed += 1;
        console.error(`  missing from ${path.basename(file)}: ${phrase}`);
      }
    }
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
