import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { S3StorageConfig } from '../../platform/config.js';
import {
  type FileStorage,
  InFlightKeys,
  type StoredEntry,
  StoredObjectMissingError,
  assertStorageKey,
  isStorageKey,
} from './files.storage.js';

/** Staged uploads are kept under this prefix of the bucket, then copied to their key. */
export const S3_STAGING_PREFIX = '.staging/';

const isNotFound = (error: unknown) =>
  error instanceof NoSuchKey ||
  (error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound'));

/**
 * Any S3-compatible store (AWS S3, MinIO, Ceph, R2 …), addressed path-style when configured so. The
 * bucket belongs to one installation: the upload sweep removes objects under `<uuid>/<uuid>` keys that
 * no file row of this installation's database names.
 */
export class S3Storage implements FileStorage {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly pending = new InFlightKeys();

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Many S3-compatible stores do not accept the SDK's default CRC trailers on every request.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  get inFlight(): ReadonlySet<string> {
    return this.pending.keys;
  }

  stagingKeyOf(key: string): string {
    assertStorageKey(key);
    return `${S3_STAGING_PREFIX}${key}`;
  }

  async stage(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const Key = this.stagingKeyOf(key);
    await this.pending.staging(key, async () => {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
      );
    });
  }

  async promote(key: string): Promise<void> {
    const staged = this.stagingKeyOf(key);
    await this.pending.settling(key, async () => {
      try {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: key,
            CopySource: `${this.bucket}/${staged.split('/').map(encodeURIComponent).join('/')}`,
            MetadataDirective: 'COPY',
          }),
        );
      } catch (error) {
        if (!isNotFound(error)) throw error;
        // Someone (the sweep, another process) finished the move already.
        if (!(await this.exists(key))) throw new StoredObjectMissingError(key);
        return;
      }
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: staged }));
    });
  }

  async discard(key: string): Promise<void> {
    const Key = this.stagingKeyOf(key);
    await this.pending.settling(key, async () => {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.stage(key, bytes, contentType);
    await this.promote(key);
  }

  async get(key: string): Promise<Readable> {
    for (const Key of [key, this.stagingKeyOf(key)]) {
      try {
        const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
        if (!(result.Body instanceof Readable)) throw new Error(`S3 answered ${Key} without a readable body`);
        return result.Body;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    throw new StoredObjectMissingError(key);
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.stagingKeyOf(key) }));
  }

  async *list(): AsyncIterable<StoredEntry> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken }));
      for (const object of page.Contents ?? []) {
        if (!object.Key || !object.LastModified) continue;
        const staged = object.Key.startsWith(S3_STAGING_PREFIX);
        const key = staged ? object.Key.slice(S3_STAGING_PREFIX.length) : object.Key;
        if (isStorageKey(key)) yield { key, staged, modifiedAt: object.LastModified };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
