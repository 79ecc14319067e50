import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { type SessionResolver } from '../../platform/actor.js';
import { filesRoutes } from './files.routes.js';
import type { FilesContext } from './files.service.js';
import type { FileStorage } from './files.storage.js';
import { MAX_UPLOAD_BYTES } from './files.upload.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { profileImagesRoutes } from './profile-images.routes.js';
import { S3Storage } from './s3.storage.js';
import { UploadSweeper } from './files.sweep.js';

export { files } from './files.tables.js';
export { type FileStorage, type StoredEntry, StoredObjectMissingError } from './files.storage.js';
export { LocalDiskStorage, STAGING_DIR } from './local-disk.storage.js';
export { S3Storage, S3_STAGING_PREFIX } from './s3.storage.js';
export { type SweepReport, UploadSweeper, sweepUploads } from './files.sweep.js';
export { type FilesContext, storeFile, removeFile } from './files.service.js';
export { inspectUpload } from './files.inspect.js';

/** S3 when S3_BUCKET is configured, otherwise local disk under DATA_DIR/uploads. */
export function createFileStorage(config: Pick<Config, 'dataDir' | 's3'>): FileStorage {
  if (config.s3) return new S3Storage(config.s3);
  return new LocalDiskStorage(path.join(config.dataDir, 'uploads'));
}

export interface FilesModuleOptions {
  db: Db;
  sessions: SessionResolver;
  config: Pick<Config, 'dataDir' | 's3' | 'uploadSweepGraceSeconds'>;
  /** Defaults to the configured storage. */
  storage?: FileStorage;
  /** How often the upload sweep runs after the one at start (default hourly). */
  sweepIntervalMs?: number;
  canReadShared?: FilesContext['canReadShared'];
}

/**
 * The files module: uploads, downloads, avatars and logos, sharing one storage backend. The upload
 * sweep runs when the app gets ready, so before it listens, and then hourly: after a crash, no bytes
 * stay without a row once they are older than UPLOAD_SWEEP_GRACE_SECONDS.
 */
export const filesModule: FastifyPluginAsync<FilesModuleOptions> = async (
  app,
  { db, sessions, config, storage = createFileStorage(config), canReadShared, sweepIntervalMs },
) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const files: FilesContext = {
    db,
    storage,
    reportError: (error, message) => app.log.error({ err: error }, message),
    canReadShared,
  };
  const sweeper = new UploadSweeper({
    db,
    storage,
    logger: app.log,
    graceMs: config.uploadSweepGraceSeconds * 1000,
    intervalMs: sweepIntervalMs,
  });
  app.addHook('onReady', async () => sweeper.start());
  app.addHook('onClose', async () => {
    await sweeper.stop();
    await storage.close();
  });
  await app.register(filesRoutes, { files, sessions });
  await app.register(profileImagesRoutes, { files, sessions });
};
export { countLiveFilesSql, findOrganizationFiles, liveFileJoin, liveFileJson } from './files.repository.js';
