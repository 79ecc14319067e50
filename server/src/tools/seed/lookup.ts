import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, execute } from '../../platform/db.js';
import type { FileStorage, FilesContext } from '../../modules/files/index.js';
import { PLATFORM_ORGANIZATION_NAME } from '../create-admin/create-superadmin.js';
import { findOrganizationByName, memberships, organizations, type OrganizationRow } from '../../modules/organizations/index.js';
import { users } from '../../modules/users/index.js';
import { DEMO_ORGANIZATIONS, DEMO_PLATFORM_DOMAIN, PLATFORM_KEY, organizationWebsite } from './demo-data/organizations.js';
import { DEMO_USERS } from './demo-data/users.js';

export const DEMO_EMAILS: readonly string[] = DEMO_USERS.map((u) => u.email);
/** The demo users' ids, as a subquery. */
export const demoUserIds: SQL = sql`(select id from users where email in (${sql.join(
  DEMO_EMAILS.map((email) => sql`${email}`),
  sql`, `,
)}))`;
export const PLATFORM_DEMO_WEBSITE = organizationWebsite(DEMO_PLATFORM_DOMAIN);
/** Every organization the demo users belong to: the companies and "Platform". */
export const DEMO_ORGANIZATION_COUNT = DEMO_ORGANIZATIONS.length + 1;

export type ProgressListener = (event: { label: string; done: number; total: number }) => void;

export const noProgress: ProgressListener = () => undefined;

/** The files module's context for the seed: the given storage, clean-up failures collected as warnings. */
export function filesContext(db: Db, storage: FileStorage, warnings: string[]): FilesContext {
  return {
    db,
    storage,
    reportError: (error, message) => warnings.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  };
}

/**
 * Serialises seed, clear and verify runs against one database, so that two runs at once cannot both
 * decide a row is missing and insert it twice (organization names are not unique).
 */
export async function lockDemoData(tx: DbOrTx): Promise<void> {
  await execute(tx, sql`select pg_advisory_xact_lock(74202)`);
}

/**
 * The demo companies present in the database, by key. Names need not be unique, so a company is a
 * demo row only when both its name and its fictional `.example` website match: an organization that
 * someone signed up with the same name is not one. "Platform" is whichever organization has that
 * name, as create-admin finds it (it may predate the demo).
 */
export async function findDemoOrganizations(db: DbOrTx): Promise<Map<string, OrganizationRow>> {
  const found = new Map<string, OrganizationRow>();
  for (const { key, row } of await findDemoCompanyRows(db)) {
    if (!found.has(key)) found.set(key, row);
  }
  const platform = await findOrganizationByName(db, PLATFORM_ORGANIZATION_NAME);
  if (platform) found.set(PLATFORM_KEY, platform);
  return found;
}

/**
 * Every organization row the demo created, duplicates included: the companies, and "Platform" only
 * when it carries the demo's website (so a Platform organization made by create-admin is not one).
 */
export async function findDemoCreatedOrganizations(db: DbOrTx): Promise<Array<{ key: string; row: OrganizationRow }>> {
  const companies = await findDemoCompanyRows(db);
  const platforms = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.name, PLATFORM_ORGANIZATION_NAME), eq(organizations.website, PLATFORM_DEMO_WEBSITE)));
  return [...companies, ...platforms.map((row) => ({ key: PLATFORM_KEY, row }))];
}

async function findDemoCompanyRows(db: DbOrTx): Promise<Array<{ key: string; row: OrganizationRow }>> {
  const rows = await db
    .select()
    .from(organizations)
    .where(
      and(
        inArray(
          organizations.name,
          DEMO_ORGANIZATIONS.map((o) => o.name),
        ),
        inArray(
          organizations.website,
          DEMO_ORGANIZATIONS.map((o) => organizationWebsite(o.domain)),
        ),
      ),
    )
    .orderBy(organizations.createdAt, organizations.id);
  const result: Array<{ key: string; row: OrganizationRow }> = [];
  for (const row of rows) {
    const demo = DEMO_ORGANIZATIONS.find((o) => o.name === row.name && organizationWebsite(o.domain) === row.website);
    if (demo) result.push({ key: demo.key, row });
  }
  return result;
}

export function demoOrganizationName(key: string): string {
  if (key === PLATFORM_KEY) return PLATFORM_ORGANIZATION_NAME;
  return DEMO_ORGANIZATIONS.find((o) => o.key === key)?.name ?? key;
}

/** A demo user as the forum and the use cases refer to them: their organization and roles. */
export interface DemoPerson {
  id: string;
  email: string;
  organizationId: string;
  role: string;
  platformRole: string;
}

/** The demo users with their organization and roles, and a lookup by the local part of their email ("noura.alsubaie"). */
export async function loadDemoPeople(db: DbOrTx): Promise<{ people: DemoPerson[]; person: (localPart: string) => DemoPerson }> {
  const people = await db
    .select({
      id: users.id,
      email: users.email,
      platformRole: users.platformRole,
      organizationId: memberships.organizationId,
      role: memberships.role,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(inArray(users.email, [...DEMO_EMAILS]));
  const person = (localPart: string): DemoPerson => {
    const found = people.find((p) => p.email.startsWith(`${localPart}@`));
    if (!found) throw new Error(`The demo user ${localPart} is missing; seed the users first`);
    return found;
  };
  return { people, person };
}
