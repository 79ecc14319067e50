import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Storage, S3_STAGING_PREFIX, StoredObjectMissingError, sweepUploads } from '../../src/modules/files/index.js';
import type { S3StorageConfig } from '../../src/platform/config.js';
import { expectProblem, signUp } from '../helpers/app.js';
import { minimalPdf, noisyImage } from './fixtures.js';
import {
  type FilesTestContext,
  createFilesTestApp,
  fileRow,
  filesOnDisk,
  liveFilesBytes,
  organizationIdOf,
  storageUsed,
  upload,
} from './helpers.js';

const BUCKET = 'p2p-uploads';
let server: S3rver;
let s3Directory: string;
let config: S3StorageConfig;
let inspector: S3Client;

beforeAll(async () => {
  s3Directory = mkdtempSync(path.join(tmpdir(), 'p2p-s3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Directory, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  config = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: BUCKET,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  inspector = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});
afterAll(async () => {
  inspector.destroy();
  await server.close();
  rmSync(s3Directory, { recursive: true, force: true });
});

async function objectBytes(key: string): Promise<Buffer | undefined> {
  try {
    const object = await inspector.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray());
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

async function streamToBuffer(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3Storage against an S3-compatible server on 127.0.0.1', () => {
  it('puts, gets and deletes bytes under a key, with the content type', async () => {
    const storage = new S3Storage(config);
    try {
      const key = `${randomUUID()}/${randomUUID()}`;
      const bytes = await noisyImage(32, 32, 'png');
      await storage.put(key, bytes, 'image/png');
      const head = await inspector.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head.ContentType).toBe('image/png');
      expect(head.ContentLength).toBe(bytes.length);
      expect((await streamToBuffer(await storage.get(key))).equals(bytes)).toBe(true);

      await storage.delete(key);
      expect(await objectBytes(key)).toBeUndefined();
      await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissingError);
      // Deleting again is not an error.
      await storage.delete(key);
    } finally {
      await storage.close();
    }
  });

  it('refuses keys it did not generate', async () => {
    const storage = new S3Storage(config);
    try {
      await expect(storage.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid storage key/);
      await expect(storage.get(`${randomUUID()}/../x`)).rejects.toThrow(/invalid storage key/);
    } finally {
      await storage.close();
    }
  });
});

describe('the app with S3 storage configured', () => {
  let t: FilesTestContext;
  beforeAll(async () => {
    t = await createFilesTestApp({
      S3_ENDPOINT: config.endpoint!,
      S3_BUCKET: BUCKET,
      S3_REGION: config.region,
      S3_ACCESS_KEY_ID: config.accessKeyId,
      S3_SECRET_ACCESS_KEY: config.secretAccessKey,
      S3_FORCE_PATH_STYLE: '1',
    });
  });
  afterAll(() => t.close());

  it('stores uploads in the bucket, serves them from there and deletes them there', async () => {
    expect(t.config.s3).toMatchObject({ bucket: BUCKET, forcePathStyle: true });
    const { client } = await signUp(t.app);
    const pdf = minimalPdf();
    const response = await upload(client, { filename: 'manual.pdf', data: pdf });
    expect(response.statusCode).toBe(201);
    const { storageKey } = await fileRow(t, response.json().id);
    expect((await objectBytes(storageKey))?.equals(pdf)).toBe(true);
    expect(filesOnDisk(t)).toEqual([]);

    const download = await client.get(response.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);

    expect((await client.delete(response.json().url)).statusCode).toBe(204);
    expect(await objectBytes(storageKey)).toBeUndefined();
    expectProblem(await client.get(response.json().url), 404, 'NOT_FOUND');
  });

  it('stages uploads under .staging/ and leaves nothing there once committed; the sweep puts the bucket back in step', async () => {
    const { client } = await signUp(t.app);
    const organizationId = await organizationIdOf(client);
    const kept = await fileRow(t, (await upload(client, { filename: 'kept.pdf', data: minimalPdf() })).json().id);
    expect(await listKeys(S3_STAGING_PREFIX)).toEqual([]);

    // Committed, then the process died before the copy: the row's bytes are still staged.
    const unmoved = await fileRow(t, (await upload(client, { filename: 'unmoved.pdf', data: minimalPdf() })).json().id);
    await inspector.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: `${S3_STAGING_PREFIX}${unmoved.storageKey}`,
        CopySource: `${BUCKET}/${unmoved.storageKey}`,
      }),
    );
    await inspector.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: unmoved.storageKey }));
    expect((await client.get(`/api/v1/files/${unmoved.id}`)).rawPayload.equals(minimalPdf())).toBe(true);

    // What crashes leave: bytes staged or stored that no row names.
    const orphanStored = `${organizationId}/${randomUUID()}`;
    const orphanStaged = `${organizationId}/${randomUUID()}`;
    await inspector.send(new PutObjectCommand({ Bucket: BUCKET, Key: orphanStored, Body: minimalPdf() }));
    await inspector.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${S3_STAGING_PREFIX}${orphanStaged}`, Body: minimalPdf() }));
    // Not ours to judge: keys this application never writes.
    await inspector.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'backups/readme.txt', Body: 'x' }));
    const usedBefore = await storageUsed(t, organizationId);

    const storage = new S3Storage(config);
    try {
      // Within the grace period nothing without a row is touched, but the committed upload is moved.
      expect(await sweepUploads(t.database.db, storage, { graceMs: 3_600_000 })).toMatchObject({ promoted: 1, removed: 0 });
      expect(await objectBytes(orphanStored)).toBeDefined();
      expect(await objectBytes(`${S3_STAGING_PREFIX}${orphanStaged}`)).toBeDefined();
      expect((await objectBytes(unmoved.storageKey))?.equals(minimalPdf())).toBe(true);
      expect(await objectBytes(`${S3_STAGING_PREFIX}${unmoved.storageKey}`)).toBeUndefined();

      const later = new Date(Date.now() + 2 * 3_600_000);
      expect(await sweepUploads(t.database.db, storage, { graceMs: 3_600_000, now: later })).toMatchObject({ promoted: 0, removed: 2 });
      expect(await objectBytes(orphanStored)).toBeUndefined();
      expect(await objectBytes(`${S3_STAGING_PREFIX}${orphanStaged}`)).toBeUndefined();
      expect((await objectBytes(kept.storageKey))?.equals(minimalPdf())).toBe(true);
      expect(await objectBytes('backups/readme.txt')).toBeDefined();
      expect(await storageUsed(t, organizationId)).toBe(usedBefore);
      expect(await storageUsed(t, organizationId)).toBe(await liveFilesBytes(t, organizationId));
    } finally {
      await storage.close();
    }
  });
});

async function listKeys(prefix: string): Promise<string[]> {
  const page = await inspector.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (page.Contents ?? []).map((object) => object.Key!);
}
