import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_EXPORT_FIELDS, EXPORT_FIELDS } from '@p2p/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createSessionResolver } from '../../src/modules/auth/index.js';
import { useCaseExportRoutes } from '../../src/modules/use-cases/export/export.routes.js';
import type { Database } from '../../src/platform/db.js';
import { expectProblem, TestClient, testConfig } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';
import { addMember, createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { extractPdfText } from './export/read-back.js';
import { writeCase } from './factories.js';

const PUBLIC_URL = 'http://127.0.0.1:3000';
const ARABIC_TITLE = 'صيانة المضخات في الجبيل';

let app: FastifyInstance;
let database: Database;
let dataDir: string;
let org: OrganizationFixture;
let member: { client: TestClient; id: string };
let guest: TestClient;
const ids: Record<string, string> = {};

/** The app as the server builds it, serving the export routes (registered here when the app does not). */
async function exportApp(): Promise<FastifyInstance> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-test-data-'));
  const config = testConfig({ DATA_DIR: dataDir });
  database = await openTestDatabase();
  const built = await buildApp({ config, database });
  if (!built.hasRoute({ method: 'GET', url: '/api/v1/use-cases/export' })) {
    const sessions = createSessionResolver(built.services.auth, database.db);
    await built.register(useCaseExportRoutes, { prefix: '/api/v1', db: database.db, sessions, publicUrl: config.publicUrl });
  }
  await built.ready();
  return built;
}

const day = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  app = await exportApp();
  org = await createOrganization(app, 'Eastern Plastics');
  const other = await createOrganization(app, 'Western Foods');
  member = await addMember(app, database.db, org.admin);
  guest = new TestClient(app);
  ids.arabic = (
    await writeCase(org.admin, {
      title: ARABIC_TITLE,
      summary: 'خط تعبئة PLC Siemens S7 مع مستشعرات الاهتزاز على اثنتي عشرة مضخة.',
      category: 'maintenance',
      outcomes: { roiPercent: 120, paybackMonths: 8 },
    })
  ).id;
  ids.english = (
    await writeCase(org.admin, { title: 'Palletising cell, "phase 2"', category: 'automation', outcomes: { roiPercent: 40 } })
  ).id;
  ids.members = (await writeCase(org.admin, { title: 'Members-only energy audit', category: 'energy', visibility: 'organization' })).id;
  ids.private = (await writeCase(org.admin, { title: 'Private supplier review', category: 'supply_chain', visibility: 'private' })).id;
  ids.other = (await writeCase(other.admin, { title: 'Vision inspection of bottle caps', category: 'quality' })).id;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function expectAttachment(response: LightMyRequestResponse, contentType: string, fileName: string) {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe(contentType);
  expect(response.headers['content-disposition']).toContain(`attachment; filename="${fileName}"`);
  expect(response.headers['cache-control']).toBe('private, no-store');
}

