import { setImmediate as nextTurn, setTimeout as afterTimers } from 'node:timers/promises';
import { DEFAULT_EXPORT_FIELDS, type ExportField } from '@p2p/contracts';
import Fastify from 'fastify';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ExportSourceCase } from '../../../src/modules/use-cases/export/export-fields.js';
import { buildListMeta } from '../../../src/modules/use-cases/export/export-meta.js';
import { renderPdfList } from '../../../src/modules/use-cases/export/pdf.js';
import { renderPdfCase } from '../../../src/modules/use-cases/export/pdf-case.js';
import type { PdfJob } from '../../../src/modules/use-cases/export/pdf-jobs.js';
import { PdfWorkerPool } from '../../../src/modules/use-cases/export/pdf-worker-pool.js';
import { AWKWARD_CASE, BASE_URL, manyCases, NON_JOINING_CASE, NON_JOINING_USE_CASE, PUMP_CASE, PUMP_USE_CASE } from './fixtures.js';
import { collect, extractPdfText, pdfObjects } from './read-back.js';

const NOW = new Date('2025-05-01T08:00:00.000Z');

function listJob(cases: ExportSourceCase[], fields: readonly ExportField[] = DEFAULT_EXPORT_FIELDS): Extract<PdfJob, { kind: 'list' }> {
  const meta = buildListMeta({
    exportedBy: { guest: false, name: 'Sara Al-Qahtani', organization: 'Gulf Pumps Co.' },
    filters: { q: 'صيانة' },
    sort: 'newest',
    fields,
    rows: cases.length,
    truncated: false,
    now: NOW,
  });
  return { kind: 'list', meta, cases, baseUrl: BASE_URL };
}

const caseJob = (useCase = PUMP_USE_CASE): Extract<PdfJob, { kind: 'case' }> => ({
  kind: 'case',
  meta: { exportedAt: NOW.toISOString(), exportedBy: { guest: true, name: null, organization: null }, url: `${BASE_URL}/use-cases/x` },
  useCase,
});

const pool = new PdfWorkerPool(1);
/** Starting a worker from source compiles its modules first, and the reports are long: slow on a busy machine. */
const SLOW = 60_000;
afterAll(() => pool.close());

describe('PDF exports drawn in a worker thread', () => {
  it(
    'are the same files as drawn in this thread, object for object',
    async () => {
      const list = listJob([PUMP_CASE, AWKWARD_CASE, NON_JOINING_CASE, ...manyCases(40)]);
      const inWorker = await collect(await pool.render(list));
      const here = await collect(renderPdfList(list.meta, list.cases, list.baseUrl));
      expect(pdfObjects(inWorker)).toEqual(pdfObjects(here));
      const { text } = await extractPdfText(inWorker);
      expect(text).toContain('صيانة المضخات التنبؤية');
      expect(text).toContain('Case 40:');

      for (const job of [caseJob(PUMP_USE_CASE), caseJob(NON_JOINING_USE_CASE)]) {
        const single = await collect(await pool.render(job));
        expect(pdfObjects(single)).toEqual(pdfObjects(await collect(renderPdfCase(job.meta, job.useCase))));
      }
    },
    SLOW,
  );

  it(
    'leave the event loop free while a 1,000-case report is drawn: timers run and a request is answered meanwhile',
    async () => {
      const app = Fastify();
      app.get('/ping', async () => 'pong');
      await app.ready();
      try {
        const events: string[] = [];
        const started = pool.render(listJob(manyCases(1000)));
        const ended = started.then(async (output) => {
          events.push('first part of the file');
          await collect(output);
          events.push('file ended');
        });
        await started;
        // The worker has sent the first part and is drawing the rest.
        await nextTurn();
        events.push('setImmediate');
        await afterTimers(0);
        events.push('setTimeout');
        const ping = await app.inject({ method: 'GET', url: '/ping' });
        events.push(`request answered ${ping.statusCode}`);
        await ended;
        expect(events).toEqual(['first part of the file', 'setImmediate', 'setTimeout', 'request answered 200', 'file ended']);
      } finally {
        await app.close();
      }
    },
    SLOW,
  );

  it(
    'fail before the first part with an error the route can answer, and a new worker takes the next job',
    async () => {
      await collect(await pool.render(caseJob()));
      const before = pool.startedThreads;
      await expect(pool.render(listJob([PUMP_CASE], ['no-such-field' as ExportField]))).rejects.toThrow(/The PDF could not be drawn: /);
      const pdf = await collect(await pool.render(listJob([PUMP_CASE])));
      expect((await extractPdfText(pdf)).text).toContain('Predictive maintenance of pumps');
      expect(pool.startedThreads).toBe(before + 1);
    },
    SLOW,
  );

  it('take jobs in turn when more arrive than there are workers', async () => {
    const files = await Promise.all(
      [caseJob(), listJob([PUMP_CASE]), caseJob(NON_JOINING_USE_CASE)].map(async (job) => collect(await pool.render(job))),
    );
    const texts = await Promise.all(files.map(async (file) => (await extractPdfText(file)).text));
    expect(texts[0]).toContain('Figures');
    expect(texts[1]).toContain('Use cases');
    expect(texts[2]).toContain('الصيانة التنبؤية');
  });

  it(
    'stop with the pool: a file being drawn fails, and later jobs are refused',
    async () => {
      const ownPool = new PdfWorkerPool(1);
      const output = await ownPool.render(listJob(manyCases(1000)));
      const failed = collect(output).then(
        () => 'ended',
        (error: Error) => error.message,
      );
      await ownPool.close();
      expect(await failed).toMatch(/The PDF worker stopped/);
      await expect(ownPool.render(caseJob())).rejects.toThrow('The PDF workers have been stopped');
    },
    SLOW,
  );

  it(
    'stop a worker that has been idle for the pool’s idle time, and start a new one for the next job',
    async () => {
      const idlePool = new PdfWorkerPool(1, 0);
      try {
        await collect(await idlePool.render(caseJob()));
        await vi.waitFor(() => expect(idlePool.liveThreads).toBe(0), { timeout: 60_000, interval: 20 });
        const text = (await extractPdfText(await collect(await idlePool.render(caseJob())))).text;
        expect(text).toContain('Figures');
        expect(idlePool.startedThreads).toBe(2);
      } finally {
        await idlePool.close();
      }
    },
    SLOW,
  );
});
