import { INVITATION_DAYS } from '@p2p/contracts';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuperadmin } from '../../src/tools/create-admin/create-superadmin.js';
import { accounts } from '../../src/modules/auth/auth.tables.js';
import { forumCategories, forumPosts, forumTopics } from '../../src/modules/forum/forum.tables.js';
import { useCases } from '../../src/modules/use-cases/use-cases.tables.js';
import { queryRows } from '../../src/platform/db.js';
import { col, row } from '../../src/platform/rows.js';
import { sql } from 'drizzle-orm';
import { memberships, organizations } from '../../src/modules/organizations/organizations.tables.js';
import { LocalDiskStorage } from '../../src/modules/files/index.js';
import {
  DEMO_AVATAR_EMAILS,
  DEMO_CATEGORIES,
  DEMO_COVER_TITLES,
  DEMO_EMAILS,
  DEMO_INVITATIONS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_TOPICS,
  DEMO_USERS,
  DEMO_USE_CASES,
  clearDemo,
  seedDemo,
  verifyDemo,
} from '../../src/tools/seed/index.js';
import { users } from '../../src/modules/users/users.tables.js';
import { TestClient, signUp } from '../helpers/app.js';
import { countRows } from '../helpers/database.js';
import {
  files,
  forumPostLikes,
  forumTopicLikes,
  invitations,
  useCaseFiles,
  useCaseReports,
  useCaseTerms,
  useCaseVersions,
} from '../../src/platform/schema.js';
import { type FilesTestContext, createFilesTestApp, fileRow, filesOnDisk, liveFilesBytes, storageUsed } from '../files/helpers.js';

const ARABIC = /[\u0600-\u06FF]/;
/** Seeding or clearing the whole demo set takes seconds, many more on a busy machine. */
const SEED_TIMEOUT = 90_000;

let t: FilesTestContext;
let storage: LocalDiskStorage;
beforeAll(async () => {
  t = await createFilesTestApp();
  storage = new LocalDiskStorage(t.uploadsDir);
});
afterAll(() => t.close());

const rowCounts = () => countRows(t.database.db, { categories: forumCategories, organizations, users, memberships, accounts });

async function signInAs(email: string, password = DEMO_PASSWORD) {
  const client = new TestClient(t.app);
  const response = await client.post('/api/auth/sign-in/email', { email, password });
  return { client, response };
}

async function meOf(email: string) {
  const { client, response } = await signInAs(email);
  expect(response.statusCode, response.body).toBe(200);
  const me = await client.get('/api/v1/users/me');
  expect(me.statusCode, me.body).toBe(200);
  return me.json();
}

function demoUser(predicate: (u: (typeof DEMO_USERS)[number]) => boolean) {
  const user = DEMO_USERS.find(predicate);
  if (!user) throw new Error('no such demo user');
  return user;
}

