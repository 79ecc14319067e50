import { Readable } from 'node:stream';
import {
  customExportBodySchema,
  DEFAULT_EXPORT_FIELDS,
  EXPORT_FIELDS,
  EXPORT_MAX_ROWS,
  type ExportField,
  type ExportFormat,
  exportQuerySchema,
  problemSchema,
  singleExportQuerySchema,
  useCaseFiltersSchema,
  type UseCaseFilters,
  type UseCaseSort,
} from '@p2p/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../../platform/db.js';
import { AppError } from '../../../platform/errors.js';
import { type Actor, type SessionResolver } from '../../../platform/actor.js';
import { findMembershipWithOrganization } from '../../organizations/index.js';
import { findUserById } from '../../users/index.js';
import { findExportCases } from '../use-cases.export-source.js';
import { getUseCase } from '../use-cases.service.js';
import { CSV_MIME, renderCsv } from './csv.js';
import { caseUrl, type ExportSourceCase } from './export-fields.js';
import { attachmentDisposition, LIST_EXTENSIONS, listFileName, SINGLE_EXTENSIONS, singleFileName } from './export-files.js';
import { buildListMeta, type ExportedBy, GUEST_EXPORTER, type ListExportMeta } from './export-meta.js';
import { JSON_MIME, renderJsonList, renderJsonSingle } from './json.js';
import { MARKDOWN_MIME, renderMarkdown } from './markdown.js';
import { PDF_MIME } from './pdf-report.js';
import { DEFAULT_PDF_WORKERS, PdfWorkerPool } from './pdf-worker-pool.js';
import { renderXlsx, XLSX_MIME } from './xlsx.js';

export interface UseCaseExportRoutesOptions {
  db: Db;
  sessions: SessionResolver;
  /** The web app's address: exported links point at `${publicUrl}/use-cases/<id>`. */
  publicUrl: string;
  /** Worker threads that draw PDFs (DEFAULT_PDF_WORKERS unless given). */
  pdfWorkers?: number;
}

const LIST_MIME: Record<ExportFormat, string> = { json: JSON_MIME, csv: CSV_MIME, xlsx: XLSX_MIME, pdf: PDF_MIME };

type ListRenderer = (meta: ListExportMeta, cases: ExportSourceCase[], baseUrl: string) => Readable | Promise<Readable>;

/**
 * PDF and Excel files of up to EXPORT_MAX_ROWS cases take seconds of CPU each; this many may be in the
 * making at once per process, further requests are asked to come back shortly (429 with Retry-After).
 */
export const MAX_HEAVY_EXPORTS = 2;
const HEAVY_FORMATS: ReadonlySet<ExportFormat> = new Set(['pdf', 'xlsx']);

const FILTER_KEYS = Object.keys(useCaseFiltersSchema.shape) as Array<keyof UseCaseFilters>;

function filtersIn(query: Partial<UseCaseFilters>): Partial<UseCaseFilters> {
  const filters: Partial<UseCaseFilters> = {};
  for (const key of FILTER_KEYS) if (query[key] !== undefined) Object.assign(filters, { [key]: query[key] });
  return filters;
}

/** Who the export names: the person's name and organization, read fresh (the session holds neither). */
async function exporterOf(db: DbOrTx, actor: Actor | null): Promise<ExportedBy> {
  if (!actor) return GUEST_EXPORTER;
  const [user, membership] = await Promise.all([findUserById(db, actor.userId), findMembershipWithOrganization(db, actor.userId)]);
  return { guest: false, name: user?.name ?? actor.email, organization: membership?.organization.name ?? null };
}

const fileResponse = (description: string) => ({
  description,
  content: {
    '*/*': {
      schema: z
        .custom<Readable | Buffer>((value) => value instanceof Readable || Buffer.isBuffer(value))
        .meta({ type: 'string', format: 'binary' }),
    },
  },
});

/**
 * Exports of the library: the current result set (same filters, order and visibility as the list,
 * at most EXPORT_MAX_ROWS cases) and single cases. Guests export what they may read.
 */
