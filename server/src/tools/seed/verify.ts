import { INVITATION_STATUSES } from '@p2p/contracts';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { type Db, type DbOrTx, toNumber } from '../../platform/db.js';
import { accounts } from '../../platform/schema.js';
import { type FileStorage, files } from '../../modules/files/index.js';
import { forumCategories, forumTopics } from '../../modules/forum/index.js';
import { invitations } from '../../modules/invitations/index.js';
import { memberships, organizations } from '../../modules/organizations/index.js';
import { useCaseTerms, useCases } from '../../modules/use-cases/index.js';
import { users } from '../../modules/users/index.js';
import { DEMO_CATEGORIES } from './demo-data/categories.js';
import { DEMO_TOPICS } from './demo-data/forum-topics.js';
import { DEMO_INVITATIONS } from './demo-data/invitations.js';
import { DEMO_ORGANIZATIONS, PLATFORM_KEY } from './demo-data/organizations.js';
import { DEMO_USE_CASES } from './demo-data/use-cases.js';
import { DEMO_USERS } from './demo-data/users.js';
import { countDemoTopics } from './forum.js';
import { DEMO_AVATAR_EMAILS, checkDemoImages } from './images.js';
import { checkDemoInvitations } from './invitations.js';
import { DEMO_EMAILS, DEMO_ORGANIZATION_COUNT, demoOrganizationName, findDemoOrganizations } from './lookup.js';
import { checkDemoUseCases } from './use-case-check.js';
import { DEMO_COVER_TITLES, checkDemoCovers } from './use-case-covers.js';
import { DEMO_USE_CASE_TERMS } from './use-cases.js';

export interface TableCount {
  table: string;
  /** Every row of the table, demo or not. */
  rows: number;
  /** Demo rows found in the expected shape. */
  demo: number;
  /** Demo rows there should be. */
  expected: number;
}

/** A part of the demo set within a table: the logos, the avatars, the invitations in one state. */
export interface DemoCheck {
  label: string;
  demo: number;
  expected: number;
}

export interface VerifyReport {
  ok: boolean;
  tables: TableCount[];
  checks: DemoCheck[];
  problems: string[];
}

type CountedTable =
  | typeof users
  | typeof organizations
  | typeof memberships
  | typeof accounts
  | typeof forumCategories
  | typeof invitations
  | typeof forumTopics
  | typeof useCases
  | typeof useCaseTerms;

async function countRows(db: DbOrTx, table: CountedTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return toNumber(row?.n);
}

async function countLiveFiles(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(files).where(isNull(files.deletedAt));
  return toNumber(row?.n);
}

/**
 * Checks that the whole demo set is there and consistent; lists every problem it finds. With a
 * storage, the bytes of every demo logo and avatar must be in it as well.
 */