describe('demo data', () => {
  it(
    'seeds 6 categories, the organizations and the users, each with one membership and a password',
    async () => {
      const report = await seedDemo(t.database.db, t.app.services.auth, storage);
      expect(report.created).toEqual({
        // The categories come with the migrations; the seed only restores a deleted one.
        categories: 0,
        organizations: DEMO_ORGANIZATIONS.length + 1,
        users: DEMO_USERS.length,
        logos: DEMO_ORGANIZATIONS.length + 1,
        avatars: DEMO_AVATAR_EMAILS.length,
        invitations: DEMO_INVITATIONS.length,
        forumTopics: DEMO_TOPICS.length,
        useCases: DEMO_USE_CASES.length,
        useCaseImages: DEMO_COVER_TITLES.length,
      });
      expect(report.warnings).toEqual([]);
      const db = t.database.db;

      const categories = await db.select().from(forumCategories).orderBy(forumCategories.position);
      expect(categories.map((c) => c.slug)).toEqual(['automation', 'quality', 'maintenance', 'ai', 'iot', 'general']);
      expect(categories.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6]);
      for (const c of categories) {
        expect(c.organizationId).toBeNull();
        expect(c.nameAr).toMatch(ARABIC);
        expect(c.descriptionAr).toMatch(ARABIC);
        expect(c.descriptionEn).toMatch(/^[A-Z].+\.$/);
      }

      const orgs = await db.select().from(organizations);
      const companies = orgs.filter((o) => o.name !== 'Platform');
      expect(orgs.filter((o) => o.name === 'Platform')).toHaveLength(1);
      expect(companies.length).toBeGreaterThanOrEqual(17);
      expect(new Set(companies.map((o) => o.industry)).size).toBeGreaterThanOrEqual(15);
      expect(new Set(companies.map((o) => o.region)).size).toBeGreaterThanOrEqual(6);
      expect(new Set(companies.map((o) => o.subscriptionTier))).toEqual(new Set(['trial', 'basic', 'professional', 'enterprise']));
      for (const o of companies) {
        expect(o.nameAr).toMatch(ARABIC);
        expect(o.website).toMatch(/^https:\/\/[a-z0-9-]+\.example$/);
        expect(o.contactEmail).toBe(`info@${o.website!.slice('https://'.length)}`);
        expect(o.contactPhone).toMatch(/^\+966 1[1-7] \d{3} \d{4}$/);
        expect(o.size).not.toBeNull();
        expect(o.city && o.region && o.description).toBeTruthy();
        if (o.subscriptionTier === 'trial') {
          const days = (o.trialEndsAt!.getTime() - Date.now()) / 86_400_000;
          expect(days).toBeGreaterThan(29.9);
          expect(days).toBeLessThanOrEqual(30);
        } else {
          expect(o.trialEndsAt).toBeNull();
        }
      }

      const people = await db.select().from(users);
      expect(people.length).toBeGreaterThanOrEqual(25);
      expect(people.filter((u) => u.platformRole === 'superadmin')).toHaveLength(1);
      expect(people.filter((u) => u.platformRole === 'moderator')).toHaveLength(1);
      expect(people.filter((u) => !u.emailVerified)).toHaveLength(1);
      expect(new Set(people.map((u) => u.language))).toEqual(new Set(['en', 'ar']));
      for (const u of people) {
        expect(u.name).toBe(`${u.firstName} ${u.lastName}`);
        expect(u.jobTitle && u.department && u.bio).toBeTruthy();
        expect(u.phone).toMatch(/^\+966 5\d \d{3} \d{4}$/);
      }

      const rows = await db.select().from(memberships);
      expect(rows).toHaveLength(people.length);
      expect(new Set(rows.map((m) => m.userId))).toEqual(new Set(people.map((u) => u.id)));
      const orgById = new Map(orgs.map((o) => [o.id, o]));
      for (const o of orgs)
        expect(
          rows.some((m) => m.organizationId === o.id && m.role === 'admin'),
          `${o.name} has an admin`,
        ).toBe(true);
      for (const u of people) {
        // Demo emails are lowercase and on their organization's fictional domain.
        const org = orgById.get(rows.find((m) => m.userId === u.id)!.organizationId)!;
        expect(u.email).toBe(u.email.toLowerCase());
        expect(`https://${u.email.split('@')[1]}`).toBe(org.name === 'Platform' ? 'https://p2p-sandbox.example' : org.website);
      }
      const superadmin = people.find((u) => u.platformRole === 'superadmin')!;
      expect(orgById.get(rows.find((m) => m.userId === superadmin.id)!.organizationId)!.name).toBe('Platform');

      const credentials = await db.select().from(accounts).where(eq(accounts.providerId, 'credential'));
      expect(new Set(credentials.map((a) => a.userId))).toEqual(new Set(people.map((u) => u.id)));
      expect(credentials.every((a) => a.accountId === a.userId)).toBe(true);
      // The password is hashed once and the hash reused.
      expect(new Set(credentials.map((a) => a.password)).size).toBe(1);
      expect(credentials[0]!.password).not.toContain(DEMO_PASSWORD);
    },
    SEED_TIMEOUT,
  );

  it('seeds forum topics in every category, in English and Arabic, threaded, with exact counters and solved topics', async () => {
    const db = t.database.db;
    const topics = await queryRows(
      db,
      row({ title: col.text, slug: col.text, best_post_id: col.textOrNull, pinned: col.boolean, locked: col.boolean }),
      sql`select t.title, c.slug, t.best_post_id, t.pinned, t.locked from forum_topics t join forum_categories c on c.id = t.category_id`,
    );
    expect(topics).toHaveLength(DEMO_TOPICS.length);
    expect(new Set(topics.map((topic) => topic.slug))).toEqual(new Set(['automation', 'quality', 'maintenance', 'ai', 'iot', 'general']));
    expect(topics.filter((topic) => /[\u0600-\u06FF]/.test(topic.title)).length).toBeGreaterThanOrEqual(4);
    expect(topics.filter((topic) => topic.best_post_id).length).toBeGreaterThanOrEqual(5);
    expect(topics.some((topic) => topic.pinned) && topics.some((topic) => topic.locked)).toBe(true);
    const [deepest] = await queryRows(db, row({ depth: col.integerOrNull }), sql`select max(depth) as depth from forum_posts`);
    expect(Number(deepest!.depth)).toBeGreaterThanOrEqual(2);
    const mismatched = await queryRows(
      db,
      row({ id: col.text }),
      sql`select t.id from forum_topics t where t.posts_count <> (select count(*) from forum_posts p where p.topic_id = t.id and p.deleted_at is null)
            or t.likes_count <> (select count(*) from forum_topic_likes l where l.topic_id = t.id)
          union all
          select p.id from forum_posts p where p.likes_count <> (select count(*) from forum_post_likes l where l.post_id = p.id)
            or p.replies_count <> (select count(*) from forum_posts c where c.parent_id = p.id)`,
    );
    expect(mismatched).toEqual([]);
    // A demo user reads a demo thread through the API, and finds it by an Arabic search.
    const { client } = await signInAs(DEMO_USERS[1]!.email, DEMO_PASSWORD);
    const found = (await client.get(`/api/v1/forum/search?q=${encodeURIComponent('الصيانه الوقائيه')}`)).json();
    expect(found.items[0].title.map((part: { text: string }) => part.text).join('')).toBe('جدول الصيانة الوقائية لمطاحن الأسمنت');
  });

  it('seeds exactly the rows the demo tables describe (counts and a sample of each kind, as before they became tables)', async () => {
    const db = t.database.db;
    // What the seed wrote on a fresh database before its data became one table per kind of row.
    expect(
      await countRows(db, {
        organizations,
        users,
        memberships,
        accounts,
        invitations,
        files,
        forumTopics,
        forumPosts,
        forumTopicLikes,
        forumPostLikes,
        useCases,
        useCaseVersions,
        useCaseReports,
        useCaseTerms,
        useCaseFiles,
      }),
    ).toEqual({
      organizations: 19,
      users: 34,
      memberships: 34,
      accounts: 34,
      invitations: 12,
      files: 40,
      forumTopics: 12,
      forumPosts: 32,
      forumTopicLikes: 20,
      forumPostLikes: 14,
      useCases: 22,
      useCaseVersions: 5,
      useCaseReports: 2,
      useCaseTerms: 67,
      useCaseFiles: 4,
    });
    const daysAgo = (at: Date | string | null) => Math.round((Date.now() - new Date(at!).getTime()) / 86_400_000);

    const [platform] = await db.select().from(organizations).where(eq(organizations.name, 'Platform'));
    expect(platform).toMatchObject({
      nameAr: 'المنصة',
      industry: null,
      size: null,
      city: 'Riyadh',
      region: 'Riyadh',
      website: 'https://p2p-sandbox.example',
      contactEmail: 'support@p2p-sandbox.example',
      contactPhone: null,
      description: 'The team that runs P2P Sandbox.',
      subscriptionTier: 'enterprise',
      trialEndsAt: null,
    });
    const [circuits] = await db.select().from(organizations).where(eq(organizations.name, 'Smart Circuits Arabia'));
    expect(circuits).toMatchObject({
      nameAr: 'شركة الدوائر الذكية العربية',
      industry: 'electronics',
      size: '11-50',
      city: 'KAEC',
      region: 'Makkah',
      website: 'https://smartcircuits-arabia.example',
      contactEmail: 'info@smartcircuits-arabia.example',
      contactPhone: '+966 12 510 3370',
      description: 'A young company assembling printed circuit boards, sensors and controllers in King Abdullah Economic City.',
      subscriptionTier: 'trial',
    });

    const [razan] = await db.select().from(users).where(eq(users.email, 'razan.alharbi@madinah-packaging.example'));
    expect(razan).toMatchObject({
      name: 'Razan Al-Harbi',
      emailVerified: false,
      jobTitle: 'Production Planner',
      department: 'Planning',
      phone: '+966 56 904 1187',
      bio: 'Plans the corrugator and converting schedules; new to the platform.',
      language: 'en',
      platformRole: 'member',
    });
    const [tariq] = await db.select().from(users).where(eq(users.email, 'admin@p2p-sandbox.example'));
    expect(tariq).toMatchObject({ name: 'Tariq Al-Harthi', emailVerified: true, platformRole: 'superadmin', language: 'en' });

    const [cancelled] = await db.select().from(invitations).where(eq(invitations.email, 'salman.alshamrani@najd-steel.example'));
    expect(cancelled).toMatchObject({ role: 'admin', language: 'ar', status: 'cancelled', sendCount: 1, acceptedUserId: null });
    expect(cancelled!.message).toBe('سلمان، أرجو أن تتولى إدارة حساب المنظمة معي خلال فترة التوسعة.');
    expect(daysAgo(cancelled!.createdAt)).toBe(9);
    expect(cancelled!.cancelledAt!.getTime() - cancelled!.createdAt.getTime()).toBe(86_400_000);
    expect(cancelled!.expiresAt.getTime() - cancelled!.createdAt.getTime()).toBe(INVITATION_DAYS * 86_400_000);

    // A thread three levels deep: replies 47 minutes apart, depth first; the best answer and the last poster.
    const [bearings] = await db
      .select()
      .from(forumTopics)
      .where(eq(forumTopics.title, 'Bearing failures on the rolling-mill cooling pumps every 3 months'));
    expect(bearings).toMatchObject({ viewsCount: 238, likesCount: 3, postsCount: 5, pinned: false, locked: false });
    expect(daysAgo(bearings!.createdAt)).toBe(21);
    const thread = await queryRows(
      db,
      row({ email: col.text, depth: col.integer, likes_count: col.integer, replies_count: col.integer, minutes: col.numeric }),
      sql`select u.email, p.depth, p.likes_count, p.replies_count, extract(epoch from p.created_at - t.created_at) / 60 as minutes
          from forum_posts p join users u on u.id = p.author_id join forum_topics t on t.id = p.topic_id
          where p.topic_id = ${bearings!.id} order by p.created_at`,
    );
    expect(thread.map((p) => [p.email.split('@')[0], p.depth, p.likes_count, p.replies_count, Number(p.minutes)])).toEqual([
      ['abdullah.alhajri', 0, 3, 2, 47],
      ['khalid.alqahtani', 1, 0, 1, 94],
      ['abdullah.alhajri', 2, 0, 0, 141],
      ['turki.almutairi', 1, 0, 0, 188],
      ['hussain.alnasser', 0, 1, 0, 235],
    ]);
    const [best] = await db.select({ authorId: forumPosts.authorId }).from(forumPosts).where(eq(forumPosts.id, bearings!.bestPostId!));
    const [hussain] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'hussain.alnasser@dhahran-electrical.example'));
    expect(bearings!.lastPosterId).toBe(hussain!.id);
    expect(best!.authorId).not.toBe(hussain!.id);

    // The draft, the archived case and a case edited twice.
    const cases = await db.select().from(useCases);
    const byTitle = (title: string) => cases.find((c) => c.title === title)!;
    const draft = byTitle('Cutting corrugator waste with automatic splice and warp control');
    expect(draft).toMatchObject({
      status: 'draft',
      visibility: 'public',
      publishedAt: null,
      version: 1,
      viewsCount: 0,
      likesCount: 0,
      savesCount: 0,
      extraOutcomes: [],
      roiPercent: 251,
      energySavingsPercent: null,
      city: 'madinah',
      country: 'SA',
      implementationMonths: 4,
    });
    expect(daysAgo(draft.createdAt)).toBe(6 + 9);
    const archived = byTitle('Drone surveys of quarry stockpiles');
    expect(archived).toMatchObject({ status: 'archived', version: 1, featured: false, verified: false });
    expect([daysAgo(archived.publishedAt), daysAgo(archived.updatedAt)]).toEqual([300, 70]);
    const furnace = byTitle('Machine learning cuts electric arc furnace energy by 9%');
    expect(furnace).toMatchObject({ version: 3, featured: true, verified: true, annualSavingsSar: 4_600_000 });
    const versions = await db
      .select({ version: useCaseVersions.version, createdAt: useCaseVersions.createdAt })
      .from(useCaseVersions)
      .where(eq(useCaseVersions.useCaseId, furnace.id))
      .orderBy(useCaseVersions.version);
    expect(versions.map((v) => [v.version, daysAgo(v.createdAt)])).toEqual([
      [2, 480 - 40],
      [3, 480 - 130],
    ]);
    expect(daysAgo(furnace.updatedAt)).toBe(480 - 130);
  });

  it(
    'adds nothing when it runs again',
    async () => {
      const before = await rowCounts();
      const report = await seedDemo(t.database.db, t.app.services.auth, storage);
      expect(report.created).toEqual({
        categories: 0,
        organizations: 0,
        users: 0,
        logos: 0,
        avatars: 0,
        invitations: 0,
        forumTopics: 0,
        useCases: 0,
        useCaseImages: 0,
      });
      expect(report.existing).toMatchObject({
        logos: DEMO_ORGANIZATIONS.length + 1,
        avatars: DEMO_AVATAR_EMAILS.length,
        invitations: DEMO_INVITATIONS.length,
      });
      expect(report.repaired).toBe(0);
      expect(await rowCounts()).toEqual(before);
    },
    SEED_TIMEOUT,
  );

  it('lets demo users sign in with the documented password, with their organization and role', async () => {
    const admin = demoUser((u) => u.organization === 'jubail-polymers' && u.role === 'admin');
    const adminMe = await meOf(admin.email);
    expect(adminMe).toMatchObject({
      email: admin.email,
      orgRole: 'admin',
      platformRole: 'member',
      emailVerified: true,
      verificationDeadline: null,
    });
    expect(adminMe.organization).toMatchObject({
      name: 'Jubail Polymers',
      nameAr: 'شركة الجبيل للبوليمرات',
      industry: 'plastics_rubber',
      subscriptionTier: 'professional',
    });

    const member = demoUser((u) => u.organization === 'jubail-polymers' && u.role === 'member');
    expect(await meOf(member.email)).toMatchObject({ orgRole: 'member', organization: { name: 'Jubail Polymers' } });

    const arabic = demoUser((u) => u.organization === 'najd-steel' && u.role === 'admin');
    expect(await meOf(arabic.email)).toMatchObject({
      language: 'ar',
      organization: { name: 'Najd Steel Works', subscriptionTier: 'enterprise' },
    });

    const superadmin = await meOf('admin@p2p-sandbox.example');
    expect(superadmin).toMatchObject({ platformRole: 'superadmin', orgRole: 'admin', organization: { name: 'Platform' } });

    const moderator = demoUser((u) => u.platformRole === 'moderator');
    expect(await meOf(moderator.email)).toMatchObject({ platformRole: 'moderator', orgRole: 'member' });

    const unverified = demoUser((u) => u.emailVerified === false);
    const unverifiedMe = await meOf(unverified.email);
    expect(unverifiedMe.emailVerified).toBe(false);
    expect(unverifiedMe.verificationDeadline).not.toBeNull();

    expect((await signInAs(admin.email, 'Not-The-Demo-Password')).response.statusCode).toBe(401);
  });

  it(
    'verifies the set, reports what is missing after rows are deleted, and a new seed puts it back',
    async () => {
      const good = await verifyDemo(t.database.db, storage);
      expect(good.problems).toEqual([]);
      expect(good.ok).toBe(true);
      expect(good.tables.map((r) => r.table)).toEqual([
        'forum_categories',
        'organizations',
        'users',
        'memberships',
        'accounts',
        'files',
        'invitations',
        'forum_topics',
        'use_cases',
        'use_case_terms',
      ]);
      for (const row of good.tables) expect(row.demo).toBe(row.expected);
      for (const row of good.checks) expect(row.demo, row.label).toBe(row.expected);

      const db = t.database.db;
      const member = demoUser((u) => u.organization === 'jubail-polymers' && u.role === 'member');
      const gone = demoUser((u) => u.organization === 'aja-cement' && u.role === 'member');
      const [memberRow] = await db.select({ id: users.id }).from(users).where(eq(users.email, member.email));
      // The iot category goes with its demo topics; the user who goes takes their forum replies along.
      const [iot] = await db.select({ id: forumCategories.id }).from(forumCategories).where(eq(forumCategories.slug, 'iot'));
      const iotTopics = await db.delete(forumTopics).where(eq(forumTopics.categoryId, iot!.id)).returning({ id: forumTopics.id });
      expect(iotTopics.length).toBe(DEMO_TOPICS.filter((topic) => topic.category === 'iot').length);
      await db.delete(forumCategories).where(eq(forumCategories.slug, 'iot'));
      await db.delete(memberships).where(eq(memberships.userId, memberRow!.id));
      const [goneRow] = await db.select({ id: users.id }).from(users).where(eq(users.email, gone.email));
      await db.delete(forumPosts).where(eq(forumPosts.authorId, goneRow!.id));
      // The user's own use cases go first (a case keeps its author); their likes and bookmarks elsewhere go with them.
      const goneCases = await db.delete(useCases).where(eq(useCases.authorId, goneRow!.id)).returning({ id: useCases.id });
      expect(goneCases.length).toBe(DEMO_USE_CASES.filter((c) => gone.email.startsWith(`${c.by}@`)).length);
      const engagedBefore = await queryRows(
        db,
        row({ use_case_id: col.text }),
        sql`select use_case_id from use_case_likes where user_id = ${goneRow!.id} union select use_case_id from use_case_saves where user_id = ${goneRow!.id}`,
      );
      expect(engagedBefore.length).toBeGreaterThan(0);
      await db.delete(users).where(eq(users.email, gone.email));

      const bad = await verifyDemo(db);
      expect(bad.ok).toBe(false);
      const [listed, drifted] = [bad.problems.slice(0, 5), bad.problems.slice(5)];
      expect([...listed].sort()).toEqual(
        [
          'forum category "iot" is missing',
          `user ${member.email} has no membership`,
          `user ${gone.email} is missing`,
          `${iotTopics.length} of ${DEMO_TOPICS.length} demo forum topics are missing`,
          `${goneCases.length} of ${DEMO_USE_CASES.length} demo use cases are missing`,
        ].sort(),
      );
      // Besides those: the counters of the cases the user liked or bookmarked, and the terms only the removed case used.
      expect(drifted.filter((p) => p.startsWith('use case "'))).toHaveLength(engagedBefore.length);
      expect(drifted.filter((p) => p.startsWith('the ')).length).toBeGreaterThan(0);
      for (const problem of drifted)
        expect(problem).toMatch(
          /^use case ".+" counts .+ likes \/ saves \/ views, but has|^the (technology|tag) ".+" has uses_count \d+, but \d+ cases use it$/,
        );
      expect(bad.tables.find((r) => r.table === 'forum_categories')).toMatchObject({ demo: 5, expected: 6 });
      expect(bad.tables.find((r) => r.table === 'memberships')).toMatchObject({ demo: DEMO_USERS.length - 2 });

      const repair = await seedDemo(db, t.app.services.auth, storage);
      expect(repair.created).toEqual({
        categories: 1,
        organizations: 0,
        users: 1,
        logos: 0,
        avatars: DEMO_AVATAR_EMAILS.includes(gone.email) ? 1 : 0,
        invitations: 0,
        forumTopics: iotTopics.length,
        useCases: goneCases.length,
        useCaseImages: 0,
      });
      // The membership, and the counters of the cases the removed user had liked or bookmarked.
      expect(repair.repaired).toBe(1 + engagedBefore.length);
      expect((await verifyDemo(db, storage)).ok).toBe(true);
    },
    SEED_TIMEOUT,
  );

  it(
    'clear removes the demo rows and leaves everyone else alone',
    async () => {
      const db = t.database.db;
      // Someone who signed up with the same company name as a demo organization.
      const outsider = await signUp(t.app, { organizationName: 'Jubail Polymers' });
      expect(outsider.response.statusCode).toBe(200);
      // Someone who (as if invited) belongs to a demo organization.
      const guest = await signUp(t.app, { organizationName: 'Temporary Co' });
      const guestId = (await guest.client.get('/api/v1/users/me')).json().id as string;
      const [aja] = await db.select().from(organizations).where(eq(organizations.name, 'Aja Cement Company'));
      await db.update(memberships).set({ organizationId: aja!.id, role: 'member' }).where(eq(memberships.userId, guestId));
      // A real superadmin made by create-admin joins the demo's Platform organization.
      const root = await createSuperadmin(db, t.app.services.auth, { email: 'root@example.com', password: 'Platform-Keeper-2026' });
      // Someone outside the demo writes in the forum, including under a demo topic.
      const outsiderTopic = await outsider.client.post('/api/v1/forum/topics', {
        categoryId: (await db.select().from(forumCategories).where(eq(forumCategories.slug, 'general')))[0]!.id,
        title: 'An outsider topic that stays',
        body: 'Kept after clear.',
      });
      expect(outsiderTopic.statusCode).toBe(201);
      const demoTopic = (await outsider.client.get('/api/v1/forum/topics?pageSize=100'))
        .json()
        .items.find((i: { title: string }) => i.title === DEMO_TOPICS[1]!.title);
      expect(
        (await outsider.client.post(`/api/v1/forum/topics/${demoTopic.id}/posts`, { body: 'Goes with the demo topic' })).statusCode,
      ).toBe(201);
      const before = await rowCounts();

      const report = await clearDemo(db, storage);
      expect(report.users).toBe(DEMO_USERS.length);
      expect(report.invitations).toBe(DEMO_INVITATIONS.length);
      expect(report.warnings).toEqual([]);
      expect(report.forumTopics).toBe(DEMO_TOPICS.length);
      expect(report.useCases).toBe(DEMO_USE_CASES.length);
      expect(await db.select().from(useCases)).toEqual([]);
      expect([...report.keptOrganizations].sort()).toEqual(['Aja Cement Company', 'Platform']);
      expect(report.organizations).toBe(DEMO_ORGANIZATIONS.length - 1);

      expect(
        await db
          .select()
          .from(users)
          .where(inArray(users.email, [...DEMO_EMAILS])),
      ).toEqual([]);
      // The categories are the platform's, not the demo's: they stay.
      expect((await db.select().from(forumCategories)).map((c) => c.slug).sort()).toEqual(DEMO_CATEGORIES.map((c) => c.slug).sort());
      expect((await db.select({ title: forumTopics.title }).from(forumTopics)).map((row) => row.title)).toEqual([
        'An outsider topic that stays',
      ]);
      expect(await rowCounts()).toEqual({
        categories: DEMO_CATEGORIES.length,
        organizations: before.organizations - (DEMO_ORGANIZATIONS.length - 1),
        users: before.users - DEMO_USERS.length,
        memberships: before.memberships - DEMO_USERS.length,
        accounts: before.accounts - DEMO_USERS.length,
      });
      const jubail = await db.select().from(organizations).where(eq(organizations.name, 'Jubail Polymers'));
      expect(jubail).toHaveLength(1);
      expect(jubail[0]!.website).toBeNull();

      // The others still sign in, in their own organizations.
      const outsiderMe = await (await signInAs(outsider.email, outsider.password)).client.get('/api/v1/users/me');
      expect(outsiderMe.json()).toMatchObject({ orgRole: 'admin', organization: { id: jubail[0]!.id } });
      const guestMe = await (await signInAs(guest.email, guest.password)).client.get('/api/v1/users/me');
      expect(guestMe.json()).toMatchObject({ orgRole: 'member', organization: { id: aja!.id } });
      const rootMe = await (await signInAs('root@example.com', 'Platform-Keeper-2026')).client.get('/api/v1/users/me');
      expect(rootMe.json()).toMatchObject({ id: root.userId, platformRole: 'superadmin', organization: { name: 'Platform' } });

      expect((await verifyDemo(db, storage)).ok).toBe(false);

      // Seeding again reuses the organizations that were kept instead of making second copies.
      await seedDemo(db, t.app.services.auth, storage);
      expect((await verifyDemo(db, storage)).ok).toBe(true);
      expect(await db.select().from(organizations).where(eq(organizations.name, 'Aja Cement Company'))).toHaveLength(1);
      expect(await db.select().from(organizations).where(eq(organizations.name, 'Platform'))).toHaveLength(1);
    },
    SEED_TIMEOUT,
  );
});

