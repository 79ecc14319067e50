import { distanceKm, findPlace, type UseCasePage, type UseCaseSearchResult, type UseCaseSummary } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../src/platform/db.js';
import { col, row } from '../../src/platform/rows.js';
import { createTestApp, expectProblem, TestClient, type TestContext } from '../helpers/app.js';
import { addMember, createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { writeCase } from './factories.js';

let t: TestContext;
let org: OrganizationFixture;
let other: OrganizationFixture;
let member: { client: TestClient; id: string };
let guest: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganization(t.app, 'Eastern Plastics');
  other = await createOrganization(t.app, 'Western Foods');
  member = await addMember(t.app, t.database.db, org.admin);
  guest = new TestClient(t.app);
  const write = async (key: string, client: TestClient, body: Parameters<typeof writeCase>[1]) => {
    ids[key] = (await writeCase(client, body)).id;
  };
  await write('arabic', org.admin, {
    title: 'أتمتة خط التعبئة في الجبيل',
    summary: 'خفضنا زمن التعبئة بنسبة ثلاثين بالمئة باستخدام وحدة تحكم منطقية ونظام رؤية آلية.',
    challenge: 'كانت الصيانة اليدوية للمضخات تستهلك وقتا طويلا.',
    category: 'automation',
    industry: 'plastics_rubber',
    technologies: ['PLC', 'Machine vision'],
    tags: ['packaging'],
    city: 'jubail',
    outcomes: { roiPercent: 35 },
  });
  await write('pumps', org.admin, {
    title: 'Predictive maintenance for cooling pumps',
    summary: 'Vibration sensors on twelve pumps flagged bearing wear three weeks early.',
    category: 'maintenance',
    industry: 'plastics_rubber',
    technologies: ['Vibration sensors', 'IoT gateway'],
    tags: ['reliability'],
    city: 'dammam',
    outcomes: { roiPercent: 120 },
  });
  await write('vision', other.admin, {
    title: 'Vision inspection of bottle caps',
    summary: 'Cameras reject defective caps before capping, with the packaging line at full speed.',
    category: 'quality',
    industry: 'food_beverage',
    technologies: ['Machine vision'],
    tags: ['packaging'],
    city: 'jeddah',
    outcomes: { roiPercent: 60 },
  });
  await write('khobar', other.admin, {
    title: 'Energy monitoring of compressors',
    summary: 'Sub-metering compressors cut the plant’s electricity use, measured for a year.',
    category: 'energy',
    industry: 'food_beverage',
    technologies: ['IoT gateway'],
    tags: ['energy'],
    city: 'khobar',
    outcomes: { roiPercent: null, paybackMonths: 10 },
  });
  // What a search must never show to others: organization-only and private cases that match the same words.
  await write('orgOnly', org.admin, {
    title: 'Packaging line PLC upgrade (internal)',
    summary: 'Internal packaging line notes on the PLC upgrade for the team.',
    visibility: 'organization',
    city: 'jubail',
    technologies: ['PLC'],
    tags: ['packaging'],
  });
  await write('private', member.client, {
    title: 'Packaging line PLC budget (private)',
    summary: 'Private packaging budget for the PLC upgrade, not for sharing.',
    visibility: 'private',
    city: 'jubail',
    technologies: ['PLC'],
    tags: ['packaging'],
  });
  await write('draft', org.admin, {
    title: 'Packaging draft never published',
    summary: 'A draft about the packaging line that nobody else should see.',
    publish: false,
    technologies: ['PLC'],
  });
  // Give the vision case likes and the arabic one a verified flag through SQL (the moderators' routes are tested elsewhere).
  await t.database.db.execute(sql`update use_cases set verified = true, published_at = '2025-06-01T10:00:00Z' where id = ${ids.arabic!}`);
});
afterAll(() => t.close());