export async function verifyDemo(db: Db, storage?: FileStorage): Promise<VerifyReport> {
  const problems: string[] = [];

  const categoryRows = await db
    .select({ slug: forumCategories.slug, organizationId: forumCategories.organizationId })
    .from(forumCategories)
    .where(
      inArray(
        forumCategories.slug,
        DEMO_CATEGORIES.map((c) => c.slug),
      ),
    );
  let demoCategories = 0;
  for (const category of DEMO_CATEGORIES) {
    const row = categoryRows.find((r) => r.slug === category.slug);
    if (!row) problems.push(`forum category "${category.slug}" is missing`);
    else if (row.organizationId !== null) problems.push(`forum category "${category.slug}" is private to an organization, not shared`);
    else demoCategories += 1;
  }

  const orgs = await findDemoOrganizations(db);
  const orgKeys = [...DEMO_ORGANIZATIONS.map((o) => o.key), PLATFORM_KEY];
  for (const key of orgKeys) {
    if (!orgs.has(key)) problems.push(`organization "${demoOrganizationName(key)}" is missing`);
  }
  const orgIds = [...orgs.values()].map((o) => o.id);
  const orgsWithAdmin = new Set(
    orgIds.length === 0
      ? []
      : (
          await db
            .selectDistinct({ organizationId: memberships.organizationId })
            .from(memberships)
            .where(and(inArray(memberships.organizationId, orgIds), eq(memberships.role, 'admin')))
        ).map((m) => m.organizationId),
  );
  for (const [key, org] of orgs) {
    if (!orgsWithAdmin.has(org.id)) problems.push(`organization "${demoOrganizationName(key)}" has no admin`);
  }

  const userRows = await db
    .select({ id: users.id, email: users.email, platformRole: users.platformRole })
    .from(users)
    .where(inArray(users.email, [...DEMO_EMAILS]));
  const userIds = userRows.map((u) => u.id);
  const membershipRows = userIds.length === 0 ? [] : await db.select().from(memberships).where(inArray(memberships.userId, userIds));
  const credentialUserIds = new Set(
    userIds.length === 0
      ? []
      : (
          await db
            .select({ userId: accounts.userId })
            .from(accounts)
            .where(and(inArray(accounts.userId, userIds), eq(accounts.providerId, 'credential')))
        ).map((a) => a.userId),
  );

  let demoMemberships = 0;
  let demoPasswords = 0;
  for (const demo of DEMO_USERS) {
    const user = userRows.find((u) => u.email === demo.email);
    if (!user) {
      problems.push(`user ${demo.email} is missing`);
      continue;
    }
    const expectedRole = demo.platformRole ?? 'member';
    if (user.platformRole !== expectedRole)
      problems.push(`user ${demo.email} has platform role ${user.platformRole}, expected ${expectedRole}`);
    if (credentialUserIds.has(user.id)) demoPasswords += 1;
    else problems.push(`user ${demo.email} has no password (credential account)`);
    const membership = membershipRows.find((m) => m.userId === user.id);
    const organization = orgs.get(demo.organization);
    if (!membership) problems.push(`user ${demo.email} has no membership`);
    else if (!organization || membership.organizationId !== organization.id)
      problems.push(`user ${demo.email} is not a member of "${demoOrganizationName(demo.organization)}"`);
    else if (membership.role !== demo.role)
      problems.push(`user ${demo.email} is ${membership.role} of "${demoOrganizationName(demo.organization)}", expected ${demo.role}`);
    else demoMemberships += 1;
  }

  const images = await checkDemoImages(db, orgs, storage);
  const invited = await checkDemoInvitations(db, orgs);
  problems.push(...images.problems, ...invited.problems);
  const demoTopics = await countDemoTopics(db);
  if (demoTopics < DEMO_TOPICS.length)
    problems.push(`${DEMO_TOPICS.length - demoTopics} of ${DEMO_TOPICS.length} demo forum topics are missing`);
  const library = await checkDemoUseCases(db);
  const covers = await checkDemoCovers(db, storage);
  problems.push(...library.problems, ...covers.problems);

  const [
    categoryTotal,
    organizationTotal,
    userTotal,
    membershipTotal,
    accountTotal,
    fileTotal,
    invitationTotal,
    topicTotal,
    useCaseTotal,
    termTotal,
  ] = await Promise.all([
    countRows(db, forumCategories),
    countRows(db, organizations),
    countRows(db, users),
    countRows(db, memberships),
    countRows(db, accounts),
    countLiveFiles(db),
    countRows(db, invitations),
    countRows(db, forumTopics),
    countRows(db, useCases),
    countRows(db, useCaseTerms),
  ]);
  const tables: TableCount[] = [
    { table: 'forum_categories', rows: categoryTotal, demo: demoCategories, expected: DEMO_CATEGORIES.length },
    { table: 'organizations', rows: organizationTotal, demo: orgs.size, expected: DEMO_ORGANIZATION_COUNT },
    { table: 'users', rows: userTotal, demo: userRows.length, expected: DEMO_USERS.length },
    { table: 'memberships', rows: membershipTotal, demo: demoMemberships, expected: DEMO_USERS.length },
    { table: 'accounts', rows: accountTotal, demo: demoPasswords, expected: DEMO_USERS.length },
    {
      table: 'files',
      rows: fileTotal,
      demo: images.logos + images.avatars + covers.covers,
      expected: DEMO_ORGANIZATION_COUNT + DEMO_AVATAR_EMAILS.length + DEMO_COVER_TITLES.length,
    },
    {
      table: 'invitations',
      rows: invitationTotal,
      demo: INVITATION_STATUSES.reduce((sum, s) => sum + invited.byState[s].demo, 0),
      expected: DEMO_INVITATIONS.length,
    },
    { table: 'forum_topics', rows: topicTotal, demo: demoTopics, expected: DEMO_TOPICS.length },
    { table: 'use_cases', rows: useCaseTotal, demo: library.useCases, expected: DEMO_USE_CASES.length },
    { table: 'use_case_terms', rows: termTotal, demo: library.exactTerms, expected: DEMO_USE_CASE_TERMS.length },
  ];
  const checks: DemoCheck[] = [
    { label: 'organization logos', demo: images.logos, expected: DEMO_ORGANIZATION_COUNT },
    { label: 'user avatars', demo: images.avatars, expected: DEMO_AVATAR_EMAILS.length },
    ...INVITATION_STATUSES.map((state) => ({ label: `invitations ${state}`, ...invited.byState[state] })),
    { label: 'use case counters', demo: library.exactCounters, expected: DEMO_USE_CASES.length },
    { label: 'use case images', demo: covers.covers, expected: DEMO_COVER_TITLES.length },
  ];
  return { ok: problems.length === 0, tables, checks, problems };
}
