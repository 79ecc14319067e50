/** What the export routes hand to a PDF worker (pdf-worker-pool.ts), and what the worker sends back. */
import type { MessagePort } from 'node:worker_threads';
import type { UseCase } from '@p2p/contracts';
import type { ExportSourceCase } from './export-fields.js';
import type { ListExportMeta, SingleExportMeta } from './export-meta.js';

/** A PDF to draw: the list export's report of many cases, or one case. Copied to the worker as it stands (structured clone). */
export type PdfJob =
  | { kind: 'list'; meta: ListExportMeta; cases: ExportSourceCase[]; baseUrl: string }
  | { kind: 'case'; meta: SingleExportMeta; useCase: UseCase };

/**
 * From the worker, on the job's own port: the file in parts, in order (each part's memory moves to the
 * receiving thread, it is not copied), then the end, or an error instead.
 */
export type PdfWorkerMessage =
  { type: 'part'; bytes: Uint8Array<ArrayBuffer> } | { type: 'end' } | { type: 'error'; message: string; stack?: string };

/** What the pool posts to a worker: one job and the port to answer on. */
export interface PdfWorkerRequest {
  job: PdfJob;
  port: MessagePort;
}
