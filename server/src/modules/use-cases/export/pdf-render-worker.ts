/**
 * A PDF worker thread (started by pdf-worker-pool.ts): draws one job at a time and sends the file back
 * in parts on the job's port, so that the server's event loop stays free while a report is drawn.
 * Words laid out for one report are kept for the next (pdf-fonts.ts): a worker lives as long as the pool.
 */
import type { Readable } from 'node:stream';
import { type MessagePort, parentPort } from 'node:worker_threads';
import { renderPdfList } from './pdf.js';
import { renderPdfCase } from './pdf-case.js';
import type { PdfJob, PdfWorkerMessage, PdfWorkerRequest } from './pdf-jobs.js';

/** The file goes back in parts of about this size: few messages, and still a stream. */
const PART_BYTES = 64 * 1024;

function render(job: PdfJob): Readable {
  return job.kind === 'list' ? renderPdfList(job.meta, job.cases, job.baseUrl) : renderPdfCase(job.meta, job.useCase);
}

function post(port: MessagePort, message: PdfWorkerMessage): void {
  if (message.type === 'part') port.postMessage(message, [message.bytes.buffer]);
  else port.postMessage(message);
}

/**
 * Sends the writer's output in parts. The writer's own chunks are small, and some share their memory
 * with other buffers, so they are copied into a part of their own, whose memory then moves to the
 * receiving thread instead of being copied again.
 */
async function sendInParts(file: Readable, port: MessagePort): Promise<void> {
  let chunks: Uint8Array[] = [];
  let size = 0;
  const send = () => {
    if (size === 0) return;
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    chunks = [];
    size = 0;
    post(port, { type: 'part', bytes });
  };
  for await (const chunk of file as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size >= PART_BYTES) send();
  }
  send();
}

async function run({ job, port }: PdfWorkerRequest): Promise<void> {
  try {
    await sendInParts(render(job), port);
    post(port, { type: 'end' });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    post(port, { type: 'error', message: failure.message, ...(failure.stack ? { stack: failure.stack } : {}) });
  }
}

if (!parentPort) throw new Error('pdf-render-worker.ts runs in a worker thread started by pdf-worker-pool.ts');
parentPort.on('message', (request: PdfWorkerRequest) => void run(request));