async function list(query: string, client = guest): Promise<UseCasePage> {
  const response = await client.get(`/api/v1/use-cases?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

describe('browse', () => {
  it('shows guests public published cases only, and each organization its own as well', async () => {
    const forGuest = idsOf((await list('pageSize=100')).items);
    expect(forGuest).toEqual(expect.arrayContaining([ids.arabic, ids.pumps, ids.vision, ids.khobar]));
    expect(forGuest).not.toContain(ids.orgOnly);
    expect(forGuest).not.toContain(ids.private);
    expect(forGuest).not.toContain(ids.draft);
    expect(idsOf((await list('pageSize=100', other.admin)).items)).not.toContain(ids.orgOnly);
    expect(idsOf((await list('pageSize=100', org.admin)).items)).toEqual(expect.arrayContaining([ids.orgOnly, ids.private]));
    // A plain member sees the organization's cases but not a colleague's private one... unless it is theirs.
    const colleague = await addMember(t.app, t.database.db, org.admin);
    const forColleague = idsOf((await list('pageSize=100', colleague.client)).items);
    expect(forColleague).toContain(ids.orgOnly);
    expect(forColleague).not.toContain(ids.private);
    expect(idsOf((await list('pageSize=100', member.client)).items)).toContain(ids.private);
    const mine = idsOf((await list('scope=mine&pageSize=100', org.admin)).items);
    expect(mine).toEqual(expect.arrayContaining([ids.draft, ids.orgOnly, ids.private, ids.arabic]));
    expect(mine).not.toContain(ids.vision);
  });

  it('counts facets over the filtered set, each without its own filter, exactly as a brute-force count does', async () => {
    const readers = [guest, org.admin, member.client, other.admin];
    const filterSets = [
      '',
      'category=automation',
      'technology=Machine%20vision',
      'category=automation,quality&region=eastern',
      'industry=food_beverage&technology=IoT%20gateway',
      'verified=true',
      'year=2025',
      'q=packaging',
      'roiMin=50&technology=Machine%20vision,PLC',
    ];
    for (const reader of readers) {
      const everything = (await list('pageSize=100&facets=false', reader)).items;
      for (const filters of filterSets) {
        const page = await list(`pageSize=100&${filters}`, reader);
        const params = new URLSearchParams(filters);
        const textMatches = params.get('q')
          ? new Set(idsOf((await list(`pageSize=100&facets=false&q=${params.get('q')}`, reader)).items))
          : null;
        const matches = (item: UseCaseSummary, except?: string) => {
          const any = (name: string, value: string | string[] | null) => {
            if (name === except || !params.get(name)) return true;
            const wanted = params.get(name)!.split(',');
            return Array.isArray(value) ? value.some((v) => wanted.includes(v)) : wanted.includes(String(value));
          };
          const year = (item.publishedAt ?? item.createdAt).slice(0, 4);
          return (
            any('category', item.category) &&
            any('industry', item.industry) &&
            any('technology', item.technologies) &&
            any('region', item.location.region) &&
            any('year', year) &&
            any('verified', String(item.verified)) &&
            (!params.get('roiMin') || (item.roiPercent !== null && item.roiPercent >= Number(params.get('roiMin')))) &&
            (!textMatches || textMatches.has(item.id))
          );
        };
        const expected = everything.filter((item) => matches(item));
        expect(idsOf(page.items).sort(), `${filters} items`).toEqual(idsOf(expected).sort());
        expect(page.total, `${filters} total`).toBe(expected.length);
        const count = (facet: string, valueOf: (item: UseCaseSummary) => (string | null)[]) => {
          const counts = new Map<string, number>();
          for (const item of everything.filter((entry) => matches(entry, facet))) {
            for (const value of valueOf(item)) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
          }
          return Object.fromEntries([...counts].sort());
        };
        const got = (facet: keyof NonNullable<UseCasePage['facets']>) =>
          Object.fromEntries(page.facets![facet].map((entry) => [entry.value, entry.count]).sort());
        expect(got('category'), `${filters} category`).toEqual(count('category', (item) => [item.category]));
        expect(got('industry'), `${filters} industry`).toEqual(count('industry', (item) => [item.industry]));
        expect(got('technology'), `${filters} technology`).toEqual(count('technology', (item) => item.technologies));
        expect(got('region'), `${filters} region`).toEqual(count('region', (item) => [item.location.region]));
        expect(got('year'), `${filters} year`).toEqual(count('year', (item) => [(item.publishedAt ?? item.createdAt).slice(0, 4)]));
        expect(got('verified'), `${filters} verified`).toEqual(count('verified', (item) => [String(item.verified)]));
      }
    }
  });

  it('sorts by ROI, views and likes, and pages', async () => {
    const byRoi = (await list('sort=roi&pageSize=100')).items.map((item) => item.roiPercent);
    const known = byRoi.filter((roi) => roi !== null);
    expect(known).toEqual([...known].sort((a, b) => b! - a!));
    expect(byRoi.at(-1)).toBeNull();
    await other.admin.post(`/api/v1/use-cases/${ids.vision}/like`);
    expect((await list('sort=likes')).items[0]!.id).toBe(ids.vision);
    const first = await list('pageSize=2&page=1&facets=false');
    const second = await list('pageSize=2&page=2&facets=false');
    expect(first.total).toBe(4);
    expect([first.hasNext, second.hasPrevious]).toEqual([true, true]);
    expect(new Set([...idsOf(first.items), ...idsOf(second.items)]).size).toBe(4);
  });

  it('answers a list in the same number of statements whatever the filters, and reuses the public facet counts', async () => {
    const { database } = t;
    const spy = vi.spyOn(database.db, 'execute');
    const statements = async (query: string, client: TestClient) => {
      spy.mockClear();
      await list(query, client);
      return spy.mock.calls.length;
    };
    // roiMax values never asked before: the public facet counts are not cached yet.
    const plain = 'roiMax=100001';
    const complex =
      'category=automation,quality&technology=PLC,IoT%20gateway&region=eastern&year=2025,2026&verified=true&q=packaging&roiMin=1&sort=roi&page=1&roiMax=100002';
    // A guest: the page and the public facet counts. A member: the page, the public counts, their organization's others.
    expect([await statements(plain, guest), await statements(complex, guest)]).toEqual([2, 2]);
    expect([await statements(`${plain}1`, org.admin), await statements(`${complex}1`, org.admin)]).toEqual([3, 3]);
    // Asked again: the public counts come from the cache, for every reader.
    expect([await statements(complex, guest), await statements(complex, other.admin)]).toEqual([1, 2]);
    spy.mockRestore();
  });

  it('counts a new, changed or hidden case at once: writes forget the cached counts', async () => {
    const energy = async () =>
      (await list('industry=food_beverage')).facets!.category.find((entry) => entry.value === 'energy')?.count ?? 0;
    const before = await energy();
    expect(await energy()).toBe(before);
    const created = await writeCase(other.admin, { category: 'energy', industry: 'food_beverage', city: 'tabuk' });
    expect(await energy()).toBe(before + 1);
    await other.admin.patch(`/api/v1/use-cases/${created.id}`, { category: 'safety' });
    expect(await energy()).toBe(before);
    await other.admin.patch(`/api/v1/use-cases/${created.id}`, { category: 'energy' });
    expect(await energy()).toBe(before + 1);
    await other.admin.delete(`/api/v1/use-cases/${created.id}`);
    expect(await energy()).toBe(before);
  });

  it('refuses unknown facet values naming the parameter', async () => {
    const response = await guest.get('/api/v1/use-cases?category=robots');
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.json().errors[0].path).toMatch(/^category/);
  });

  it('lists trending, featured and per-category statistics over what the reader may see', async () => {
    await t.database.db.execute(sql`update use_cases set featured = true where id in (${ids.pumps!}, ${ids.orgOnly!})`);
    expect(idsOf((await guest.get('/api/v1/use-cases/featured')).json().items)).toEqual([ids.pumps]);
    expect(idsOf((await org.admin.get('/api/v1/use-cases/featured')).json().items).sort()).toEqual([ids.pumps, ids.orgOnly].sort());
    await org.admin.get(`/api/v1/use-cases/${ids.vision}`);
    await org.admin.post(`/api/v1/use-cases/${ids.vision}/save`);
    const trending = (await guest.get('/api/v1/use-cases/trending?period=day')).json();
    expect(trending.items[0]).toMatchObject({ useCase: { id: ids.vision }, views: 1, likes: 1, saves: 1, score: 9 });
    const stats = (await guest.get('/api/v1/use-cases/categories/stats')).json().items as {
      category: string;
      count: number;
      averageRoiPercent: number | null;
      topTechnologies: { value: string }[];
    }[];
    expect(stats.find((entry) => entry.category === 'automation')).toMatchObject({ count: 1, averageRoiPercent: 35 });
    expect(stats.find((entry) => entry.category === 'energy')).toMatchObject({
      count: 1,
      averageRoiPercent: null,
      topTechnologies: [{ value: 'IoT gateway', count: 1 }],
    });
  });
});

describe('advanced search', () => {
  async function search(body: object, client = guest): Promise<UseCaseSearchResult> {
    const response = await client.post('/api/v1/use-cases/search/advanced', body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it('weighs the title above technologies and tags, above the summary, above the sections', async () => {
    const byTitle = await writeCase(other.admin, {
      title: 'Conveyor retrofit with servo drives',
      summary: 'A retrofit of the main conveyor for a bottling hall.',
      technologies: ['PLC'],
      tags: [],
      city: 'tabuk',
    });
    const byTechnology = await writeCase(other.admin, {
      title: 'Line balancing study',
      summary: 'A study of the filling hall that balanced the stations.',
      technologies: ['Conveyor tracking'],
      tags: [],
      city: 'tabuk',
    });
    const bySummary = await writeCase(other.admin, {
      title: 'Cutting changeover time',
      summary: 'Quick-change parts on the conveyor cut changeovers to nine minutes.',
      technologies: ['SMED'],
      tags: [],
      city: 'tabuk',
    });
    const bySection = await writeCase(other.admin, {
      title: 'Reducing scrap in extrusion',
      summary: 'Tighter temperature control on the extruder reduced scrap.',
      results: 'The conveyor speed also became stable.',
      technologies: ['PID control'],
      tags: [],
      city: 'tabuk',
    });
    const result = await search({ q: 'conveyor' });
    expect(idsOf(result.items.map((hit) => hit.useCase))).toEqual([byTitle.id, byTechnology.id, bySummary.id, bySection.id]);
    expect(result.items[0]!.title.filter((part) => part.mark).map((part) => part.text)).toEqual(['Conveyor']);
    expect(result.total).toBe(4);
  });

  it('finds Arabic with the forum’s folding, highlighting the original words', async () => {
    for (const q of ['اتمته', 'أتمتة', 'الصيانه', 'المضخه']) {
      const result = await search({ q });
      expect(idsOf(result.items.map((hit) => hit.useCase)), q).toContain(ids.arabic);
    }
    const hit = (await search({ q: 'اتمته خط' })).items.find((item) => item.useCase.id === ids.arabic)!;
    expect(hit.title.filter((part) => part.mark).map((part) => part.text)).toEqual(['أتمتة', 'خط']);
  });

  it('never returns organization-only, private or draft cases to those who may not see them, and facets agree', async () => {
    const forGuest = await search({ q: 'packaging PLC' });
    expect(idsOf(forGuest.items.map((hit) => hit.useCase))).not.toEqual(expect.arrayContaining([ids.orgOnly]));
    for (const hidden of [ids.orgOnly, ids.private, ids.draft]) {
      expect(idsOf(forGuest.items.map((hit) => hit.useCase))).not.toContain(hidden);
      expect(idsOf((await search({ q: 'packaging PLC' }, other.admin)).items.map((hit) => hit.useCase))).not.toContain(hidden);
    }
    const forOwner = await search({ q: 'packaging PLC', pageSize: 100 }, member.client);
    expect(idsOf(forOwner.items.map((hit) => hit.useCase))).toEqual(expect.arrayContaining([ids.orgOnly, ids.private]));
    expect(idsOf(forOwner.items.map((hit) => hit.useCase))).not.toContain(ids.draft);
    expect(forOwner.facets.technology.find((entry) => entry.value === 'PLC')!.count).toBe(
      forOwner.items.filter((hit) => hit.useCase.technologies.includes('PLC')).length,
    );
    const filtered = await search({ q: 'packaging', filters: { region: ['eastern'] } });
    expect(idsOf(filtered.items.map((hit) => hit.useCase))).toEqual([ids.arabic]);
  });

  it('suggests titles, companies, technologies and tags, tolerating typos, without leaking private cases', async () => {
    const items = (q: string, client = guest) =>
      client
        .get(`/api/v1/use-cases/search/suggestions?q=${encodeURIComponent(q)}`)
        .then((response) => response.json().items as { kind: string; text: string }[]);
    expect(await items('Predictive')).toContainEqual(
      expect.objectContaining({ kind: 'title', text: 'Predictive maintenance for cooling pumps' }),
    );
    expect(await items('Western')).toContainEqual(expect.objectContaining({ kind: 'company', text: 'Western Foods' }));
    expect(await items('vibration')).toContainEqual({ kind: 'technology', text: 'Vibration sensors', id: null });
    expect(await items('reliab')).toContainEqual({ kind: 'tag', text: 'reliability', id: null });
    expect(await items('Predictiv maintenanse')).toContainEqual(
      expect.objectContaining({ kind: 'title', text: 'Predictive maintenance for cooling pumps' }),
    );
    expect((await items('budget')).map((item) => item.text)).not.toContain('Packaging line PLC budget (private)');
    expect((await items('budget', member.client)).map((item) => item.text)).toContain('Packaging line PLC budget (private)');
  });

  it('answers words that fold to nothing (tatweel, harakat, punctuation) with nothing, and mixed text as usual', async () => {
    const suggestions = async (q: string) => {
      const response = await guest.get(`/api/v1/use-cases/search/suggestions?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
      return response.json().items as { kind: string; text: string; id: string | null }[];
    };
    for (const q of ['ـــ', 'ـــــ', '\u064E\u064F\u0650\u0651', '?!… ،؛', 'ـ َ !']) {
      expect(await suggestions(q), q).toEqual([]);
      expect((await search({ q })).total, q).toBe(0);
    }
    for (const q of ['أتمـــتة', 'أَتْمَتَة ـــ', 'ـ خط !']) {
      expect(
        (await suggestions(q)).map((item) => item.id),
        q,
      ).toContain(ids.arabic);
      expect(idsOf((await search({ q })).items.map((hit) => hit.useCase)), q).toContain(ids.arabic);
    }
  });

  it('saves searches, runs them again, and keeps each person’s history', async () => {
    await search({ q: 'caps', filters: { industry: ['food_beverage'] } }, other.admin);
    const saved = await other.admin.post('/api/v1/use-cases/search/saved', {
      name: 'Vision in food',
      search: { q: 'caps', filters: { industry: ['food_beverage'] }, sort: 'newest' },
    });
    expect(saved.statusCode).toBe(201);
    const run = (await other.admin.get(`/api/v1/use-cases/search/saved/${saved.json().id}/execute`)).json() as UseCaseSearchResult;
    expect(idsOf(run.items.map((hit) => hit.useCase))).toEqual([ids.vision]);
    const listed = (await other.admin.get('/api/v1/use-cases/search/saved')).json().items;
    expect(listed).toEqual([expect.objectContaining({ name: 'Vision in food', lastRunAt: expect.any(String) })]);
    const history = (await other.admin.get('/api/v1/use-cases/search/history')).json().items;
    expect(history[0]).toMatchObject({ q: 'caps', resultsCount: 1, filters: { industry: ['food_beverage'] } });
    expect((await org.admin.get('/api/v1/use-cases/search/history')).json().items.map((entry: { q: string }) => entry.q)).not.toContain(
      'caps',
    );
    expectProblem(await org.admin.delete(`/api/v1/use-cases/search/saved/${saved.json().id}`), 404, 'NOT_FOUND');
    expect((await other.admin.delete(`/api/v1/use-cases/search/saved/${saved.json().id}`)).statusCode).toBe(204);
  });

  it('takes a list filter in a JSON body only as an array: a string is refused naming the field, not read as a one-item list', async () => {
    const cases: Array<[string, object, string]> = [
      ['/api/v1/use-cases/search/advanced', { q: 'caps', filters: { technology: 'Vision' } }, 'filters.technology'],
      ['/api/v1/use-cases/search/advanced', { q: 'caps', filters: { city: 'Jeddah' } }, 'filters.city'],
      ['/api/v1/use-cases/search/saved', { name: 'Strings', search: { q: 'caps', filters: { tag: 'vision' } } }, 'search.filters.tag'],
      ['/api/v1/use-cases/export/custom', { format: 'json', fields: ['title'], filters: { technology: 'Vision' } }, 'filters.technology'],
    ];
    for (const [url, body, field] of cases) {
      const response = await other.admin.post(url, body);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(field);
    }
    await search({ q: 'caps', filters: { technology: ['Vision'], city: ['Jeddah'] } }, other.admin);
  });
});

