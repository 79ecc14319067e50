/**
 * Checks the PDF exports' Arabic with Debian's pdftotext (poppler-utils), the extractor most Linux
 * tools use: every Arabic phrase must come out whole and in reading order, next to the Latin words of
 * the same line. The npm tests check the same with pdf.js; this is the second opinion.
 *
 * Words in which a letter that does not join the next one (ا أ إ آ د ذ ر ز و, lam-alef) is followed by
 * another letter are checked at every text style the reports use: the font kerns some of those pairs
 * apart, and an extractor can take the kern for a word break ("التبريد" → "التبر يد").
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
import { DEFAULT_EXPORT_FIELDS, EXPORT_FIELDS, type ExportField } from '@p2p/contracts';
import { Report, STYLES, buildListMeta, renderPdfCase, renderPdfList, streamReport } from '../src/modules/use-cases/index.js';
import {
  AWKWARD_CASE,
  BASE_URL,
  NON_JOINING,
  NON_JOINING_CASE,
  NON_JOINING_USE_CASE,
  PUMP_CASE,
  PUMP_USE_CASE,
} from '../test/use-cases/export/fixtures.js';

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

/** What one file must contain: phrases as they stand, and words that must come out as whole words. */
interface Expectation {
  phrases: string[];
  words?: string[];
  /** How many times each phrase must appear (the specimen draws each phrase once per style). */
  times?: number;
}

const wordsOf = (...phrases: string[]) => [...new Set(phrases.flatMap((phrase) => phrase.split(' ')))];
const occurrences = (text: string, phrase: string) => text.split(phrase).length - 1;

const directory = mkdtempSync(path.join(tmpdir(), 'p2p-pdf-arabic-'));
let passed = 0;
let failed = 0;
const check = (ok: boolean, file: string, message: string) => {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.error(`  ${path.basename(file)}: ${message}`);
  }
};

try {
  const exportedBy = { guest: false, name: 'Sara Al-Qahtani', organization: 'شركة مضخات الخليج' };
  const listMeta = (fields: ExportField[], rows: number) =>
    buildListMeta({ exportedBy, filters: { q: 'صيانة المضخات' }, sort: 'newest', fields, rows, truncated: false });
  const write = async (name: string, stream: Readable) => {
    const file = path.join(directory, name);
    writeFileSync(file, await bytesOf(stream));
    return file;
  };
  const caseMeta = (id: string) => ({ exportedAt: new Date().toISOString(), exportedBy, url: `${BASE_URL}/use-cases/${id}` });

  const fields: ExportField[] = [...DEFAULT_EXPORT_FIELDS, 'summaryAr'];
  const listFile = await write('list.pdf', renderPdfList(listMeta(fields, 2), [PUMP_CASE, AWKWARD_CASE], BASE_URL));
  const caseFile = await write('case.pdf', renderPdfCase(caseMeta(PUMP_USE_CASE.id), PUMP_USE_CASE));
  const tableFields: ExportField[] = ['title', 'titleAr', 'summary', 'summaryAr', 'organization', 'roiPercent'];
  const tableFile = await write('non-joining-table.pdf', renderPdfList(listMeta(tableFields, 2), [PUMP_CASE, NON_JOINING_CASE], BASE_URL));
  const blocksFile = await write(
    'non-joining-blocks.pdf',
    renderPdfList(listMeta([...EXPORT_FIELDS], 2), [PUMP_CASE, NON_JOINING_CASE], BASE_URL),
  );
  const nonJoiningCaseFile = await write('non-joining-case.pdf', renderPdfCase(caseMeta(NON_JOINING_USE_CASE.id), NON_JOINING_USE_CASE));
  const phrases = Object.values(NON_JOINING);
  const styles = Object.values(STYLES);
  const specimen = new Report('Specimen', 'portrait', 'Specimen');
  const specimenFile = await write(
    'non-joining-styles.pdf',
    streamReport(specimen, async () => {
      for (const style of styles) for (const phrase of phrases) specimen.text(phrase, style, { gapAfter: 4 });
    }),
  );

  const listed = [NON_JOINING.title, NON_JOINING.titleAr, NON_JOINING.summary];
  const expectations = new Map<string, Expectation>([
    [
      listFile,
      {
        phrases: ['صيانة', 'المضخات', 'صيانة المضخات التنبؤية', 'شركة مضخات الخليج', 'خط تعبئة', 'PLC Siemens S7', 'مع مستشعرات الاهتزاز'],
      },
    ],
    [
      caseFile,
      {
        phrases: [
          'صيانة المضخات التنبؤية',
          'شركة مضخات الخليج',
          'خط تعبئة',
          'PLC Siemens S7',
          'يرسل الإنذارات',
          'مدينة الجبيل الصناعية',
          'Return on investment',
        ],
      },
    ],
    // Table cells wrap, so the words are checked one by one there.
    [tableFile, { phrases: ['صيانة المضخات التنبؤية'], words: wordsOf(...listed) }],
    [blocksFile, { phrases: listed, words: wordsOf(...listed) }],
    [nonJoiningCaseFile, { phrases, words: wordsOf(...phrases) }],
    [specimenFile, { phrases, words: wordsOf(...phrases), times: styles.length }],
  ]);

  for (const [file, expected] of expectations) {
    const raw = pdftotext(file);
    const text = raw.replace(BIDI_CONTROLS, '');
    console.log(`${path.basename(file)}: Arabic lines as pdftotext prints them (with its embedding marks):`);
    for (const line of raw.split('\n').filter((entry) => ARABIC.test(entry))) console.log(`  ${line}`);
    for (const phrase of expected.phrases) {
      const count = occurrences(text, phrase);
      const times = expected.times ?? 1;
      check(count >= times, file, times > 1 ? `"${phrase}" found ${count} times, expected ${times}` : `missing: ${phrase}`);
    }
    // pdftotext may put the space between a right-to-left stretch and the next cell inside the
    // stretch's embedding marks, so the marks count as word boundaries here.
    const words = new Set(raw.replace(BIDI_CONTROLS, ' ').split(/\s+/));
    for (const word of expected.words ?? []) check(words.has(word), file, `not a whole word: ${word}`);
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
