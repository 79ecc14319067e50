import { count, eq, inArray } from 'drizzle-orm';
import { type Db, toNumber } from '../../platform/db.js';
import { withTransaction } from '../../platform/transaction.js';
import type { FileStorage } from '../../modules/files/index.js';
import { memberships, organizations } from '../../modules/organizations/index.js';
import { users } from '../../modules/users/index.js';
import { removeDemoForum } from './forum.js';
import { removeDemoAvatars, removeOrganizationFiles } from './images.js';
import { removeDemoInvitations } from './invitations.js';
import { DEMO_EMAILS, type ProgressListener, filesContext, findDemoCreatedOrganizations, lockDemoData, noProgress } from './lookup.js';
import { removeDemoUseCases } from './use-case-upkeep.js';

export interface ClearReport {
  invitations: number;
  forumTopics: number;
  /** Use cases demo users wrote, with their engagement, versions and reports. */
  useCases: number;
  /** Files removed: the demo users' avatars, the demo cases' images and every file of the removed organizations (their bytes too). */
  files: number;
  users: number;
  organizations: number;
  /** Demo organizations kept (with their files) because people outside the demo belong to them. */
  keptOrganizations: string[];
  /** Bytes that could not be removed from storage. */
  warnings: string[];
}

/**
 * Removes the rows the demo created and nothing else: the demo invitations, the forum content and
 * the use cases demo users wrote (with the demo users' likes and bookmarks elsewhere), then the demo users
 * (their avatars through the files module, so the quota is released and the bytes deleted after
 * commit; their memberships, password rows and sessions go with them), then the demo organizations
 * that nobody else belongs to, each with all its files. An organization that is kept keeps its files,
 * its logo included. The forum categories stay: they are the platform's defaults (migration 0008).
 */
export async function clearDemo(db: Db, storage: FileStorage, onProgress: ProgressListener = noProgress): Promise<ClearReport> {
  const warnings: string[] = [];
  const files = filesContext(db, storage, warnings);
  const removedInvitations = await withTransaction(db, async (tx) => {
    await lockDemoData(tx);
    const label = 'Removing demo invitations';
    onProgress({ label, done: 0, total: 1 });
    const removed = await removeDemoInvitations(tx);
    onProgress({ label, done: 1, total: 1 });
    return removed;
  });

  const removedTopics = await withTransaction(db, async (tx) => {
    await lockDemoData(tx);
    const label = 'Removing demo forum content';
    onProgress({ label, done: 0, total: 1 });
    const removed = await removeDemoForum(tx);
    onProgress({ label, done: 1, total: 1 });
    return removed;
  });

  // Before the users: a case keeps its author (author_id is `on delete restrict`).
  const library = await withTransaction(db, async (tx) => {
    await lockDemoData(tx);
    const label = 'Removing demo use cases';
    onProgress({ label, done: 0, total: 1 });
    const removed = await removeDemoUseCases(files, tx);
    onProgress({ label, done: 1, total: 1 });
    return removed;
  });

  const people = await withTransaction(db, async (tx) => {
    await lockDemoData(tx);
    const label = 'Removing demo users';
    onProgress({ label, done: 0, total: 1 });
    const avatars = await removeDemoAvatars(files, tx);
    const deleted = await tx
      .delete(users)
      .where(inArray(users.email, [...DEMO_EMAILS]))
      .returning({ id: users.id });
    onProgress({ label, done: 1, total: 1 });
    return { removed: deleted.length, avatars };
  });

  const orgResult = await withTransaction(db, async (tx) => {
    await lockDemoData(tx);
    const candidates = await findDemoCreatedOrganizations(tx);
    const kept: string[] = [];
    const doomed: string[] = [];
    for (const { row } of candidates) {
      const [members] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, row.id));
      if (toNumber(members?.n) > 0) kept.push(row.name);
      else doomed.push(row.id);
    }
    const removedFiles = await removeOrganizationFiles(files, tx, doomed, onProgress);
    const label = 'Removing demo organizations';
    let removed = 0;
    for (const [index, id] of doomed.entries()) {
      removed += (await tx.delete(organizations).where(eq(organizations.id, id)).returning({ id: organizations.id })).length;
      onProgress({ label, done: index + 1, total: doomed.length });
    }
    if (doomed.length === 0) onProgress({ label, done: 0, total: 0 });
    return { removed, kept, files: removedFiles };
  });

  return {
    invitations: removedInvitations,
    forumTopics: removedTopics,
    useCases: library.useCases,
    files: people.avatars + library.files + orgResult.files,
    users: people.removed,
    organizations: orgResult.removed,
    keptOrganizations: orgResult.kept,
    warnings,
  };
}
