import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage, STAGING_DIR, UploadSweeper, files, sweepUploads } from '../../src/modules/files/index.js';
import { type TestClient, createTestApp, signUp } from '../helpers/app.js';
import { waitFor } from '../helpers/smtp.js';
import { minimalPdf } from './fixtures.js';
import {
  type FilesTestContext,
  createFilesTestApp,
  fileRow,
  filesOnDisk,
  liveFilesBytes,
  organizationIdOf,
  storageUsed,
  storedPath,
  upload,
} from './helpers.js';

const HOUR = 3_600_000;

/** Sets a file's modification time `ms` into the past, as if it had been written then. */
function age(file: string, ms: number): void {
  const then = new Date(Date.now() - ms);
  utimesSync(file, then, then);
}

function stagedPath(t: FilesTestContext, key: string): string {
  return path.join(t.uploadsDir, STAGING_DIR, key.replace('/', '.'));
}

/** Bytes as a crash leaves them: under a key (or a staging name) that no row names. */
function writeOrphan(t: FilesTestContext, organizationId: string, { staged, ageMs }: { staged: boolean; ageMs: number }): string {
  const key = `${organizationId}/${randomUUID()}`;
  const file = staged ? stagedPath(t, key) : storedPath(t, key);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, minimalPdf());
  age(file, ageMs);
  return key;
}

