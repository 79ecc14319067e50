import { and, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import {
  type FileStorage,
  type FilesContext,
  StoredObjectMissingError,
  files,
  inspectUpload,
  removeFile,
  storeFile,
} from '../../modules/files/index.js';
import { memberships, setOrganizationLogo, type OrganizationRow } from '../../modules/organizations/index.js';
import { setUserAvatar, users } from '../../modules/users/index.js';
import { DEMO_ORGANIZATIONS, PLATFORM_KEY } from './demo-data/organizations.js';
import { DEMO_USERS } from './demo-data/users.js';
import { DEMO_EMAILS, type ProgressListener, demoOrganizationName, findDemoOrganizations } from './lookup.js';
import { initialsOf, renderPlaceholder } from './placeholder-image.js';

/** Every other demo user, starting with the platform admin, gets a placeholder avatar: about half of them. */
export const DEMO_AVATAR_EMAILS: readonly string[] = DEMO_USERS.filter((_, index) => index % 2 === 0).map((u) => u.email);

const ORGANIZATION_KEYS: readonly string[] = [...DEMO_ORGANIZATIONS.map((o) => o.key), PLATFORM_KEY];

export interface ImagesResult {
  created: number;
  /** Already had an image (the demo's or one uploaded since), left as it is. */
  existing: number;
  /** Why an image could not be added (a full storage quota), one line each. */
  skipped: string[];
}

/** Thrown inside the upload's transaction when the profile got an image meanwhile: rolls the upload back. */
class AlreadyHasImage extends Error {}

/**
 * Stores a generated placeholder exactly as an upload is stored: inspected and re-encoded, counted
 * against the quota, and pointed at by the profile in the same transaction. When the profile got an
 * image meanwhile the upload is rolled back (and its bytes removed); answers whether it was added.
 */
async function storePlaceholder(
  ctx: FilesContext,
  input: { organizationId: string; uploaderId: string; purpose: 'logo' | 'avatar'; originalName: string; png: Buffer },
  point: (tx: Tx, fileId: string) => Promise<string | null>,
): Promise<'created' | 'existing'> {
  const inspected = await inspectUpload(input.purpose, input.png);
  try {
    await storeFile(
      ctx,
      {
        organizationId: input.organizationId,
        uploaderId: input.uploaderId,
        purpose: input.purpose,
        originalName: input.originalName,
        inspected,
      },
      async (tx, file) => {
        // storeFile has locked the organization row, which every change of a logo or avatar takes first.
        if ((await point(tx, file.id)) !== null) throw new AlreadyHasImage();
      },
    );
    return 'created';
  } catch (error) {
    if (error instanceof AlreadyHasImage) return 'existing';
    throw error;
  }
}

function isQuotaError(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'STORAGE_QUOTA_EXCEEDED';
}

/** A placeholder logo for every demo organization that has none, uploaded by its first demo admin. */
export async function seedLogos(ctx: FilesContext, onProgress: ProgressListener): Promise<ImagesResult> {
  const label = 'Organization logos';
  const orgs = await findDemoOrganizations(ctx.db);
  const people = await ctx.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...DEMO_EMAILS]));
  const idByEmail = new Map(people.map((u) => [u.email, u.id]));
  const result: ImagesResult = { created: 0, existing: 0, skipped: [] };
  for (const [index, key] of ORGANIZATION_KEYS.entries()) {
    const org = orgs.get(key);
    if (!org) throw new Error(`The demo organization "${demoOrganizationName(key)}" is missing; seed the organizations first`);
    if (org.logoFileId) {
      result.existing += 1;
    } else {
      const admin = DEMO_USERS.find((u) => u.organization === key && u.role === 'admin');
      const uploaderId = admin && idByEmail.get(admin.email);
      if (!uploaderId) throw new Error(`The demo admin of "${org.name}" is missing; seed the users first`);
      try {
        const png = await renderPlaceholder({ initials: initialsOf(org.name), seed: org.name });
        const outcome = await storePlaceholder(
          ctx,
          { organizationId: org.id, uploaderId, purpose: 'logo', originalName: `${key}-logo.png`, png },
          (tx, fileId) => setOrganizationLogo(tx, org.id, fileId),
        );
        result[outcome] += 1;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        result.skipped.push(`no logo for "${org.name}": ${error.message}`);
      }
    }
    onProgress({ label, done: index + 1, total: ORGANIZATION_KEYS.length });
  }
  return result;
}