describe('location', () => {
  const place = (slug: string) => findPlace(slug)!;

  it('finds cases within a radius, exactly at the edge, nearest first with distances', async () => {
    const dammam = place('dammam');
    const toKhobar = distanceKm(dammam, place('khobar'));
    const toJubail = distanceKm(dammam, place('jubail'));
    expect(toKhobar).toBeGreaterThan(20);
    expect(toKhobar).toBeLessThan(30);
    expect(toJubail).toBeGreaterThan(70);
    expect(toJubail).toBeLessThan(90);
    const around = (radiusKm: number) =>
      guest
        .get(`/api/v1/use-cases/location/filter?lat=${dammam.latitude}&lng=${dammam.longitude}&radiusKm=${radiusKm}&pageSize=100`)
        .then((response) => response.json() as Promise<UseCasePage>);
    const justInside = await around(toKhobar + 0.05);
    expect(idsOf(justInside.items)).toEqual([ids.pumps, ids.khobar]);
    expect(justInside.items[1]!.distanceKm).toBeCloseTo(toKhobar, 1);
    expect(idsOf((await around(toKhobar - 0.05)).items)).toEqual([ids.pumps]);
    expect(idsOf((await around(toJubail + 0.05)).items)).toEqual([ids.pumps, ids.khobar, ids.arabic]);
    expect(idsOf((await around(toJubail - 0.05)).items)).toEqual([ids.pumps, ids.khobar]);
    expectProblem(await guest.get(`/api/v1/use-cases/location/filter?lat=${dammam.latitude}&radiusKm=10`), 400, 'VALIDATION_FAILED');
  });

  it('filters by city and region, counts per region, and lists nearby and related cases with reasons', async () => {
    expect(idsOf((await guest.get('/api/v1/use-cases/location/filter?city=jeddah').then((r) => r.json())).items)).toEqual([ids.vision]);
    const eastern = (await guest.get('/api/v1/use-cases/location/filter?region=eastern&pageSize=100').then((r) => r.json())) as UseCasePage;
    expect(idsOf(eastern.items).sort()).toEqual([ids.arabic, ids.pumps, ids.khobar].sort());
    const stats = (await guest.get('/api/v1/use-cases/location/statistics')).json();
    const east = stats.regions.find((entry: { region: string }) => entry.region === 'eastern');
    expect(east.count).toBe(3);
    expect(east.cities).toEqual(
      expect.arrayContaining([
        { value: 'jubail', count: 1 },
        { value: 'dammam', count: 1 },
        { value: 'khobar', count: 1 },
      ]),
    );
    const nearby = (await guest.get(`/api/v1/use-cases/${ids.pumps}/nearby?radiusKm=100`)).json().items as UseCaseSummary[];
    expect(idsOf(nearby)).toEqual([ids.khobar, ids.arabic]);
    const related = (await guest.get(`/api/v1/use-cases/${ids.vision}/related?limit=20`)).json().items as {
      useCase: UseCaseSummary;
      reasons: { sharedTechnologies: string[]; sameIndustry: boolean };
    }[];
    const toArabic = related.find((entry) => entry.useCase.id === ids.arabic)!;
    expect(toArabic.reasons.sharedTechnologies).toEqual(['Machine vision']);
    const toKhobar = related.find((entry) => entry.useCase.id === ids.khobar)!;
    expect(toKhobar.reasons.sameIndustry).toBe(true);
    expect(idsOf(related.map((entry) => entry.useCase))).not.toContain(ids.orgOnly);
  });

  it('moves a case to a hand-picked point', async () => {
    const moved = await org.admin.patch(`/api/v1/use-cases/${ids.pumps}/location`, {
      city: 'Our plant',
      region: 'eastern',
      latitude: 26.5,
      longitude: 49.9,
    });
    expect(moved.json().location).toEqual({ city: 'Our plant', region: 'eastern', country: 'SA', latitude: 26.5, longitude: 49.9 });
    const [found] = await queryRows(
      t.database.db,
      row({ version: col.integer }),
      sql`select version from use_cases where id = ${ids.pumps!}`,
    );
    expect(found!.version).toBe(2);
  });
});
