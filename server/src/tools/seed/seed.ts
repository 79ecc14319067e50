import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, TRIAL_DAYS } from '@p2p/contracts';
import { and, count, eq, inArray } from 'drizzle-orm';
import { type Db, type Tx, toNumber } from '../../platform/db.js';
import { withTransaction } from '../../platform/transaction.js';
import { PLATFORM_ORGANIZATION_NAME } from '../create-admin/create-superadmin.js';
import { type Auth, checkPasswordStrength } from '../../modules/auth/index.js';
import { accounts } from '../../platform/schema.js';
import type { FileStorage, FilesContext } from '../../modules/files/index.js';
import { forumCategories } from '../../modules/forum/index.js';
import { insertMembership, memberships, organizations } from '../../modules/organizations/index.js';
import { users } from '../../modules/users/index.js';
import {
  DEMO_CATEGORIES,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_PLATFORM_DOMAIN,
  PLATFORM_KEY,
  organizationWebsite,
} from './demo-data.js';
import { removeDemoAvatars, removeOrganizationFiles, seedAvatars, seedLogos } from './demo-images.js';
import { DEMO_INVITATIONS, removeDemoInvitations, seedInvitations } from './demo-invitations.js';
import {
  DEMO_EMAILS,
  DEMO_ORGANIZATION_COUNT,
  PLATFORM_DEMO_WEBSITE,
  type ProgressListener,
  findDemoCreatedOrganizations,
  findDemoOrganizations,
  lockDemoData,
} from './demo-lookup.js';
import { DEMO_USERS, type DemoUser } from './demo-users.js';
import { DEMO_TOPICS, removeDemoForum, seedForum } from './demo-forum.js';
import { DEMO_USE_CASES, seedUseCases } from './demo-use-cases.js';
import { seedUseCaseCovers } from './demo-use-cases-covers.js';
import { removeDemoUseCases } from './demo-use-cases-upkeep.js';

/** What the seed needs from the auth library: its password hasher (the one sign-in verifies with). */
export type PasswordHashSource = Pick<Auth, '$context'>;

interface SeedCounts {
  categories: number;
  organizations: number;
  users: number;
  logos: number;
  avatars: number;
  invitations: number;
  forumTopics: number;
  useCases: number;
  useCaseImages: number;
}

export interface SeedReport {
  created: SeedCounts;
  /** Demo rows (and images) that were already there and left as they are. */
  existing: SeedCounts;
  /**
   * Memberships or password rows put back for demo users that had lost them, pending demo invitations
   * renewed, and demo use cases whose like, bookmark or view counters were recounted.
   */
  repaired: number;
  /** Images that could not be added (a full quota) and bytes that could not be cleaned up. */
  warnings: string[];
}

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

const noProgress: ProgressListener = () => undefined;

/** The files module's context for the seed: the given storage, clean-up failures collected as warnings. */
function filesContext(db: Db, storage: FileStorage, warnings: string[]): FilesContext {
  return {
    db,
    storage,
    reportError: (error, message) => warnings.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  };
}

/**
 * Adds whatever part of the demo data is missing, one transaction per step. Demo rows are found by
 * their fixed slugs, emails and (name, website) pairs, so running it again adds nothing. Every demo
 * user gets the same password, hashed once with the auth library's own hasher. Logos and avatars are
 * generated placeholders stored in `storage` as uploads are (each in its own transaction, counted
 * against the quota); an organization or user that has an image keeps it.
 */
