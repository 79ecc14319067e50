import type { StoredFile } from '@p2p/contracts';
import { AppError } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import { lockOrganizationStorage, setOrganizationLogo } from '../organizations/index.js';
import { setUserAvatar } from '../users/index.js';
import { inspectUpload } from './files.inspect.js';
import { type FilesContext, presentFile, removeFile, storeFile, writerContext } from './files.service.js';

/**
 * Avatars and logos: the upload, the pointer and the removal of the previous image happen in one
 * transaction, which starts by taking the organization row (reserveStorage), so two changes of the
 * same profile run one after the other and neither leaves an image behind.
 */
export async function setMyAvatar(
  ctx: FilesContext,
  actor: Actor,
  upload: { originalName: string | null; bytes: Buffer },
): Promise<StoredFile> {
  const { organization } = await writerContext(ctx.db, actor);
  const inspected = await inspectUpload('avatar', upload.bytes);
  const row = await storeFile(
    ctx,
    { organizationId: organization.id, uploaderId: actor.userId, purpose: 'avatar', originalName: upload.originalName, inspected },
    async (tx, file) => {
      const previous = await setUserAvatar(tx, actor.userId, file.id);
      if (previous) await removeFile(ctx, tx, previous);
    },
  );
  return presentFile(row);
}

export async function clearMyAvatar(ctx: FilesContext, actor: Actor): Promise<void> {
  const { organization } = await writerContext(ctx.db, actor);
  await withTransaction(ctx.db, async (tx) => {
    // The organization row first (as uploads take it), then the pointer: see above.
    await lockOrganizationStorage(tx, organization.id);
    const previous = await setUserAvatar(tx, actor.userId, null);
    if (previous) await removeFile(ctx, tx, previous);
  });
}

async function organizationAdminContext(ctx: FilesContext, actor: Actor) {
  const context = await writerContext(ctx.db, actor);
  if (context.orgRole !== 'admin') throw new AppError('FORBIDDEN', "Only an organization admin may change the organization's logo");
  return context;
}

export async function setMyOrganizationLogo(
  ctx: FilesContext,
  actor: Actor,
  upload: { originalName: string | null; bytes: Buffer },
): Promise<StoredFile> {
  const { organization } = await organizationAdminContext(ctx, actor);
  const inspected = await inspectUpload('logo', upload.bytes);
  const row = await storeFile(
    ctx,
    { organizationId: organization.id, uploaderId: actor.userId, purpose: 'logo', originalName: upload.originalName, inspected },
    async (tx, file) => {
      const previous = await setOrganizationLogo(tx, organization.id, file.id);
      if (previous) await removeFile(ctx, tx, previous);
    },
  );
  return presentFile(row);
}

export async function clearMyOrganizationLogo(ctx: FilesContext, actor: Actor): Promise<void> {
  const { organization } = await organizationAdminContext(ctx, actor);
  await withTransaction(ctx.db, async (tx) => {
    await lockOrganizationStorage(tx, organization.id);
    const previous = await setOrganizationLogo(tx, organization.id, null);
    if (previous) await removeFile(ctx, tx, previous);
  });
}
