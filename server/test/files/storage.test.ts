import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage, StoredObjectMissingError, createFileStorage } from '../../src/modules/files/index.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';

const root = mkdtempSync(path.join(tmpdir(), 'p2p-disk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function read(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalDiskStorage', () => {
  it('writes under <root>/<organization>/<uuid>, creating directories, leaving no temporary files', async () => {
    const storage = new LocalDiskStorage(path.join(root, 'uploads'));
    const organizationId = randomUUID();
    const key = `${organizationId}/${randomUUID()}`;
    await storage.put(key, Buffer.from('first'), 'application/pdf');
    await storage.put(key, Buffer.from('second version'), 'application/pdf');
    expect(readFileSync(path.join(root, 'uploads', ...key.split('/')), 'utf8')).toBe('second version');
    expect(readdirSync(path.join(root, 'uploads', organizationId))).toEqual([key.split('/')[1]]);
    expect((await read(await storage.get(key))).toString()).toBe('second version');
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissingError);
  });

  it('stages bytes apart, serves them before they are moved, and moves them once (a second move is not an error)', async () => {
    const storage = new LocalDiskStorage(path.join(root, 'staged'));
    const key = `${randomUUID()}/${randomUUID()}`;
    await storage.stage(key, Buffer.from('staged bytes'), 'application/pdf');
    expect(storage.inFlight.has(key)).toBe(true);
    expect(readdirSync(path.join(root, 'staged', '.staging'))).toEqual([key.replace('/', '.')]);
    expect((await read(await storage.get(key))).toString()).toBe('staged bytes');
    const listed = [];
    for await (const entry of storage.list()) listed.push(entry);
    expect(listed).toEqual([{ key, staged: true, modifiedAt: expect.any(Date) }]);

    await storage.promote(key);
    await storage.promote(key);
    expect(storage.inFlight.has(key)).toBe(false);
    expect(readdirSync(path.join(root, 'staged', '.staging'))).toEqual([]);
    expect(readFileSync(path.join(root, 'staged', ...key.split('/')), 'utf8')).toBe('staged bytes');
    await storage.discard(key);
    expect((await read(await storage.get(key))).toString()).toBe('staged bytes');

    const never = `${randomUUID()}/${randomUUID()}`;
    await expect(storage.promote(never)).rejects.toBeInstanceOf(StoredObjectMissingError);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissingError);
  });

  it('refuses keys that could leave its directory', async () => {
    const storage = new LocalDiskStorage(path.join(root, 'uploads'));
    for (const key of [
      '../escape',
      `${randomUUID()}/../../escape`,
      '/etc/passwd',
      `${randomUUID()}/photo.png`,
      `${randomUUID()}\\${randomUUID()}`,
    ]) {
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid storage key/);
    }
    expect(readdirSync(root).filter((name) => name.includes('escape'))).toEqual([]);
  });
});

describe('storage configuration', () => {
  const base = { DATA_DIR: root, AUTH_SECRET: 'x'.repeat(40) };

  it('uses local disk under DATA_DIR/uploads by default', () => {
    const config = loadConfig(base);
    expect(config.s3).toBeUndefined();
    const storage = createFileStorage(config);
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    expect((storage as LocalDiskStorage).root).toBe(path.join(root, 'uploads'));
  });

  it('uses S3 when S3_BUCKET is set with its credentials', () => {
    const config = loadConfig({
      ...base,
      S3_BUCKET: 'uploads',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
    });
    expect(config.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'uploads',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
    expect(createFileStorage(config).kind).toBe('s3');
  });

  it('lists every missing S3 variable when only some are set', () => {
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
        return [];
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.map((p) => p.split(':')[0]);
        throw error;
      }
    };
    expect(problemsOf({ S3_BUCKET: 'uploads' })).toEqual(['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);
    expect(problemsOf({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toEqual(['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);
    expect(problemsOf({ S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' })).toEqual(['S3_BUCKET']);
    expect(problemsOf({ S3_BUCKET: 'uploads', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_ENDPOINT: 'ftp://host' })).toEqual(
      ['S3_ENDPOINT'],
    );
  });
});
