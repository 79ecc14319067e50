import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Storage, StoredObjectMissingError } from '../../src/modules/files/index.js';
import type { S3StorageConfig } from '../../src/platform/config.js';
import { expectProblem, signUp } from '../helpers/app.js';
import { minimalPdf, noisyImage } from './fixtures.js';
import { type FilesTestContext, createFilesTestApp, fileRow, filesOnDisk, upload } from './helpers.js';

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
});
