import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FilePurpose, StoredFile } from '@p2p/contracts';
import type { Db, Tx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { afterCommit, currentTransaction, withTransaction } from '../../platform/transaction.js';
import { type Actor, assertCanWrite, viewerOf } from '../../platform/actor.js';
import {
  type OrganizationRow,
  findOrganizationById,
  lockOrganizationStorage,
  releaseStorage,
  reserveStorage,
  setOrganizationLogo,
} from '../organizations/index.js';
import { findUserById, setUserAvatar } from '../users/index.js';
import { type InspectedFile, inspectUpload } from './files.inspect.js';
import { canDeleteFile, canReadFile } from './files.policy.js';
import { type FileRow, findLiveFile, insertFile, markFileDeleted } from './files.repository.js';
import type { FileStorage } from './files.storage.js';
import { cleanFileName } from './files.upload.js';
import { fileUrl } from '../../platform/file-url.js';

export interface FilesContext {
  db: Db;
  storage: FileStorage;
  /** Reports failures of clean-up that must not fail the request (bytes left behind). */
  reportError(error: unknown, message: string): void;
  /** Wider read access granted by content that shares an attachment (a use case's images and files). */
  canReadShared?: (db: Db, actor: Actor | null, fileId: string) => Promise<boolean>;
}

export interface UploadInput {
  purpose: FilePurpose;
  /** The client's name for the file: shown and offered on download, never used to store it. */
  originalName: string | null;
  bytes: Buffer;
}

export function presentFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    purpose: row.purpose,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    // Names stored before they were cleaned at upload are cleaned on the way out.
    originalName: cleanFileName(row.originalName),
    url: fileUrl(row.id),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The actor's organization and role; writing needs a verified (or new) account and an active organization. */
export async function writerContext(db: Db, actor: Actor): Promise<{ organization: OrganizationRow; orgRole: 'admin' | 'member' }> {
  assertCanWrite(actor);
  const organization = await findOrganizationById(db, actor.organizationId);
  if (!organization) throw notFound('Organization');
  return { organization, orgRole: actor.organizationRole };
}

export async function uploadFile(ctx: FilesContext, actor: Actor, input: UploadInput): Promise<StoredFile> {
  const { organization } = await writerContext(ctx.db, actor);
  const inspected = await inspectUpload(input.purpose, input.bytes);
  const row = await storeFile(ctx, {
    organizationId: organization.id,
    uploaderId: actor.userId,
    purpose: input.purpose,
    originalName: input.originalName,
    inspected,
  });
  return presentFile(row);
}

interface StoreFileInput {
  organizationId: string;
  uploaderId: string;
  purpose: FilePurpose;
  originalName: string | null;
  inspected: InspectedFile;
}

/**
 * Stages the bytes, then in one transaction counts them against the quota, records the file and runs
 * `alsoInTransaction` (pointing a profile at it), and only after commit moves the bytes to their key.
 * If the transaction fails the staged bytes are removed; if the process dies on the way, the upload
 * sweep removes staged bytes without a row and finishes the move of those with one. So bytes under a
 * real key always have a row, and no counted file lacks its bytes.
 */
export async function storeFile(
  ctx: FilesContext,
  input: StoreFileInput,
  alsoInTransaction?: (tx: Tx, file: FileRow) => Promise<void>,
): Promise<FileRow> {
  // Inside someone else's transaction a later rollback would leave the bytes behind.
  if (currentTransaction()) throw new Error('storeFile must not run inside an open transaction');
  const { inspected } = input;
  const storageKey = `${input.organizationId}/${randomUUID()}`;
  await ctx.storage.stage(storageKey, inspected.bytes, inspected.contentType);
  let stored: FileRow;
  try {
    stored = await withTransaction(ctx.db, async (tx) => {
      const reserved = await reserveStorage(tx, input.organizationId, inspected.bytes.length);
      if (!reserved) throw new AppError('STORAGE_QUOTA_EXCEEDED', "This file does not fit in your organization's storage quota");
      const file = await insertFile(tx, {
        organizationId: input.organizationId,
        uploaderId: input.uploaderId,
        purpose: input.purpose,
        contentType: inspected.contentType,
        sizeBytes: inspected.bytes.length,
        storageKey,
        originalName: cleanFileName(input.originalName),
        width: inspected.width,
        height: inspected.height,
        sha256: inspected.sha256,
      });
      if (alsoInTransaction) await alsoInTransaction(tx, file);
      return file;
    });
  } catch (error) {
    await ctx.storage
      .discard(storageKey)
      .catch((cleanupError: unknown) =>
        ctx.reportError(cleanupError, `could not remove the staged bytes of an upload that failed (${storageKey})`),
      );
    throw error;
  }
  try {
    await ctx.storage.promote(storageKey);
  } catch (error) {
    // The row is committed: its bytes are served from the staged copy until the sweep moves them.
    ctx.reportError(error, `could not move the bytes of file ${stored.id} into place (${storageKey}); the upload sweep will`);
  }
  return stored;
}

/**
 * Marks a file deleted and frees its quota in the caller's transaction; the bytes go after commit.
 * A profile still pointing at the file is cleared. Deleting what is already deleted does nothing.
 * The organization row is locked before the file row, the order every files transaction follows.
 */
export async function removeFile(ctx: FilesContext, tx: Tx, fileId: string): Promise<boolean> {
  const file = await findLiveFile(tx, fileId);
  if (!file) return false;
  const organization = await lockOrganizationStorage(tx, file.organizationId);
  const deleted = await markFileDeleted(tx, fileId);
  if (!deleted || !organization) return false;
  await releaseStorage(tx, deleted.organizationId, deleted.sizeBytes);
  if (deleted.purpose === 'logo' && organization.logoFileId === deleted.id) await setOrganizationLogo(tx, deleted.organizationId, null);
  if (deleted.purpose === 'avatar' && deleted.uploaderId) {
    const owner = await findUserById(tx, deleted.uploaderId);
    if (owner?.avatarFileId === deleted.id) await setUserAvatar(tx, owner.id, null);
  }
  afterCommit(async () => {
    try {
      await ctx.storage.delete(deleted.storageKey);
    } catch (error) {
      ctx.reportError(error, `could not remove the bytes of deleted file ${deleted.id} (${deleted.storageKey})`);
    }
  });
  return true;
}

/** A live file the actor (or guest) may read: 404 otherwise. */
export async function getReadableFile(ctx: FilesContext, actor: Actor | null, fileId: string): Promise<FileRow> {
  const file = await findLiveFile(ctx.db, fileId);
  if (!file) throw notFound('File');
  if (file.purpose !== 'attachment' || canReadFile(viewerOf(actor), file)) return file;
  if (ctx.canReadShared && (await ctx.canReadShared(ctx.db, actor, file.id))) return file;
  throw notFound('File');
}

export function openFileBytes(ctx: FilesContext, file: FileRow): Promise<Readable> {
  return ctx.storage.get(file.storageKey);
}

export async function deleteFile(ctx: FilesContext, actor: Actor, fileId: string): Promise<void> {
  const file = await findLiveFile(ctx.db, fileId);
  if (!file) throw notFound('File');
  const reader = viewerOf(actor);
  if (!canReadFile(reader, file)) throw notFound('File');
  if (!canDeleteFile(reader, file))
    throw new AppError('FORBIDDEN', 'Only the uploader or an admin of its organization may delete this file');
  await writerContext(ctx.db, actor);
  await withTransaction(ctx.db, async (tx) => {
    if (!(await removeFile(ctx, tx, file.id))) throw notFound('File');
  });
}
