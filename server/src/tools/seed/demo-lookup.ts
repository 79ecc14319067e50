import { and, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, execute } from '../../platform/db.js';
import { PLATFORM_ORGANIZATION_NAME } from '../create-admin/create-superadmin.js';
import { findOrganizationByName, organizations, type OrganizationRow } from '../../modules/organizations/index.js';
import { DEMO_ORGANIZATIONS, DEMO_PLATFORM_DOMAIN, PLATFORM_KEY, organizationWebsite } from './demo-data.js';
import { DEMO_USERS } from './demo-users.js';

export const DEMO_EMAILS: readonly string[] = DEMO_USERS.map((u) => u.email);
export const PLATFORM_DEMO_WEBSITE = organizationWebsite(DEMO_PLATFORM_DOMAIN);
/** Every organization the demo users belong to: the companies and "Platform". */
export const DEMO_ORGANIZATION_COUNT = DEMO_ORGANIZATIONS.length + 1;

export type ProgressListener = (event: { label: string; done: number; total: number }) => void;

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
