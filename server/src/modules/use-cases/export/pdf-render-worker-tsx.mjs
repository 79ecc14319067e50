// Starts the PDF worker from its TypeScript source, when the server itself runs from source (npm start
// runs it with tsx, the tests with vitest): a worker thread does not take the parent's TypeScript
// loader, so tsx is registered here before the worker's module is loaded. Compiled JavaScript starts
// pdf-render-worker.js directly (see pdf-worker-pool.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