describe('GET /use-cases/export', () => {
  it('gives a guest the public cases as JSON with every field and the metadata', async () => {
    const response = await guest.get('/api/v1/use-cases/export?format=json&sort=roi');
    expectAttachment(response, 'application/json; charset=utf-8', `use-cases-${day()}.json`);
    const body = response.json() as { meta: Record<string, unknown>; items: Array<Record<string, unknown>> };
    expect(body.meta).toMatchObject({
      exportedBy: { guest: true, name: null, organization: null },
      sort: 'roi',
      scope: 'all',
      rows: 3,
      truncated: false,
      maxRows: 5000,
      filters: {},
    });
    expect(body.meta.fields).toEqual([...EXPORT_FIELDS]);
    expect(body.items.map((item) => item.id).sort()).toEqual([ids.arabic, ids.english, ids.other].sort());
    expect(body.items[0]).toMatchObject({
      id: ids.arabic,
      title: ARABIC_TITLE,
      roiPercent: 120,
      url: `${PUBLIC_URL}/use-cases/${ids.arabic}`,
    });
    expect(response.headers['x-export-rows']).toBe('3');
    expect(response.headers['x-export-truncated']).toBe('false');
  });

  it('names a signed-in member and their organization, and includes the cases members may see', async () => {
    const response = await member.client.get('/api/v1/use-cases/export?format=json');
    const body = response.json() as { meta: { exportedBy: { name: string } }; items: Array<{ id: string }> };
    expect(body.meta.exportedBy).toMatchObject({ guest: false, organization: 'Eastern Plastics' });
    expect(body.meta.exportedBy.name.length).toBeGreaterThan(0);
    const admin = (await org.admin.get('/api/v1/use-cases/export?format=json')).json() as { meta: { exportedBy: unknown } };
    expect(admin.meta.exportedBy).toEqual({ guest: false, name: 'Faisal Al-Otaibi', organization: 'Eastern Plastics' });
    const exported = body.items.map((item) => item.id);
    expect(exported).toContain(ids.members);
    expect(exported).not.toContain(ids.private);
  });

  it('applies the list filters to a CSV with a BOM and the default columns', async () => {
    const response = await guest.get('/api/v1/use-cases/export?format=csv&category=maintenance,automation&roiMin=100');
    expectAttachment(response, 'text/csv; charset=utf-8', `use-cases-${day()}.csv`);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(response.rawPayload.toString('utf8'), { bom: true, relax_column_count: true });
    expect(records).toContainEqual(['Filters', 'category=maintenance, automation; roiMin=100']);
    expect(records).toContainEqual(['Exported by', 'guest']);
    const header = records.findIndex((record) => record[0] === 'Title');
    expect(records[header]).toHaveLength(DEFAULT_EXPORT_FIELDS.length);
    expect(records.slice(header + 1).map((record) => record[0])).toEqual([ARABIC_TITLE]);
  });

  it('writes an Excel workbook and a PDF report of the same set', async () => {
    const xlsx = await guest.get('/api/v1/use-cases/export?format=xlsx&category=maintenance');
    expectAttachment(xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `use-cases-${day()}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Use cases')!.getRow(2).getCell(1).value).toBe(ARABIC_TITLE);

    const pdf = await guest.get('/api/v1/use-cases/export?format=pdf');
    expectAttachment(pdf, 'application/pdf', `use-cases-${day()}.pdf`);
    const { text } = await extractPdfText(pdf.rawPayload);
    expect(text).toContain(ARABIC_TITLE);
    expect(text).toContain('Palletising cell, "phase 2"');
    expect(text).not.toContain('Members-only energy audit');
  });

  it('makes at most two PDF or Excel files at a time and asks the next caller to come back', async () => {
    const responses = await Promise.all([1, 2, 3].map(() => guest.get('/api/v1/use-cases/export?format=pdf')));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 429]);
    const refused = responses.find((response) => response.statusCode === 429)!;
    expect(refused.headers['retry-after']).toBe('5');
    expectProblem(refused, 429, 'RATE_LIMITED');
    expect((await guest.get('/api/v1/use-cases/export?format=xlsx')).statusCode).toBe(200);
    expect(
      (await Promise.all([guest.get('/api/v1/use-cases/export?format=csv'), guest.get('/api/v1/use-cases/export?format=json')])).map(
        (response) => response.statusCode,
      ),
    ).toEqual([200, 200]);
  });

  it('refuses an unknown format', async () => {
    expectProblem(await guest.get('/api/v1/use-cases/export?format=docx'), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /use-cases/export/custom', () => {
  it('exports only the chosen fields, in the chosen order', async () => {
    const response = await guest.post('/api/v1/use-cases/export/custom', {
      format: 'csv',
      fields: ['roiPercent', 'title', 'roiPercent'],
      filters: { category: ['automation'] },
      sort: 'newest',
    });
    expectAttachment(response, 'text/csv; charset=utf-8', `use-cases-${day()}.csv`);
    const records: string[][] = parse(response.rawPayload.toString('utf8'), { bom: true, relax_column_count: true });
    const header = records.findIndex((record) => record[0] === 'ROI %');
    expect(records.slice(header)).toEqual([
      ['ROI %', 'Title'],
      ['40', 'Palletising cell, "phase 2"'],
    ]);
  });

  it('refuses a field that exports do not know', async () => {
    expectProblem(
      await guest.post('/api/v1/use-cases/export/custom', { format: 'json', fields: ['passwordHash'] }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('GET /use-cases/:id/export', () => {
  it('gives one case as Markdown, named after its title (RFC 5987 for Arabic)', async () => {
    const response = await guest.get(`/api/v1/use-cases/${ids.arabic}/export?format=md`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="use-case.md"; filename*=UTF-8''${encodeURIComponent(`${ARABIC_TITLE}.md`)}`,
    );
    expect(response.body.startsWith(`# ${ARABIC_TITLE}\n`)).toBe(true);
    expect(response.body).toContain('| Return on investment | 120% |');
    expect(response.body).toContain('## Challenge');
    expect(response.body).toContain('Exported by: guest');
  });

  it('gives one case as JSON and as a PDF report', async () => {
    const json = await org.admin.get(`/api/v1/use-cases/${ids.english}/export?format=json`);
    expectAttachment(json, 'application/json; charset=utf-8', 'Palletising cell, phase 2.json');
    const body = json.json() as { meta: { exportedBy: unknown; url: string }; item: Record<string, unknown> };
    expect(body.meta).toMatchObject({
      exportedBy: { guest: false, name: 'Faisal Al-Otaibi', organization: 'Eastern Plastics' },
      url: `${PUBLIC_URL}/use-cases/${ids.english}`,
    });
    expect(body.item).toMatchObject({ id: ids.english, title: 'Palletising cell, "phase 2"' });
    expect(body.item).not.toHaveProperty('can');

    const pdf = await guest.get(`/api/v1/use-cases/${ids.arabic}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractPdfText(pdf.rawPayload);
    expect(text).toContain(ARABIC_TITLE);
    expect(text).toContain('Figures');
  });

  it('answers 404 for a case the reader may not see', async () => {
    expectProblem(await guest.get(`/api/v1/use-cases/${ids.members}/export?format=pdf`), 404, 'NOT_FOUND');
    expectProblem(await member.client.get(`/api/v1/use-cases/${ids.private}/export?format=json`), 404, 'NOT_FOUND');
    const own = await org.admin.get(`/api/v1/use-cases/${ids.private}/export?format=md`);
    expect(own.statusCode).toBe(200);
  });
});