/** A round placeholder avatar for the chosen demo users who have none, counted in their organization. */
export async function seedAvatars(ctx: FilesContext, onProgress: ProgressListener): Promise<ImagesResult> {
  const label = 'User avatars';
  const people = await ctx.db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, avatarFileId: users.avatarFileId })
    .from(users)
    .where(inArray(users.email, [...DEMO_AVATAR_EMAILS]));
  const ids = people.map((u) => u.id);
  const homes = ids.length === 0 ? [] : await ctx.db.select().from(memberships).where(inArray(memberships.userId, ids));
  const result: ImagesResult = { created: 0, existing: 0, skipped: [] };
  for (const [index, email] of DEMO_AVATAR_EMAILS.entries()) {
    const user = people.find((u) => u.email === email);
    const home = user && homes.find((m) => m.userId === user.id);
    if (!user || !home) throw new Error(`The demo user ${email} or their membership is missing; seed the users first`);
    if (user.avatarFileId) {
      result.existing += 1;
    } else {
      const name = `${user.firstName} ${user.lastName}`;
      try {
        const png = await renderPlaceholder({ initials: initialsOf(name), seed: name, round: true });
        const originalName = `${email.split('@')[0]!.replace(/[^a-z0-9]+/g, '-')}-avatar.png`;
        const outcome = await storePlaceholder(
          ctx,
          { organizationId: home.organizationId, uploaderId: user.id, purpose: 'avatar', originalName, png },
          (tx, fileId) => setUserAvatar(tx, user.id, fileId),
        );
        result[outcome] += 1;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        result.skipped.push(`no avatar for ${email}: ${error.message}`);
      }
    }
    onProgress({ label, done: index + 1, total: DEMO_AVATAR_EMAILS.length });
  }
  return result;
}

/** Removes the avatars of the demo users (whoever uploaded them), in the caller's transaction; the bytes go after commit. */
export async function removeDemoAvatars(ctx: FilesContext, tx: Tx): Promise<number> {
  const rows = await tx
    .select({ avatarFileId: users.avatarFileId })
    .from(users)
    .where(and(inArray(users.email, [...DEMO_EMAILS]), isNotNull(users.avatarFileId)));
  let removed = 0;
  for (const { avatarFileId } of rows) {
    if (avatarFileId && (await removeFile(ctx, tx, avatarFileId))) removed += 1;
  }
  return removed;
}

/**
 * Removes every live file of organizations about to be deleted (their logo and anything uploaded
 * since), so that their quota is released and their bytes are deleted after commit instead of being
 * left in storage when the organization's rows cascade away.
 */
export async function removeOrganizationFiles(
  ctx: FilesContext,
  tx: Tx,
  organizationIds: string[],
  onProgress: ProgressListener,
): Promise<number> {
  const label = 'Removing demo files';
  const live =
    organizationIds.length === 0
      ? []
      : await tx
          .select({ id: files.id })
          .from(files)
          .where(and(inArray(files.organizationId, organizationIds), isNull(files.deletedAt)));
  let removed = 0;
  onProgress({ label, done: 0, total: live.length });
  for (const [index, { id }] of live.entries()) {
    if (await removeFile(ctx, tx, id)) removed += 1;
    onProgress({ label, done: index + 1, total: live.length });
  }
  return removed;
}

async function bytesPresent(storage: FileStorage, key: string): Promise<boolean> {
  try {
    (await storage.get(key)).destroy();
    return true;
  } catch (error) {
    if (error instanceof StoredObjectMissingError) return false;
    throw error;
  }
}

export interface ImagesCheck {
  logos: number;
  avatars: number;
  problems: string[];
}

/**
 * Every demo organization has a logo and every chosen demo user an avatar, each a live file of the
 * right purpose; with a storage, its bytes are there too. Missing users are reported elsewhere.
 */
export async function checkDemoImages(db: Db, orgs: Map<string, OrganizationRow>, storage?: FileStorage): Promise<ImagesCheck> {
  const people = await db
    .select({ email: users.email, avatarFileId: users.avatarFileId })
    .from(users)
    .where(inArray(users.email, [...DEMO_AVATAR_EMAILS]));
  const fileIds = [...[...orgs.values()].map((o) => o.logoFileId), ...people.map((u) => u.avatarFileId)].filter(
    (id): id is string => id !== null,
  );
  const fileRows = await liveFiles(db, fileIds);
  const check: ImagesCheck = { logos: 0, avatars: 0, problems: [] };

  const inspect = async (fileId: string | null, purpose: 'logo' | 'avatar', owner: string): Promise<boolean> => {
    if (!fileId) {
      check.problems.push(`${owner} has no ${purpose}`);
      return false;
    }
    const file = fileRows.get(fileId);
    if (!file || file.purpose !== purpose) {
      check.problems.push(`the ${purpose} of ${owner} is not a live ${purpose} file`);
      return false;
    }
    if (storage && !(await bytesPresent(storage, file.storageKey))) {
      check.problems.push(`the ${purpose} of ${owner} has no bytes in storage (${file.storageKey})`);
      return false;
    }
    return true;
  };

  for (const [key, org] of orgs) {
    if (await inspect(org.logoFileId, 'logo', `organization "${demoOrganizationName(key)}"`)) check.logos += 1;
  }
  for (const email of DEMO_AVATAR_EMAILS) {
    const user = people.find((u) => u.email === email);
    if (user && (await inspect(user.avatarFileId, 'avatar', `user ${email}`))) check.avatars += 1;
  }
  return check;
}

async function liveFiles(db: DbOrTx, ids: string[]): Promise<Map<string, { purpose: string; storageKey: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: files.id, purpose: files.purpose, storageKey: files.storageKey })
    .from(files)
    .where(and(inArray(files.id, ids), isNull(files.deletedAt)));
  return new Map(rows.map((r) => [r.id, r]));
}
