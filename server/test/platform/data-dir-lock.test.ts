import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from '../../src/platform/db.js';

const root = mkdtempSync(path.join(tmpdir(), 'p2p-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('embedded database lock', () => {
  it('refuses a directory another live process holds, with a message that says what to do', async () => {
    const dir = path.join(root, 'held');
    writeFileSync(`${dir}.lock`, String(process.ppid));
    const error = await openDatabase({ pgliteDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toMatch(/in use by process \d+.*Stop it first/);
  });

  it('takes over a lock left by a dead process and releases it on close', async () => {
    const dir = path.join(root, 'stale');
    writeFileSync(`${dir}.lock`, '999999999');
    const database = await openDatabase({ pgliteDir: dir });
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    await database.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