export const useCaseExportRoutes: FastifyPluginAsyncZod<UseCaseExportRoutesOptions> = async (
  app,
  { db, sessions, publicUrl, pdfWorkers = DEFAULT_PDF_WORKERS },
) => {
  // PDFs are drawn in worker threads, which stop when the app closes.
  const pdfPool = new PdfWorkerPool(pdfWorkers);
  app.addHook('onClose', async () => pdfPool.close());
  const listRenderers: Record<ExportFormat, ListRenderer> = {
    json: renderJsonList,
    csv: renderCsv,
    xlsx: renderXlsx,
    pdf: (meta, cases, baseUrl) => pdfPool.render({ kind: 'list', meta, cases, baseUrl }),
  };

  app.addHook('onRequest', async (request, reply) => {
    request.actor = await sessions.resolve(request, reply);
  });
  const tags = ['use-cases'];
  const security: { [name: string]: string[] }[] = [{ sessionCookie: [] }, {}];

  let heavyExports = 0;
  /** Takes a heavy-export slot until the response is over (sent, failed or abandoned by the client). */
  const takeSlot = (reply: FastifyReply): (() => void) => {
    if (heavyExports >= MAX_HEAVY_EXPORTS)
      throw new AppError('RATE_LIMITED', 'Other exports are being prepared; try again in a few seconds', undefined, { 'retry-after': '5' });
    heavyExports += 1;
    let held = true;
    const release = () => {
      if (held) heavyExports -= 1;
      held = false;
    };
    reply.raw.once('close', release);
    return release;
  };

  const sendList = async (
    actor: Actor | null,
    reply: FastifyReply,
    input: {
      format: ExportFormat;
      fields: readonly ExportField[];
      filters: Partial<UseCaseFilters>;
      sort: UseCaseSort;
      scope: 'all' | 'mine';
    },
  ) => {
    const release = HEAVY_FORMATS.has(input.format) ? takeSlot(reply) : null;
    let body: Readable;
    let meta: ListExportMeta;
    try {
      const [found, exportedBy] = await Promise.all([
        findExportCases(db, actor, { filters: input.filters, sort: input.sort, scope: input.scope }, EXPORT_MAX_ROWS),
        exporterOf(db, actor),
      ]);
      meta = buildListMeta({
        exportedBy,
        filters: input.filters,
        sort: input.sort,
        scope: input.scope,
        fields: input.fields,
        rows: found.items.length,
        truncated: found.truncated,
      });
      body = await listRenderers[input.format](meta, found.items, publicUrl);
    } catch (error) {
      release?.();
      throw error;
    }
    if (release) body.once('close', release);
    return reply
      .type(LIST_MIME[input.format])
      .header('content-disposition', attachmentDisposition(listFileName(LIST_EXTENSIONS[input.format], new Date(meta.exportedAt))))
      .header('cache-control', 'private, no-store')
      .header('x-export-rows', String(meta.rows))
      .header('x-export-truncated', String(meta.truncated))
      .send(body);
  };

  app.get(
    '/use-cases/export',
    {
      schema: {
        tags,
        security,
        summary: `Download the cases the list shows for these filters (at most ${EXPORT_MAX_ROWS}): JSON with every field, CSV, Excel or PDF with the default columns`,
        querystring: exportQuerySchema,
        response: { 200: fileResponse('The export file (attachment)'), 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const { format, sort, scope } = request.query;
      const fields = format === 'json' ? EXPORT_FIELDS : DEFAULT_EXPORT_FIELDS;
      return sendList(request.actor, reply, { format, fields, filters: filtersIn(request.query), sort, scope });
    },
  );

  app.post(
    '/use-cases/export/custom',
    {
      schema: {
        tags,
        security,
        summary: 'Download the filtered cases with the chosen columns, in the chosen order',
        body: customExportBodySchema,
        response: { 200: fileResponse('The export file (attachment)'), 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const { format, fields, filters, sort } = request.body;
      return sendList(request.actor, reply, {
        format,
        fields: [...new Set(fields)],
        filters: filtersIn(filters ?? {}),
        sort,
        scope: 'all',
      });
    },
  );

  app.get(
    '/use-cases/:id/export',
    {
      schema: {
        tags,
        security,
        summary: 'Download one case as JSON, Markdown or a PDF report',
        params: z.object({ id: z.uuid() }),
        querystring: singleExportQuerySchema,
        response: { 200: fileResponse('The case file (attachment)'), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const [useCase, exportedBy] = await Promise.all([getUseCase(db, request.actor, request.params.id), exporterOf(db, request.actor)]);
      const { format } = request.query;
      const meta = { exportedAt: new Date().toISOString(), exportedBy, url: caseUrl(publicUrl, useCase.id) };
      // Text goes out as bytes, so that no serializer touches it.
      const body =
        format === 'pdf'
          ? await pdfPool.render({ kind: 'case', meta, useCase })
          : Buffer.from(format === 'json' ? renderJsonSingle(meta, useCase) : renderMarkdown(meta, useCase), 'utf8');
      const mime = format === 'json' ? JSON_MIME : format === 'md' ? MARKDOWN_MIME : PDF_MIME;
      return reply
        .type(mime)
        .header('content-disposition', attachmentDisposition(singleFileName(useCase.title, useCase.id, SINGLE_EXTENSIONS[format])))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