describe('demo data with a Platform organization made by create-admin', () => {
  let own: FilesTestContext;
  beforeAll(async () => {
    own = await createFilesTestApp();
  });
  afterAll(() => own.close());

  it(
    'puts the demo superadmin in it and never removes it',
    async () => {
      const db = own.database.db;
      await createSuperadmin(db, own.app.services.auth, { email: 'owner@example.com', password: 'Platform-Keeper-2026' });
      const [platform] = await db.select().from(organizations).where(eq(organizations.name, 'Platform'));

      const ownStorage = new LocalDiskStorage(own.uploadsDir);
      const report = await seedDemo(db, own.app.services.auth, ownStorage);
      expect(report.created.organizations).toBe(DEMO_ORGANIZATIONS.length);
      expect(await db.select().from(organizations).where(eq(organizations.name, 'Platform'))).toHaveLength(1);
      const [demoAdmin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@p2p-sandbox.example'));
      const [membership] = await db.select().from(memberships).where(eq(memberships.userId, demoAdmin!.id));
      expect(membership).toMatchObject({ organizationId: platform!.id, role: 'admin' });
      expect((await verifyDemo(db, ownStorage)).ok).toBe(true);

      const cleared = await clearDemo(db, ownStorage);
      expect(cleared.organizations).toBe(DEMO_ORGANIZATIONS.length);
      expect(cleared.keptOrganizations).toEqual([]);
      const after = await db.select().from(organizations);
      expect(after.map((o) => o.id)).toEqual([platform!.id]);
      expect(await db.select({ email: users.email }).from(users)).toEqual([{ email: 'owner@example.com' }]);
      // It keeps the logo the seed gave it (its files are its own); every other demo file is gone with its bytes.
      const logoId = after[0]!.logoFileId;
      expect(logoId).not.toBeNull();
      const logo = await fileRow(own, logoId!);
      expect(logo.deletedAt).toBeNull();
      expect(filesOnDisk(own)).toEqual([logo.storageKey]);
      expect(await storageUsed(own, platform!.id)).toBe(logo.sizeBytes);
      expect(await liveFilesBytes(own, platform!.id)).toBe(logo.sizeBytes);
    },
    SEED_TIMEOUT,
  );
});
