/**
 * PDF exports drawn in worker threads: a 1,000-case report takes about a second of CPU, which on the
 * event loop would hold up every other request. The export routes hand a job (the rows and the export's
 * metadata, copied once) to a worker and stream the file back as the worker sends it.
 *
 * A small pool of our own rather than a pool library: a job answers with a stream on its own port, and
 * a worker whose job failed is replaced, which task pools (one job in, one value out, the worker kept)
 * do not do. Workers start on the first job, stay while jobs keep coming (each keeps the words it has
 * laid out, see pdf-fonts.ts), stop after PDF_WORKER_IDLE_MS without one, and are stopped by `close()`.
 */
import { Readable } from 'node:stream';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { PdfJob, PdfWorkerMessage, PdfWorkerRequest } from './pdf-jobs.js';

/** The default number of workers: each is one more heap and one more copy of the fonts' laid-out words. */
export const DEFAULT_PDF_WORKERS = 1;

interface Task {
  job: PdfJob;
  output: Readable;
  /** The worker has sent the first part of the file (or all of it): the response may start. */
  isStarted: boolean;
  isSettled: boolean;
  resolve(output: Readable): void;
  reject(error: Error): void;
}

interface PoolWorker {
  thread: Worker;
  task: Task | null;
  port: MessagePort | null;
  /** Stops the worker once it has been idle for the pool's idle time (its heap is returned). */
  idleTimer: NodeJS.Timeout | null;
}

/** A worker idle this long is stopped: exports come in bursts, and an idle worker holds a heap of its own. */
export const PDF_WORKER_IDLE_MS = 60_000;

/**
 * Starts a worker thread on pdf-render-worker: the compiled .js next to this file, or, when this file
 * runs from TypeScript source (tsx, vitest), the .ts source through a bootstrap that loads tsx in the
 * worker (worker threads do not inherit the parent's TypeScript loader).
 */
function startThread(): Worker {
  const isSource = new URL(import.meta.url).pathname.endsWith('.ts');
  if (!isSource) return new Worker(new URL('./pdf-render-worker.js', import.meta.url));
  return new Worker(new URL('./pdf-render-worker-tsx.mjs', import.meta.url), {
    workerData: { entry: new URL('./pdf-render-worker.ts', import.meta.url).href },
    // The parent's flags would load tsx's loader again, which does not reach a worker's entry anyway.
    execArgv: [],
  });
}

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

export class PdfWorkerPool {
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: Task[] = [];
  private isClosed = false;
  private threadsStarted = 0;

  constructor(
    readonly size: number = DEFAULT_PDF_WORKERS,
    private readonly idleMs: number = PDF_WORKER_IDLE_MS,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`A PDF worker pool needs at least one worker, not ${size}`);
  }

  /** Threads alive now. */
  get liveThreads(): number {
    return this.workers.size;
  }

  /** Threads started so far (a failed worker's replacement counts): for tests and diagnostics. */
  get startedThreads(): number {
    return this.threadsStarted;
  }

  /**
   * Draws `job` in a worker. Resolves with the file as a stream once the worker has sent its first
   * part, so that a failure before then rejects (and the route answers with an error, not a cut
   * file); a failure after it destroys the stream. Jobs wait for a free worker in arrival order.
   */
  render(job: PdfJob): Promise<Readable> {
    if (this.isClosed) return Promise.reject(new Error('The PDF workers have been stopped'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, output: new Readable({ read() {} }), isStarted: false, isSettled: false, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker: jobs in progress fail, waiting ones are refused. */
  async close(): Promise<void> {
    this.isClosed = true;
    for (const worker of this.workers) if (worker.idleTimer) clearTimeout(worker.idleTimer);
    for (const task of this.queue.splice(0)) this.fail(task, new Error('The PDF workers have been stopped'));
    await Promise.all([...this.workers].map((worker) => worker.thread.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.isClosed) {
      let worker = [...this.workers].find((candidate) => candidate.task === null);
      if (!worker) {
        if (this.workers.size >= this.size) return;
        worker = this.start();
      }
      this.run(worker, this.queue.shift()!);
    }
  }

  private start(): PoolWorker {
    const worker: PoolWorker = { thread: startThread(), task: null, port: null, idleTimer: null };
    this.threadsStarted += 1;
    this.workers.add(worker);
    // An idle worker does not keep the process alive; a busy one does, so that its end (or failure) is heard.
    worker.thread.unref();
    worker.thread.on('error', (error) => this.retire(worker, new Error(`The PDF worker failed: ${error.message}`, { cause: error })));
    worker.thread.on('exit', (code) => this.retire(worker, new Error(`The PDF worker stopped (exit code ${code})`)));
    return worker;
  }

  private run(worker: PoolWorker, task: Task): void {
    const { port1, port2 } = new MessageChannel();
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.idleTimer = null;
    worker.task = task;
    worker.port = port1;
    worker.thread.ref();
    port1.on('message', (message: PdfWorkerMessage) => this.receive(worker, task, message));
    const request: PdfWorkerRequest = { job: task.job, port: port2 };
    try {
      worker.thread.postMessage(request, [port2]);
    } catch (error) {
      // The job could not be copied to the worker (nothing reached it): the worker stays.
      this.release(worker);
      this.fail(task, asError(error));
      this.dispatch();
    }
  }

  private receive(worker: PoolWorker, task: Task, message: PdfWorkerMessage): void {
    if (worker.task !== task) return;
    if (message.type === 'part') {
      task.output.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
      this.handOver(task);
      return;
    }
    if (message.type === 'end') {
      task.output.push(null);
      this.handOver(task);
      task.isSettled = true;
      this.release(worker);
      this.dispatch();
      return;
    }
    const error = new Error(`The PDF could not be drawn: ${message.message}`);
    if (message.stack) error.stack = `${error.message}\n--- in the PDF worker ---\n${message.stack}`;
    // Whatever broke may have left the worker's writer or caches in a bad state: a new worker takes the next job.
    this.retire(worker, error);
    void worker.thread.terminate();
  }

  /** Hands the stream to the caller on the first part (or the end) of the file. */
  private handOver(task: Task): void {
    if (task.isStarted) return;
    task.isStarted = true;
    task.resolve(task.output);
  }

  private fail(task: Task, error: Error): void {
    if (task.isSettled) return;
    task.isSettled = true;
    if (task.isStarted) task.output.destroy(error);
    else task.reject(error);
  }

  private release(worker: PoolWorker): void {
    worker.port?.close();
    worker.port = null;
    worker.task = null;
    worker.thread.unref();
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.idleTimer = this.isClosed
      ? null
      : setTimeout(() => {
          // Its exit event takes it out of the pool; the next job starts a new one.
          if (worker.task === null) void worker.thread.terminate();
        }, this.idleMs).unref();
  }

  /** Takes `worker` out of the pool (it failed or stopped), failing its job with `error`; a new one starts when a job needs it. */
  private retire(worker: PoolWorker, error: Error): void {
    const { task } = worker;
    this.release(worker);
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.idleTimer = null;
    if (task) this.fail(task, error);
    if (this.workers.delete(worker)) this.dispatch();
  }
}
