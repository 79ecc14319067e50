import { SAUDI_PLACES, USE_CASE_CATEGORIES, INDUSTRIES } from '@p2p/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage, files } from '../../src/modules/files/index.js';
import {
  COVER_HEIGHT,
  COVER_WIDTH,
  DEMO_COVER_TITLES,
  DEMO_PASSWORD,
  DEMO_USERS,
  DEMO_USE_CASES,
  DEMO_USE_CASE_TERMS,
  clearDemo,
  seedDemo,
  verifyDemo,
} from '../../src/tools/seed/index.js';
import {
  useCaseFiles,
  useCaseLikes,
  useCaseReports,
  useCaseSaves,
  useCaseTerms,
  useCaseVersions,
  useCaseViewers,
  useCaseViews,
  useCases,
} from '../../src/modules/use-cases/use-cases.tables.js';
import { execute, queryRows } from '../../src/platform/db.js';
import { col, row } from '../../src/platform/rows.js';
import { memberships } from '../../src/modules/organizations/index.js';
import { TestClient, signUp } from '../helpers/app.js';
import { countRows } from '../helpers/database.js';
import { type FilesTestContext, createFilesTestApp, fileRow, hasBytes, liveFilesBytes, storageUsed } from '../files/helpers.js';

const ARABIC = /[\u0600-\u06FF]/;
const DAY = 86_400_000;
/** Seeding or clearing the whole demo set takes seconds, many more on a busy machine. */
const SEED_TIMEOUT = 90_000;

let t: FilesTestContext;
let storage: LocalDiskStorage;
const db = () => t.database.db;
beforeAll(async () => {
  t = await createFilesTestApp();
  storage = new LocalDiskStorage(t.uploadsDir);
  await seedDemo(db(), t.app.services.auth, storage);
}, SEED_TIMEOUT);
afterAll(() => t.close());

const libraryCounts = () =>
  countRows(db(), {
    useCases,
    useCaseVersions,
    useCaseLikes,
    useCaseSaves,
    useCaseViews,
    useCaseReports,
    useCaseTerms,
    useCaseFiles,
    useCaseViewers,
    files,
  });

/** Cases whose likes, saves or views counters differ from their rows. */
const counterMismatches = () =>
  queryRows(
    db(),
    row({ title: col.text }),
    sql`select c.title from use_cases c
        where c.likes_count <> (select count(*) from use_case_likes l where l.use_case_id = c.id)
           or c.saves_count <> (select count(*) from use_case_saves s where s.use_case_id = c.id)
           or c.views_count <> (select count(*) from use_case_views v where v.use_case_id = c.id)`,
  );

/**
 * Terms whose uses_count differs from the live cases listing them, or whose key is not the name folded
 * the way search folds it (p2p_fold_arabic) and lower-cased.
 */
const termMismatches = () =>
  queryRows(
    db(),
    row({ kind: col.text, name: col.text, uses_count: col.integer }),
    sql`select t.kind, t.name, t.uses_count from use_case_terms t
        where t.normalized <> lower(p2p_fold_arabic(t.name))
           or t.uses_count <> (select count(*) from use_cases c where c.deleted_at is null
                and t.name = any(case when t.kind = 'technology' then c.technologies else c.tags end))`,
  );