export async function seedDemo(
  db: Db,
  auth: PasswordHashSource,
  storage: FileStorage,
  onProgress: ProgressListener = noProgress,
): Promise<SeedReport> {
  assertDemoPasswordAccepted();
  const hashing = 'Hashing the demo password';
  onProgress({ label: hashing, done: 0, total: 1 });
  const passwordHash = await (await auth.$context).password.hash(DEMO_PASSWORD);
  onProgress({ label: hashing, done: 1, total: 1 });

  const categories = await withTransaction(db, (tx) => seedCategories(tx, onProgress));
  const orgs = await withTransaction(db, (tx) => seedOrganizations(tx, onProgress));
  const people = await withTransaction(db, (tx) => seedUsers(tx, passwordHash, onProgress));
  const warnings: string[] = [];
  const files = filesContext(db, storage, warnings);
  const logos = await seedLogos(files, onProgress);
  const avatars = await seedAvatars(files, onProgress);
  const invites = await withTransaction(db, (tx) => seedInvitations(tx, onProgress));
  const forum = await withTransaction(db, async (tx) => {
    await lockDemoData(tx);
    return seedForum(tx, onProgress);
  });
  const library = await withTransaction(db, async (tx) => {
    await lockDemoData(tx);
    return seedUseCases(tx, onProgress);
  });
  const covers = await seedUseCaseCovers(files, onProgress);
  return {
    created: {
      categories: categories.created,
      organizations: orgs.created,
      users: people.created,
      logos: logos.created,
      avatars: avatars.created,
      invitations: invites.created,
      forumTopics: forum.created,
      useCases: library.created,
      useCaseImages: covers.created,
    },
    existing: {
      categories: DEMO_CATEGORIES.length - categories.created,
      organizations: DEMO_ORGANIZATION_COUNT - orgs.created,
      users: DEMO_USERS.length - people.created,
      logos: logos.existing,
      avatars: avatars.existing,
      invitations: DEMO_INVITATIONS.length - invites.created,
      forumTopics: DEMO_TOPICS.length - forum.created,
      useCases: DEMO_USE_CASES.length - library.created,
      useCaseImages: covers.existing,
    },
    repaired: people.repaired + invites.repaired + library.repaired,
    warnings: [...logos.skipped, ...avatars.skipped, ...covers.skipped, ...warnings],
  };
}

/** The documented password must pass the same rules as a sign-up, for every demo email. */
function assertDemoPasswordAccepted(): void {
  if (DEMO_PASSWORD.length < PASSWORD_MIN_LENGTH || DEMO_PASSWORD.length > PASSWORD_MAX_LENGTH) {
    throw new Error(`The demo password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`);
  }
  for (const email of DEMO_EMAILS) {
    const weak = checkPasswordStrength(DEMO_PASSWORD, 'password', email);
    if (weak) throw new Error(`The demo password is refused for ${email}: ${weak.message}`);
  }
}

async function seedCategories(tx: Tx, onProgress: ProgressListener): Promise<{ created: number }> {
  await lockDemoData(tx);
  const label = 'Forum categories';
  const existing = await tx
    .select({ slug: forumCategories.slug })
    .from(forumCategories)
    .where(
      inArray(
        forumCategories.slug,
        DEMO_CATEGORIES.map((c) => c.slug),
      ),
    );
  const present = new Set(existing.map((c) => c.slug));
  let created = 0;
  for (const [index, category] of DEMO_CATEGORIES.entries()) {
    if (!present.has(category.slug)) {
      await tx.insert(forumCategories).values({ ...category, organizationId: null });
      created += 1;
    }
    onProgress({ label, done: index + 1, total: DEMO_CATEGORIES.length });
  }
  return { created };
}

