import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db.js';
import { findStorageKeyStates } from './files.repository.js';
import type { FileStorage, StoredEntry } from './files.storage.js';

export interface SweepOptions {
  /** Bytes without a row are removed only once older than this: an upload may still be on its way. */
  graceMs: number;
  /** The sweep's clock (tests move it). */
  now?: Date;
}

export interface SweepReport {
  /** Objects looked at, stored and staged. */
  scanned: number;
  /** Staged bytes of a committed upload moved to their key (a crash between commit and move). */
  promoted: number;
  /** Bytes removed: staged or stored without a live row. */
  removed: number;
}

const BATCH = 500;

/**
 * Puts storage and file rows back in step after a crash, for either backend:
 * - staged bytes whose row was committed are moved to their key (whatever their age);
 * - staged or stored bytes whose row is deleted are removed (their deletion was interrupted);
 * - staged or stored bytes without any row are removed once older than the grace period;
 * - stored bytes of a live file, and uploads this process has in flight, are left alone.
 * Quotas are untouched: bytes without a live row were never counted, or were released with the row.
 */
export async function sweepUploads(db: Db, storage: FileStorage, { graceMs, now = new Date() }: SweepOptions): Promise<SweepReport> {
  const report: SweepReport = { scanned: 0, promoted: 0, removed: 0 };
  const cutoff = now.getTime() - graceMs;
  let batch: StoredEntry[] = [];
  const settle = async () => {
    const states = await findStorageKeyStates(db, [...new Set(batch.map((entry) => entry.key))]);
    for (const entry of batch) {
      if (entry.staged && storage.inFlight.has(entry.key)) continue;
      const state = states.get(entry.key);
      if (state === 'live') {
        if (entry.staged) {
          await storage.promote(entry.key);
          report.promoted += 1;
        }
      } else if (state === 'deleted' || entry.modifiedAt.getTime() <= cutoff) {
        if (entry.staged) await storage.discard(entry.key);
        else await removeStored(storage, entry.key);
        report.removed += 1;
      }
    }
    batch = [];
  };
  for await (const entry of storage.list()) {
    report.scanned += 1;
    batch.push(entry);
    if (batch.length >= BATCH) await settle();
  }
  await settle();
  return report;
}

/** Removes stored bytes but not a staged copy that may belong to an upload in flight under the same key. */
async function removeStored(storage: FileStorage, key: string): Promise<void> {
  if (storage.inFlight.has(key)) return;
  await storage.delete(key);
}

export interface UploadSweeperOptions {
  db: Db;
  storage: FileStorage;
  logger: FastifyBaseLogger;
  graceMs: number;
  /** How often to sweep after the first sweep at start (default hourly). */
  intervalMs?: number;
}

/** Sweeps once when the app starts (before it listens) and then periodically; stops with the app. */
export class UploadSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepReport | undefined> | undefined;

  constructor(private readonly options: UploadSweeperOptions) {}

  /** The first sweep, awaited; then the timer. A failed sweep is logged, never fatal. */
  async start(): Promise<void> {
    await this.sweep();
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs ?? 3_600_000);
    this.timer.unref();
  }

  /** One sweep; a call while one runs joins it. */
  sweep(): Promise<SweepReport | undefined> {
    const { db, storage, graceMs, logger } = this.options;
    this.running ??= sweepUploads(db, storage, { graceMs })
      .then((report) => {
        if (report.promoted > 0 || report.removed > 0)
          logger.info({ ...report }, 'upload sweep: storage put back in step with the file rows');
        return report;
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'upload sweep failed');
        return undefined;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