describe('demo use cases', () => {
  it('cover the industries, categories and places of the Kingdom, in English and Arabic, in every state', async () => {
    const rows = await db().select().from(useCases);
    expect(rows.length).toBe(DEMO_USE_CASES.length);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.map((r) => r.category)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.industry)).size).toBeGreaterThanOrEqual(12);
    for (const r of rows) {
      expect(USE_CASE_CATEGORIES).toContain(r.category);
      expect(INDUSTRIES).toContain(r.industry);
      const place = SAUDI_PLACES.find((p) => p.slug === r.city)!;
      expect(place, r.city ?? 'no city').toBeDefined();
      expect({ region: r.region, latitude: r.latitude, longitude: r.longitude, country: r.country }).toEqual({
        region: place.region,
        latitude: place.latitude,
        longitude: place.longitude,
        country: 'SA',
      });
    }
    const cities = rows.map((r) => r.city!);
    expect(rows.filter((r) => r.region === 'eastern').length).toBeGreaterThanOrEqual(5);
    for (const city of ['jubail', 'dammam', 'khobar', 'riyadh', 'jeddah', 'yanbu', 'kaec'])
      expect(
        cities.some((c) => c.startsWith(city)),
        city,
      ).toBe(true);

    // Arabic: an Arabic title and summary, or an English title with an Arabic one beside it.
    const arabicTitled = rows.filter((r) => ARABIC.test(r.title) && ARABIC.test(r.summary));
    const bilingual = rows.filter(
      (r) => !ARABIC.test(r.title) && r.titleAr && ARABIC.test(r.titleAr) && r.summaryAr && ARABIC.test(r.summaryAr),
    );
    expect(arabicTitled.length).toBeGreaterThanOrEqual(5);
    expect(bilingual.length).toBeGreaterThanOrEqual(3);
    for (const r of arabicTitled) expect(r.titleAr).toBeNull();

    const published = rows.filter((r) => r.status === 'published');
    expect(rows.filter((r) => r.status === 'draft')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'archived')).toHaveLength(1);
    expect(rows.find((r) => r.status === 'draft')!.publishedAt).toBeNull();
    expect(published.filter((r) => r.visibility === 'public').length / rows.length).toBeGreaterThan(0.7);
    expect(rows.filter((r) => r.visibility === 'organization').length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.visibility === 'private')).toHaveLength(1);
    expect(published.filter((r) => r.featured && r.visibility === 'public').length).toBeGreaterThanOrEqual(3);
    expect(published.filter((r) => r.verified && r.visibility === 'public').length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.featured && !r.verified) && rows.some((r) => r.verified && !r.featured)).toBe(true);
    const years = new Set(published.map((r) => r.publishedAt!.getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(2);
    const ages = published.map((r) => (Date.now() - r.publishedAt!.getTime()) / DAY);
    expect(Math.max(...ages)).toBeGreaterThan(450);
    expect(Math.max(...ages)).toBeLessThan(560);
    expect(Math.min(...ages)).toBeLessThan(30);

    // Every case belongs to its author's organization.
    const owners = await queryRows(
      db(),
      row({ id: col.text }),
      sql`select c.id from use_cases c join memberships m on m.user_id = c.author_id where m.organization_id <> c.organization_id`,
    );
    expect(owners).toEqual([]);
  });

  it('have Markdown sections rendered to HTML and measured outcomes that add up', async () => {
    for (const r of await db().select().from(useCases)) {
      for (const [source, html] of [
        [r.challenge, r.challengeHtml],
        [r.solution, r.solutionHtml],
        [r.results, r.resultsHtml],
      ] as const) {
        expect(source.length).toBeGreaterThan(40);
        expect(html).toMatch(/^<(p|ul|ol)>/);
      }
      if (r.status !== 'draft') {
        // Several paragraphs and lists across the three sections.
        expect([r.challenge, r.solution, r.results].join('\n\n').split(/\n\n/).length, r.title).toBeGreaterThanOrEqual(5);
        expect(`${r.challengeHtml}${r.solutionHtml}${r.resultsHtml}`, r.title).toContain('<li>');
        expect(`${r.challenge}${r.results}`, r.title).toMatch(/[\d\u0660-\u0669]/);
      }
      // Payback is the investment over the yearly savings; ROI is the three-year return.
      const { investmentSar: invest, annualSavingsSar: savings } = r;
      expect(invest && savings, r.title).toBeTruthy();
      expect(Math.abs(r.paybackMonths! - (invest! / savings!) * 12), r.title).toBeLessThan(0.1);
      expect(Math.abs(r.roiPercent! - ((3 * savings! - invest!) / invest!) * 100), r.title).toBeLessThan(1);
      expect(r.implementationMonths).toBeGreaterThan(0);
      expect(r.vendors.length).toBeGreaterThan(0);
      expect(r.technologies.length).toBeGreaterThan(0);
      for (const extra of r.extraOutcomes)
        expect(extra).toEqual({ label: expect.any(String), value: expect.any(Number), unit: expect.any(String) });
    }
    expect((await db().select().from(useCases)).filter((r) => r.extraOutcomes.length > 1).length).toBeGreaterThanOrEqual(3);
  });

  it('keep a vocabulary of technologies and tags with exact uses counts, Arabic terms folded', async () => {
    const terms = await db().select().from(useCaseTerms);
    expect(terms).toHaveLength(DEMO_USE_CASE_TERMS.length);
    expect(await termMismatches()).toEqual([]);
    const byName = new Map(terms.map((term) => [`${term.kind}:${term.name}`, term]));
    const plc = byName.get('technology:PLC')!;
    expect(plc).toMatchObject({ normalized: 'plc' });
    expect(plc.usesCount).toBe((await db().select().from(useCases)).filter((r) => r.technologies.includes('PLC')).length);
    expect(plc.usesCount).toBeGreaterThanOrEqual(5);
    // أ, ؤ and the taa marbuta are folded the way search folds them.
    const arabic = byName.get('tag:الصيانة التنبؤية')!;
    expect(arabic.normalized).toBe('الصيانة التنبوية');
    expect(arabic.usesCount).toBe(1);
    expect(terms.filter((term) => term.usesCount > 1).length).toBeGreaterThanOrEqual(10);
  });

  it('have counted views spread over 30 days and hours from many organizations, likes, bookmarks and counters equal to rows', async () => {
    expect(await counterMismatches()).toEqual([]);
    const rows = await db().select().from(useCases);
    expect(rows.filter((r) => r.likesCount > 0 && r.savesCount > 0 && r.viewsCount > 0).length).toBe(rows.length - 1);
    expect(rows.find((r) => r.status === 'draft')).toMatchObject({ viewsCount: 0, likesCount: 0, savesCount: 0 });

    const views = await queryRows(
      db(),
      row({ use_case_id: col.text, user_id: col.text, organization_id: col.text, viewed_at: col.timestamp, member_of: col.text }),
      sql`select v.use_case_id, v.user_id, v.organization_id, v.viewed_at, m.organization_id as member_of
          from use_case_views v join memberships m on m.user_id = v.user_id`,
    );
    expect(views.length).toBe(rows.reduce((sum, r) => sum + r.viewsCount, 0));
    expect(views.every((v) => v.organization_id === v.member_of)).toBe(true);
    const hour = (v: { viewed_at: Date | string }) => Math.floor(new Date(v.viewed_at).getTime() / 3_600_000);
    expect(new Set(views.map((v) => `${v.use_case_id}/${v.user_id}/${hour(v)}`)).size).toBe(views.length);
    // Each viewer's last counted view is recorded, so opening the case again within the hour does not count.
    const lastViews = await queryRows(
      db(),
      row({ use_case_id: col.text, user_id: col.text, viewed_at: col.timestamp }),
      sql`select use_case_id, user_id, max(viewed_at) as viewed_at from use_case_views group by 1, 2
          except select use_case_id, user_id, viewed_at from use_case_viewers`,
    );
    expect(lastViews).toEqual([]);
    expect(await countRows(db(), { useCaseViewers })).toEqual({
      useCaseViewers: new Set(views.map((v) => `${v.use_case_id}/${v.user_id}`)).size,
    });
    const live = views.filter((v) => rows.find((r) => r.id === v.use_case_id)!.status === 'published');
    for (const v of live) expect(Date.now() - new Date(v.viewed_at).getTime()).toBeLessThan(30 * DAY);
    const busiest = rows.filter((r) => r.status === 'published').sort((a, b) => b.viewsCount - a.viewsCount)[0]!;
    const its = views.filter((v) => v.use_case_id === busiest.id);
    expect(new Set(its.map((v) => new Date(v.viewed_at).toISOString().slice(0, 10))).size).toBeGreaterThanOrEqual(15);
    expect(new Set(its.map((v) => (new Date(v.viewed_at).getUTCHours() + 3) % 24)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(its.map((v) => v.organization_id)).size).toBeGreaterThanOrEqual(10);

    // Nobody engages with their own case, and only people who may see a case engage with it.
    const outsiders = await queryRows(
      db(),
      row({ use_case_id: col.text }),
      sql`select e.use_case_id from (
            select use_case_id, user_id from use_case_views union all select use_case_id, user_id from use_case_likes
            union all select use_case_id, user_id from use_case_saves) e
          join use_cases c on c.id = e.use_case_id
          join users u on u.id = e.user_id
          join memberships m on m.user_id = e.user_id
          where e.user_id = c.author_id
             or (c.visibility <> 'public' and u.platform_role <> 'moderator'
                 and (m.organization_id <> c.organization_id or (c.visibility = 'private' and m.role <> 'admin')))`,
    );
    expect(outsiders).toEqual([]);
  });

  it('have versions for edited cases, the last change of each field matching the case', async () => {
    const rows = await db().select().from(useCases);
    const versions = await db().select().from(useCaseVersions);
    const edited = rows.filter((r) => r.version > 1);
    expect(edited.length).toBeGreaterThanOrEqual(3);
    expect(edited.some((r) => r.version === 3)).toBe(true);
    for (const r of rows) {
      const own = versions.filter((v) => v.useCaseId === r.id).sort((a, b) => a.version - b.version);
      expect(own.map((v) => v.version)).toEqual(Array.from({ length: r.version - 1 }, (_, i) => i + 2));
      const latest = new Map<string, unknown>();
      for (const v of own) {
        expect(v.editorId).not.toBeNull();
        expect(v.createdAt.getTime()).toBeGreaterThan(r.publishedAt!.getTime());
        expect(v.changes.length).toBeGreaterThan(0);
        for (const change of v.changes) latest.set(change.field, change.after);
      }
      for (const [field, after] of latest) expect(r[field as keyof typeof r], `${r.title} ${field}`).toEqual(after);
    }
  });

  it('have an open report and a dismissed one with the moderator\u2019s note', async () => {
    const reports = await db().select().from(useCaseReports);
    expect(reports.map((r) => r.status).sort()).toEqual(['dismissed', 'open']);
    const dismissed = reports.find((r) => r.status === 'dismissed')!;
    expect(dismissed.resolution).toMatch(/guidelines/);
    expect(dismissed.resolvedById && dismissed.resolvedAt).toBeTruthy();
    const open = reports.find((r) => r.status === 'open')!;
    expect([open.resolution, open.resolvedById, open.resolvedAt]).toEqual([null, null, null]);
  });

  it('give a few published public cases a cover image, stored as an upload of their organization by their author', async () => {
    const links = await db().select().from(useCaseFiles);
    expect(links).toHaveLength(DEMO_COVER_TITLES.length);
    expect(DEMO_COVER_TITLES.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      const [owner] = await db().select().from(useCases).where(eq(useCases.id, link.useCaseId));
      expect(DEMO_COVER_TITLES).toContain(owner!.title);
      expect(owner).toMatchObject({ status: 'published', visibility: 'public' });
      expect(link).toMatchObject({ kind: 'image', position: 0 });
      const file = await fileRow(t, link.fileId);
      expect(file).toMatchObject({
        organizationId: owner!.organizationId,
        uploaderId: owner!.authorId,
        purpose: 'attachment',
        contentType: 'image/png',
        deletedAt: null,
      });
      expect([file.width, file.height]).toEqual([COVER_WIDTH, COVER_HEIGHT]);
      expect(hasBytes(t, file.storageKey)).toBe(true);
      expect(await storageUsed(t, owner!.organizationId)).toBe(await liveFilesBytes(t, owner!.organizationId));
    }
  });

  it('are found by an Arabic query through the search vector, folded and stemmed', async () => {
    const titles = async (q: string) =>
      (
        await queryRows(
          db(),
          row({ title: col.text }),
          sql`select title from use_cases where search_vector @@ p2p_search_query(${q}) order by title`,
        )
      ).map((r) => r.title);
    expect(await titles('صيانة')).toContain('الصيانة التنبؤية لمضخات تبريد خطوط الدرفلة');
    // Another spelling of the same words (ه for ة, no hamza) finds it too.
    expect(await titles('الصيانه التنبويه')).toEqual(['الصيانة التنبؤية لمضخات تبريد خطوط الدرفلة']);
    // An English case by its Arabic title, and an Arabic case by an English technology.
    expect(await titles('تقطير الجلايكول')).toEqual(['Advanced process control on the glycol distillation columns']);
    expect(await titles('vibration')).toEqual(
      expect.arrayContaining(['الصيانة التنبؤية لمضخات تبريد خطوط الدرفلة', 'Wireless vibration monitoring for 140 pumps and compressors']),
    );
  });

  it('are browsed and searched in Arabic through the API, each reader seeing only what they may', async () => {
    const guest = new TestClient(t.app);
    const signedIn = async (localPart: string) => {
      const client = new TestClient(t.app);
      const email = DEMO_USERS.find((u) => u.email.startsWith(`${localPart}@`))!.email;
      expect((await client.post('/api/auth/sign-in/email', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
      return client;
    };
    type Page = {
      items: Array<{ title: string; visibility: string; status: string; coverImageUrl: string | null }>;
      total: number;
      facets: { year: Array<{ value: string; count: number }> };
    };
    const browse = async (client: TestClient, query: string): Promise<Page> => {
      const response = await client.get(`/api/v1/use-cases?pageSize=50&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Page>();
    };
    const titles = (page: Page) => page.items.map((item) => item.title);
    const rows = await db().select().from(useCases);
    const publicCases = rows.filter((r) => r.visibility === 'public' && r.status === 'published');

    const all = await browse(guest, '');
    expect(all.total).toBe(publicCases.length);
    expect(all.items.every((item) => item.visibility === 'public' && item.status === 'published')).toBe(true);
    expect(all.facets.year.length).toBeGreaterThanOrEqual(2);
    expect(all.items.filter((item) => item.coverImageUrl).length).toBe(DEMO_COVER_TITLES.length);
    const cover = await guest.get(all.items.find((item) => item.coverImageUrl)!.coverImageUrl!);
    expect([cover.statusCode, cover.headers['content-type']]).toEqual([200, 'image/png']);

    // An Arabic query finds Arabic cases and English cases by their Arabic titles, for a guest too.
    const vision = await browse(guest, `q=${encodeURIComponent('بالرؤية الآلية')}`);
    expect(titles(vision)).toEqual(
      expect.arrayContaining(['فحص الأقراص بالرؤية الآلية قبل التعبئة', 'Machine-vision date sorting for a Qassim packing house']),
    );
    expect(vision.items.every((item) => item.visibility === 'public')).toBe(true);
    const maintenance = await browse(guest, `q=${encodeURIComponent('الصيانه التنبؤيه')}`);
    expect(titles(maintenance)).toContain('الصيانة التنبؤية لمضخات تبريد خطوط الدرفلة');

    // The private case: not for a guest or another company, found by its organization's admin.
    const privateCase = rows.find((r) => r.visibility === 'private')!;
    const privateQuery = `q=${encodeURIComponent('تقارير آلية لاختبارات العزل')}`;
    expect((await browse(guest, privateQuery)).total).toBe(0);
    expect((await browse(await signedIn('faisal.alotaibi'), privateQuery)).total).toBe(0);
    expect(titles(await browse(await signedIn('hussain.alnasser'), privateQuery))).toEqual([privateCase.title]);

    // An organization-only Arabic case: its colleagues find it, a guest does not.
    const organizationCase = rows.find((r) => r.visibility === 'organization' && ARABIC.test(r.title))!;
    const foodSafety = `q=${encodeURIComponent('سلامة الغذاء')}`;
    expect(titles(await browse(guest, foodSafety))).not.toContain(organizationCase.title);
    expect(titles(await browse(await signedIn('reem.alghamdi'), foodSafety))).toContain(organizationCase.title);
  });

  it(
    'are added once: a second seed adds nothing and repairs nothing',
    async () => {
      const before = await libraryCounts();
      const report = await seedDemo(db(), t.app.services.auth, storage);
      expect(report.created.useCases).toBe(0);
      expect(report.existing.useCases).toBe(DEMO_USE_CASES.length);
      expect(report.repaired).toBe(0);
      expect(await libraryCounts()).toEqual(before);
    },
    SEED_TIMEOUT,
  );

  it(
    'verify counts them and catches counters that drifted; a new seed recounts them',
    async () => {
      const good = await verifyDemo(db(), storage);
      expect(good.problems).toEqual([]);
      expect(good.tables.find((row) => row.table === 'use_cases')).toEqual({
        table: 'use_cases',
        rows: DEMO_USE_CASES.length,
        demo: DEMO_USE_CASES.length,
        expected: DEMO_USE_CASES.length,
      });
      expect(good.tables.find((row) => row.table === 'use_case_terms')).toMatchObject({
        demo: DEMO_USE_CASE_TERMS.length,
        expected: DEMO_USE_CASE_TERMS.length,
      });
      expect(good.checks.find((row) => row.label === 'use case counters')).toEqual({
        label: 'use case counters',
        demo: DEMO_USE_CASES.length,
        expected: DEMO_USE_CASES.length,
      });

      const [liked] = await db().select().from(useCaseLikes).limit(1);
      await db()
        .delete(useCaseLikes)
        .where(sql`${useCaseLikes.useCaseId} = ${liked!.useCaseId} and ${useCaseLikes.userId} = ${liked!.userId}`);
      const [target] = await db().select().from(useCases).where(eq(useCases.id, liked!.useCaseId));
      await db().update(useCaseTerms).set({ usesCount: 99 }).where(eq(useCaseTerms.name, 'LoRaWAN'));
      await db().update(useCases).set({ version: 7 }).where(eq(useCases.title, DEMO_USE_CASES[0]!.title));
      const bad = await verifyDemo(db());
      expect(bad.ok).toBe(false);
      const { likesCount: likes, savesCount: saves, viewsCount: views } = target!;
      expect([...bad.problems].sort()).toEqual(
        [
          `use case "${target!.title}" counts ${likes} / ${saves} / ${views} likes / saves / views, but has ${likes - 1} / ${saves} / ${views}`,
          'the technology "LoRaWAN" has uses_count 99, but 1 cases use it',
          `use case "${DEMO_USE_CASES[0]!.title}" is at version 7, its history at 2`,
        ].sort(),
      );
      expect(bad.checks.find((row) => row.label === 'use case counters')!.demo).toBe(DEMO_USE_CASES.length - 1);

      await db().update(useCases).set({ version: 2 }).where(eq(useCases.title, DEMO_USE_CASES[0]!.title));
      const repair = await seedDemo(db(), t.app.services.auth, storage);
      expect(repair.created.useCases).toBe(0);
      expect(repair.repaired).toBe(1);
      expect(await verifyDemo(db(), storage)).toMatchObject({ ok: true, problems: [] });
      const [recounted] = await db().select().from(useCases).where(eq(useCases.id, liked!.useCaseId));
      expect(recounted!.likesCount).toBe(likes - 1);
    },
    SEED_TIMEOUT,
  );

  it(
    'clear removes them and the demo users\u2019 likes elsewhere, keeps other people\u2019s cases, and leaves the vocabulary exact',
    async () => {
      const outsider = await signUp(t.app, { organizationName: 'Outside Fabrication Co' });
      const me = (await outsider.client.get('/api/v1/users/me')).json<{ id: string; organization: { id: string } }>();
      const [kept] = await db()
        .insert(useCases)
        .values({
          organizationId: me.organization.id,
          authorId: me.id,
          title: 'An outsider case that stays',
          summary: 'A case written outside the demo, liked and saved by demo users.',
          category: 'automation',
          industry: 'other',
          technologies: ['PLC', 'Servo drives'],
          tags: ['Lean'],
          status: 'published',
          publishedAt: new Date(),
          likesCount: 2,
          savesCount: 1,
          viewsCount: 1,
        })
        .returning();
      await db().insert(useCaseTerms).values({ kind: 'technology', name: 'Servo drives', normalized: 'servo drives', usesCount: 1 });
      await execute(db(), sql`update use_case_terms set uses_count = uses_count + 1 where normalized in ('plc', 'lean')`);
      const [demoA, demoB] = await queryRows(
        db(),
        row({ id: col.text, organization_id: col.text }),
        sql`select u.id, m.organization_id from users u join memberships m on m.user_id = u.id where u.email in (${DEMO_USERS[1]!.email}, ${DEMO_USERS[4]!.email}) order by u.email`,
      );
      await db()
        .insert(useCaseLikes)
        .values([
          { useCaseId: kept!.id, userId: demoA!.id },
          { useCaseId: kept!.id, userId: demoB!.id },
        ]);
      await db().insert(useCaseSaves).values({ useCaseId: kept!.id, userId: demoA!.id });
      await db().insert(useCaseViews).values({ useCaseId: kept!.id, userId: demoB!.id, organizationId: demoB!.organization_id });
      expect(await termMismatches()).toEqual([]);
      const covers = await db()
        .select({ id: files.id, storageKey: files.storageKey, organizationId: files.organizationId })
        .from(useCaseFiles)
        .innerJoin(files, eq(files.id, useCaseFiles.fileId));
      // Someone outside the demo joins the organization of a case with a cover, which is therefore kept.
      const keptOrganizationId = covers[0]!.organizationId;
      const guest = await signUp(t.app, { organizationName: 'Temporary Co' });
      const guestId = (await guest.client.get('/api/v1/users/me')).json<{ id: string }>().id;
      await db().update(memberships).set({ organizationId: keptOrganizationId, role: 'member' }).where(eq(memberships.userId, guestId));

      const report = await clearDemo(db(), storage);
      expect(report.useCases).toBe(DEMO_USE_CASES.length);
      expect(report.warnings).toEqual([]);
      // The covers go with their cases, bytes included, also in the organization that stays (its quota released).
      expect(report.keptOrganizations).toHaveLength(1);
      expect(covers).toHaveLength(DEMO_COVER_TITLES.length);
      for (const cover of covers) expect(hasBytes(t, cover.storageKey)).toBe(false);
      const left = await db()
        .select()
        .from(files)
        .where(
          inArray(
            files.id,
            covers.map((cover) => cover.id),
          ),
        );
      expect(left.map((file) => [file.organizationId, file.deletedAt === null])).toEqual([[keptOrganizationId, false]]);
      expect(await storageUsed(t, keptOrganizationId)).toBe(await liveFilesBytes(t, keptOrganizationId));
      expect(await db().select().from(useCaseFiles)).toEqual([]);
      const remaining = await db().select().from(useCases);
      expect(remaining.map((r) => r.title)).toEqual(['An outsider case that stays']);
      // The demo users' likes and bookmark went with them; their view still counts, without a viewer.
      expect(remaining[0]).toMatchObject({ likesCount: 0, savesCount: 0, viewsCount: 1 });
      expect(await db().select().from(useCaseViews)).toEqual([expect.objectContaining({ useCaseId: kept!.id, userId: null })]);
      expect(await counterMismatches()).toEqual([]);
      for (const table of [useCaseVersions, useCaseReports, useCaseLikes, useCaseSaves] as const)
        expect(await db().select().from(table)).toEqual([]);
      // Terms only the demo used are gone; the outsider's keep exact counts.
      expect(await termMismatches()).toEqual([]);
      const terms = await db().select({ name: useCaseTerms.name, usesCount: useCaseTerms.usesCount }).from(useCaseTerms);
      expect(terms.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { name: 'Lean', usesCount: 1 },
        { name: 'PLC', usesCount: 1 },
        { name: 'Servo drives', usesCount: 1 },
      ]);

      // Seeding again brings them back, exact.
      const again = await seedDemo(db(), t.app.services.auth, storage);
      expect(again.created.useCases).toBe(DEMO_USE_CASES.length);
      expect(await verifyDemo(db(), storage)).toMatchObject({ ok: true, problems: [] });
      expect(await termMismatches()).toEqual([]);
      expect((await db().select().from(useCaseTerms)).find((term) => term.name === 'PLC')!.usesCount).toBe(
        (await db().select().from(useCases)).filter((r) => r.technologies.includes('PLC')).length,
      );
    },
    SEED_TIMEOUT,
  );
});