async function seedOrganizations(tx: Tx, onProgress: ProgressListener): Promise<{ created: number }> {
  await lockDemoData(tx);
  const label = 'Organizations';
  const found = await findDemoOrganizations(tx);
  const trialEndsAt = new Date(Date.now() + TRIAL_DAYS * 86_400_000);
  let created = 0;
  for (const [index, org] of DEMO_ORGANIZATIONS.entries()) {
    if (!found.has(org.key)) {
      await tx.insert(organizations).values({
        name: org.name,
        nameAr: org.nameAr,
        industry: org.industry,
        size: org.size,
        city: org.city,
        region: org.region,
        website: organizationWebsite(org.domain),
        contactEmail: `info@${org.domain}`,
        contactPhone: org.contactPhone,
        description: org.description,
        subscriptionTier: org.tier,
        trialEndsAt: org.tier === 'trial' ? trialEndsAt : null,
      });
      created += 1;
    }
    onProgress({ label, done: index + 1, total: DEMO_ORGANIZATION_COUNT });
  }
  // The superadmin's home, as create-admin makes it; an existing "Platform" organization is reused.
  if (!found.has(PLATFORM_KEY)) {
    await tx.insert(organizations).values({
      name: PLATFORM_ORGANIZATION_NAME,
      nameAr: 'المنصة',
      city: 'Riyadh',
      region: 'Riyadh',
      website: PLATFORM_DEMO_WEBSITE,
      contactEmail: `support@${DEMO_PLATFORM_DOMAIN}`,
      description: 'The team that runs P2P Sandbox.',
      subscriptionTier: 'enterprise',
      trialEndsAt: null,
    });
    created += 1;
  }
  onProgress({ label, done: DEMO_ORGANIZATION_COUNT, total: DEMO_ORGANIZATION_COUNT });
  return { created };
}

async function seedUsers(tx: Tx, passwordHash: string, onProgress: ProgressListener): Promise<{ created: number; repaired: number }> {
  await lockDemoData(tx);
  const label = 'Users';
  const orgs = await findDemoOrganizations(tx);
  const existing = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...DEMO_EMAILS]));
  const existingIds = existing.map((u) => u.id);
  const withMembership = new Set<string>();
  const withPassword = new Set<string>();
  if (existingIds.length > 0) {
    for (const m of await tx.select({ userId: memberships.userId }).from(memberships).where(inArray(memberships.userId, existingIds))) {
      withMembership.add(m.userId);
    }
    const credentials = await tx
      .select({ userId: accounts.userId })
      .from(accounts)
      .where(and(inArray(accounts.userId, existingIds), eq(accounts.providerId, 'credential')));
    for (const a of credentials) withPassword.add(a.userId);
  }
  const idByEmail = new Map(existing.map((u) => [u.email, u.id]));

  let created = 0;
  let repaired = 0;
  for (const [index, demo] of DEMO_USERS.entries()) {
    const organization = orgs.get(demo.organization);
    if (!organization) throw new Error(`The demo organization "${demo.organization}" is missing; seed the organizations first`);
    const id = idByEmail.get(demo.email);
    if (!id) {
      const userId = await insertDemoUser(tx, demo);
      await tx.insert(accounts).values({ userId, accountId: userId, providerId: 'credential', password: passwordHash });
      await insertMembership(tx, { userId, organizationId: organization.id, role: demo.role });
      created += 1;
    } else {
      if (!withMembership.has(id)) {
        await insertMembership(tx, { userId: id, organizationId: organization.id, role: demo.role });
        repaired += 1;
      }
      if (!withPassword.has(id)) {
        await tx.insert(accounts).values({ userId: id, accountId: id, providerId: 'credential', password: passwordHash });
        repaired += 1;
      }
    }
    onProgress({ label, done: index + 1, total: DEMO_USERS.length });
  }
  return { created, repaired };
}

async function insertDemoUser(tx: Tx, demo: DemoUser): Promise<string> {
  const [row] = await tx
    .insert(users)
    .values({
      email: demo.email,
      name: `${demo.firstName} ${demo.lastName}`,
      firstName: demo.firstName,
      lastName: demo.lastName,
      emailVerified: demo.emailVerified ?? true,
      jobTitle: demo.jobTitle,
      department: demo.department,
      phone: demo.phone,
      bio: demo.bio,
      language: demo.language,
      platformRole: demo.platformRole ?? 'member',
    })
    .returning({ id: users.id });
  if (!row) throw new Error(`inserting the demo user ${demo.email} returned nothing`);
  return row.id;
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
