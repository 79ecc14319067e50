import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, TRIAL_DAYS } from '@p2p/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { type Db, type Tx } from '../../platform/db.js';
import { accounts } from '../../platform/schema.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Auth, checkPasswordStrength } from '../../modules/auth/index.js';
import type { FileStorage } from '../../modules/files/index.js';
import { forumCategories } from '../../modules/forum/index.js';
import { insertMembership, memberships, organizations } from '../../modules/organizations/index.js';
import { users } from '../../modules/users/index.js';
import { DEMO_CATEGORIES, categoryValues } from './demo-data/categories.js';
import { DEMO_TOPICS } from './demo-data/forum-topics.js';
import { DEMO_INVITATIONS } from './demo-data/invitations.js';
import { DEMO_ORGANIZATIONS, PLATFORM_KEY, PLATFORM_ORGANIZATION_VALUES, organizationValues } from './demo-data/organizations.js';
import { DEMO_USE_CASES } from './demo-data/use-cases.js';
import { DEMO_PASSWORD, DEMO_USERS, userValues } from './demo-data/users.js';
import { seedForum } from './forum.js';
import { seedAvatars, seedLogos } from './images.js';
import { seedInvitations } from './invitations.js';
import {
  DEMO_EMAILS,
  DEMO_ORGANIZATION_COUNT,
  type ProgressListener,
  filesContext,
  findDemoOrganizations,
  lockDemoData,
  noProgress,
} from './lookup.js';
import { seedUseCaseCovers } from './use-case-covers.js';
import { seedUseCases } from './use-cases.js';

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
      await tx.insert(forumCategories).values(categoryValues(category));
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
      await tx.insert(organizations).values(organizationValues(org, trialEndsAt));
      created += 1;
    }
    onProgress({ label, done: index + 1, total: DEMO_ORGANIZATION_COUNT });
  }
  if (!found.has(PLATFORM_KEY)) {
    await tx.insert(organizations).values(PLATFORM_ORGANIZATION_VALUES);
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
  const credential = (userId: string) => ({ userId, accountId: userId, providerId: 'credential', password: passwordHash });

  let created = 0;
  let repaired = 0;
  for (const [index, demo] of DEMO_USERS.entries()) {
    const organization = orgs.get(demo.organization);
    if (!organization) throw new Error(`The demo organization "${demo.organization}" is missing; seed the organizations first`);
    const membership = (userId: string) => ({ userId, organizationId: organization.id, role: demo.role });
    const id = idByEmail.get(demo.email);
    if (!id) {
      const [row] = await tx.insert(users).values(userValues(demo)).returning({ id: users.id });
      if (!row) throw new Error(`inserting the demo user ${demo.email} returned nothing`);
      await tx.insert(accounts).values(credential(row.id));
      await insertMembership(tx, membership(row.id));
      created += 1;
    } else {
      if (!withMembership.has(id)) {
        await insertMembership(tx, membership(id));
        repaired += 1;
      }
      if (!withPassword.has(id)) {
        await tx.insert(accounts).values(credential(id));
        repaired += 1;
      }
    }
    onProgress({ label, done: index + 1, total: DEMO_USERS.length });
  }
  return { created, repaired };
}
