import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  type FileStorage,
  InFlightKeys,
  type StoredEntry,
  StoredObjectMissingError,
  assertStorageKey,
  isStorageKey,
} from './files.storage.js';

/** Staged uploads live in one flat directory under the root, named `<organizationId>.<uuid>`. */
export const STAGING_DIR = '.staging';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files on local disk, one per key under `root`. Uploads are written (and synced) under
 * `<root>/.staging/` and renamed into place once their row is committed: on the same file system a
 * rename is atomic, so a reader never sees half a file and a crash never leaves bytes under a real
 * key without a row.
 */
export class LocalDiskStorage implements FileStorage {
  readonly kind = 'local';
  private readonly pending = new InFlightKeys();
  constructor(readonly root: string) {}

  get inFlight(): ReadonlySet<string> {
    return this.pending.keys;
  }

  /** The absolute path of a key's bytes. */
  pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  /** The absolute path of a key's staged bytes. */
  stagingPathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, STAGING_DIR, key.replace('/', '.'));
  }

  async stage(key: string, bytes: Buffer, _contentType?: string): Promise<void> {
    const staged = this.stagingPathOf(key);
    await this.pending.staging(key, async () => {
      await mkdir(path.dirname(staged), { recursive: true });
      try {
        const handle = await open(staged, 'w', 0o640);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        await rm(staged, { force: true });
        throw error;
      }
    });
  }

  async promote(key: string): Promise<void> {
    const target = this.pathOf(key);
    await this.pending.settling(key, async () => {
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await rename(this.stagingPathOf(key), target);
      } catch (error) {
        if (!isMissing(error)) throw error;
        // Someone (the sweep, another process) finished the move already.
        if (!(await exists(target))) throw new StoredObjectMissingError(key);
      }
    });
  }

  async discard(key: string): Promise<void> {
    await this.pending.settling(key, () => rm(this.stagingPathOf(key), { force: true }));
  }

  async put(key: string, bytes: Buffer, contentType?: string): Promise<void> {
    await this.stage(key, bytes, contentType);
    await this.promote(key);
  }

  async get(key: string): Promise<Readable> {
    for (const candidate of [this.pathOf(key), this.stagingPathOf(key)]) {
      try {
        const handle = await open(candidate, 'r');
        return handle.createReadStream();
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    throw new StoredObjectMissingError(key);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
    await rm(this.stagingPathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredEntry> {
    for (const directory of await entriesOf(this.root)) {
      if (directory === STAGING_DIR) {
        for (const name of await entriesOf(path.join(this.root, STAGING_DIR))) {
          const key = name.replace('.', '/');
          const entry = isStorageKey(key) ? await entryOf(path.join(this.root, STAGING_DIR, name), key, true) : undefined;
          if (entry) yield entry;
        }
        continue;
      }
      for (const name of await entriesOf(path.join(this.root, directory))) {
        const key = `${directory}/${name}`;
        const entry = isStorageKey(key) ? await entryOf(path.join(this.root, directory, name), key, false) : undefined;
        if (entry) yield entry;
      }
    }
  }

  async close(): Promise<void> {}
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** A directory's entries; none when it does not exist (or is not a directory). */
async function entriesOf(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

async function entryOf(file: string, key: string, staged: boolean): Promise<StoredEntry | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? { key, staged, modifiedAt: info.mtime } : undefined;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}