describe('uploads on local disk', () => {
  let t: FilesTestContext;
  let client: TestClient;
  let organizationId: string;
  beforeAll(async () => {
    t = await createFilesTestApp();
    ({ client } = await signUp(t.app));
    organizationId = await organizationIdOf(client);
  });
  afterAll(() => t.close());

  it('leave nothing staged once their row is committed (a refused one leaves nothing: quota.test.ts)', async () => {
    const response = await upload(client, { filename: 'manual.pdf', data: minimalPdf() });
    expect(response.statusCode).toBe(201);
    const { storageKey } = await fileRow(t, response.json().id);
    expect(existsSync(storedPath(t, storageKey))).toBe(true);
    expect(filesOnDisk(t).filter((name) => name.startsWith(STAGING_DIR))).toEqual([]);
  });

  it('are swept back in step with the rows: orphans removed, committed bytes kept or moved into place, quotas untouched', async () => {
    const kept = await fileRow(t, (await upload(client, { filename: 'kept.pdf', data: minimalPdf() })).json().id);
    age(storedPath(t, kept.storageKey), 5 * HOUR);
    const deleted = await fileRow(t, (await upload(client, { filename: 'deleted.pdf', data: minimalPdf() })).json().id);
    expect((await client.delete(`/api/v1/files/${deleted.id}`)).statusCode).toBe(204);
    // The deletion committed but the process died before the bytes went.
    mkdirSync(path.dirname(storedPath(t, deleted.storageKey)), { recursive: true });
    writeFileSync(storedPath(t, deleted.storageKey), minimalPdf());
    // Committed, then the process died before the move: the row's bytes are still staged.
    const unmoved = await fileRow(t, (await upload(client, { filename: 'unmoved.pdf', data: minimalPdf() })).json().id);
    mkdirSync(path.dirname(stagedPath(t, unmoved.storageKey)), { recursive: true });
    await import('node:fs/promises').then((fs) => fs.rename(storedPath(t, unmoved.storageKey), stagedPath(t, unmoved.storageKey)));
    // Served from the staged copy until the sweep moves it.
    expect((await client.get(`/api/v1/files/${unmoved.id}`)).rawPayload.equals(minimalPdf())).toBe(true);

    const oldStored = writeOrphan(t, organizationId, { staged: false, ageMs: 2 * HOUR });
    const oldStaged = writeOrphan(t, organizationId, { staged: true, ageMs: 2 * HOUR });
    const freshStaged = writeOrphan(t, organizationId, { staged: true, ageMs: 60_000 });
    const freshStored = writeOrphan(t, organizationId, { staged: false, ageMs: 60_000 });
    const usedBefore = await storageUsed(t, organizationId);

    const storage = new LocalDiskStorage(t.uploadsDir);
    const report = await sweepUploads(t.database.db, storage, { graceMs: HOUR });
    expect(report).toMatchObject({ promoted: 1, removed: 3 });

    expect(existsSync(storedPath(t, kept.storageKey))).toBe(true);
    expect(existsSync(storedPath(t, unmoved.storageKey))).toBe(true);
    expect(existsSync(stagedPath(t, unmoved.storageKey))).toBe(false);
    expect(existsSync(storedPath(t, deleted.storageKey))).toBe(false);
    expect(existsSync(storedPath(t, oldStored))).toBe(false);
    expect(existsSync(stagedPath(t, oldStaged))).toBe(false);
    // Within the grace period an upload may still be on its way.
    expect(existsSync(stagedPath(t, freshStaged))).toBe(true);
    expect(existsSync(storedPath(t, freshStored))).toBe(true);

    expect(await storageUsed(t, organizationId)).toBe(usedBefore);
    expect(await storageUsed(t, organizationId)).toBe(await liveFilesBytes(t, organizationId));
    expect((await client.get(`/api/v1/files/${unmoved.id}`)).statusCode).toBe(200);

    // Past the grace period they go too; every byte left on disk has a live row.
    const later = await sweepUploads(t.database.db, storage, { graceMs: HOUR, now: new Date(Date.now() + 2 * HOUR) });
    expect(later).toMatchObject({ promoted: 0, removed: 2 });
    const rows = await t.database.db.select({ key: files.storageKey, deletedAt: files.deletedAt }).from(files);
    const liveKeys = new Set(rows.filter((r) => !r.deletedAt).map((r) => r.key));
    for (const name of filesOnDisk(t)) expect(liveKeys.has(name)).toBe(true);
  });

  it('never takes the bytes of an upload this process has in flight, even with no grace at all', async () => {
    const storage = new LocalDiskStorage(t.uploadsDir);
    const key = `${organizationId}/${randomUUID()}`;
    await storage.stage(key, minimalPdf(), 'application/pdf');
    expect(storage.inFlight.has(key)).toBe(true);
    await sweepUploads(t.database.db, storage, { graceMs: 0 });
    expect(existsSync(stagedPath(t, key))).toBe(true);
    await storage.discard(key);
    expect(storage.inFlight.has(key)).toBe(false);
    expect(existsSync(stagedPath(t, key))).toBe(false);
  });

  it('runs periodically and stops when closed', async () => {
    const storage = new LocalDiskStorage(t.uploadsDir);
    const sweeper = new UploadSweeper({ db: t.database.db, storage, logger: pino({ level: 'silent' }), graceMs: 0, intervalMs: 50 });
    await sweeper.start();
    const orphan = writeOrphan(t, organizationId, { staged: true, ageMs: 0 });
    await waitFor(() => (existsSync(stagedPath(t, orphan)) ? undefined : true), 10_000);
    await sweeper.stop();
    const after = writeOrphan(t, organizationId, { staged: true, ageMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(stagedPath(t, after))).toBe(true);
    await storage.discard(after);
  });
});

describe('the sweep when the app starts', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-sweep-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs before the app is ready, so a restarted server holds no bytes without a row', async () => {
    const first = await createTestApp({ DATA_DIR: dataDir });
    const { client } = await signUp(first.app);
    const kept = (await upload(client, { filename: 'kept.pdf', data: minimalPdf() })).json().id as string;
    const organizationId = await organizationIdOf(client);
    await first.app.close();
    const t = { ...first, dataDir, uploadsDir: path.join(dataDir, 'uploads') } as FilesTestContext;
    // What kill -9 leaves: staged bytes never committed, and (from older versions) bytes under a key.
    const crashedStaged = writeOrphan(t, organizationId, { staged: true, ageMs: 2 * HOUR });
    const crashedStored = writeOrphan(t, organizationId, { staged: false, ageMs: 2 * HOUR });
    const justNow = writeOrphan(t, organizationId, { staged: true, ageMs: 1000 });

    const restarted = await createTestApp({ DATA_DIR: dataDir }, first.database);
    try {
      expect(existsSync(stagedPath(t, crashedStaged))).toBe(false);
      expect(existsSync(storedPath(t, crashedStored))).toBe(false);
      expect(existsSync(stagedPath(t, justNow))).toBe(true);
      expect(existsSync(storedPath(t, (await fileRow(t, kept)).storageKey))).toBe(true);
    } finally {
      await restarted.app.close();
    }

    // UPLOAD_SWEEP_GRACE_SECONDS=0 (one process on this storage): nothing without a row survives a restart.
    const strict = await createTestApp({ DATA_DIR: dataDir, UPLOAD_SWEEP_GRACE_SECONDS: '0' }, first.database);
    try {
      expect(existsSync(stagedPath(t, justNow))).toBe(false);
      expect(filesOnDisk(t)).toEqual([(await fileRow(t, kept)).storageKey]);
    } finally {
      await strict.app.close();
      await first.database.close();
    }
  });
});
