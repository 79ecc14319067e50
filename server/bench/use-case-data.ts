import { randomUUID } from 'node:crypto';
import {
  type Industry,
  INDUSTRIES,
  REPORT_REASONS,
  SAUDI_PLACES,
  type SaudiPlace,
  type SubscriptionTier,
  TIER_LIMITS,
  USE_CASE_CATEGORIES,
  type UseCaseCategory,
} from '@p2p/contracts';
import { normalizeTerm } from '../src/modules/use-cases/index.js';
import { type Random, anyOf, between, seededRandom, toHtml } from './forum-text.js';
import type { Generator, GeneratorContext } from './generate.js';
import {
  REPORT_DETAILS,
  TAGS,
  TECHNOLOGIES,
  caseSection,
  caseSlots,
  caseSummary,
  caseTitle,
  pickTags,
  pickTechnologies,
  pickVendors,
} from './use-case-text.js';

/** At scale 1: 100,000 use cases and 3,000 reports; views, likes and saves follow from each case's popularity. */
export function useCaseCountsFor(scale: number): { useCases: number; reports: number } {
  return { useCases: Math.max(20, Math.round(100_000 * scale)), reports: Math.max(3, Math.round(3_000 * scale)) };
}

/** What the load wrote, counted as it went (the counters on the cases equal these rows). */
export interface UseCaseLoadCounts {
  useCases: number;
  views: number;
  likes: number;
  saves: number;
  versions: number;
  reports: number;
}

export const useCaseLoadCounts: UseCaseLoadCounts = { useCases: 0, views: 0, likes: 0, saves: 0, versions: 0, reports: 0 };

/** Steps of the use-case load with their durations, for the report. */
export const useCaseLoadDetails: { step: string; ms: number }[] = [];

function addTime(step: string, started: number): void {
  const ms = Math.round(performance.now() - started);
  const existing = useCaseLoadDetails.find((d) => d.step === step);
  if (existing) existing.ms += ms;
  else useCaseLoadDetails.push({ step, ms });
}

const LOADED_TABLES = [
  'use_cases',
  'use_case_likes',
  'use_case_saves',
  'use_case_views',
  'use_case_viewers',
  'use_case_versions',
  'use_case_reports',
];
const CASE_CHUNK = 2000;
const ROW_BATCH = 10_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Relative weights in USE_CASE_CATEGORIES order (automation … other). */
const CATEGORY_WEIGHTS = [18, 12, 16, 10, 9, 11, 7, 6, 8, 3];
/** Relative weights in INDUSTRIES order: petrochemicals, food, metals, building materials and plastics lead. */
const INDUSTRY_WEIGHTS = [6, 14, 9, 11, 13, 5, 9, 6, 4, 3, 4, 2, 6, 5, 3, 4, 4, 2];

function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A normal deviate (Box–Muller), for the jitter around a place. */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A PostgreSQL array literal of quoted elements (one parameter per row instead of a 2-D array). */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** Big cities and industrial cities draw more cases than towns. */
const PLACE_WEIGHTS = SAUDI_PLACES.map((p) =>
  p.industrial ? 4 : ['riyadh', 'jeddah', 'dammam', 'jubail', 'yanbu'].includes(p.slug) ? 3 : 1,
);

interface CaseRow {
  id: string;
  author: number;
  organization: number;
  public: boolean;
  visibility: string;
  status: string;
  publishedAt: Date | null;
  createdAt: Date;
}

interface Columns {
  [column: string]: unknown[];
}

/** Distinct users (indexes) from `pool` (all users when null), `count` of them at most. */
function distinctUsers(random: Random, count: number, users: number, pool: readonly number[] | null): number[] {
  if (pool) {
    const shuffled = [...pool].sort(() => random() - 0.5);
    return shuffled.slice(0, Math.min(count, pool.length));
  }
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, users)) chosen.add(Math.floor(random() * users));
  return [...chosen];
}

interface Engagement {
  views: Columns;
  likes: Columns;
  saves: Columns;
  versions: Columns;
}

async function insertUnnest(ctx: GeneratorContext, sql: string, columns: unknown[][]): Promise<void> {
  const rows = columns[0]!.length;
  for (let from = 0; from < rows; from += ROW_BATCH) {
    await ctx.client.query(
      sql,
      columns.map((column) => column.slice(from, from + ROW_BATCH)),
    );
  }
}

interface Setup {
  random: Random;
  now: number;
  usersPerOrganization: number;
  homePlace: SaudiPlace[];
  quota: number[];
  used: number[];
  technologyUses: Map<string, number>;
  tagUses: Map<string, number>;
  reportable: CaseRow[];
}

function pickAuthor(setup: Setup, users: number): number {
  // Some people write far more than others (the stride spreads them over organizations); an
  // organization stops at its plan's use-case limit.
  // (At tiny scales every organization may be full: then the limit gives way.)
  for (let attempt = 0; ; attempt += 1) {
    const user = (Math.floor(users * setup.random() ** 1.6) * 7919) % users;
    const organization = Math.floor(user / setup.usersPerOrganization);
    if (setup.used[organization]! < setup.quota[organization]! || attempt >= 200) {
      setup.used[organization]! += 1;
      return user;
    }
  }
}

function publicationTime(random: Random, now: number): Date {
  // Over three years, growing: more cases in recent months.
  const span = 3 * 365 * DAY_MS;
  return new Date(now - span + span * random() ** 0.7 - HOUR_MS);
}

/** Counted views in the last 30 days: a heavy tail (Pareto-like), more for new and public cases. */
function viewCount(random: Random, row: CaseRow, now: number): number {
  if (row.status === 'draft') return 0;
  let factor = row.public ? 3 : 1;
  if (row.status === 'archived') factor *= 0.3;
  if (row.publishedAt && now - row.publishedAt.getTime() < 60 * DAY_MS) factor *= 2;
  return Math.min(2500, Math.floor(factor * ((1 - random()) ** -0.6 - 1)));
}

function buildCase(ctx: GeneratorContext, setup: Setup, columns: Columns, engagement: Engagement): void {
  const { random, now } = setup;
  const users = ctx.userIds.length;
  const author = pickAuthor(setup, users);
  const organization = Math.floor(author / setup.usersPerOrganization);
  const category: UseCaseCategory = USE_CASE_CATEGORIES[weightedIndex(random, CATEGORY_WEIGHTS)]!;
  const industry: Industry =
    random() < 0.5 ? INDUSTRIES[organization % INDUSTRIES.length]! : INDUSTRIES[weightedIndex(random, INDUSTRY_WEIGHTS)]!;
  const arabicFirst = random() < 0.3;
  const bilingual = !arabicFirst && random() < 0.25;
  const technologies = pickTechnologies(random, category);
  const tags = pickTags(random, arabicFirst);
  const slots = caseSlots(random, technologies, industry);
  const language = arabicFirst ? 'ar' : 'en';
  const sections = (['challenge', 'solution', 'results'] as const).map((section) => caseSection(random, language, section, slots));

  const r = random();
  const status = r < 0.92 ? 'published' : r < 0.97 ? 'draft' : 'archived';
  const v = random();
  const visibility = v < 0.85 ? 'public' : v < 0.95 ? 'organization' : 'private';
  const publishedAt = status === 'draft' ? null : publicationTime(random, now);
  const createdAt = publishedAt
    ? new Date(publishedAt.getTime() - between(random, 1, 30) * DAY_MS)
    : new Date(now - Math.floor(120 * DAY_MS * random()) - HOUR_MS);

  // Place: most cases at their organization's home, jittered a few km; about 5 % without coordinates.
  const place = random() < 0.7 ? setup.homePlace[organization]! : SAUDI_PLACES[weightedIndex(random, PLACE_WEIGHTS)]!;
  const located = random() >= 0.05;
  const latitude = located ? place.latitude + 0.02 * gaussian(random) : null;
  const longitude = located ? place.longitude + (0.02 * gaussian(random)) / Math.cos((place.latitude * Math.PI) / 180) : null;

  // Outcomes: each reported or not, ROI log-normal-ish with a few losses.
  const investment = random() < 0.7 ? Math.round(50_000 * Math.exp(random() * 6)) : null;
  const roi =
    random() < 0.8
      ? Math.round((random() < 0.03 ? -between(random, 5, 60) : 15 + 400 * random() ** 2.2 + between(random, 0, 40)) * 10) / 10
      : null;
  const savings =
    investment !== null && roi !== null && random() < 0.85
      ? Math.round((investment * (roi / 100 + 1)) / between(random, 1, 3))
      : random() < 0.2
        ? between(random, 50, 5000) * 1000
        : null;
  const payback = random() < 0.75 ? Math.round((2 + 46 * random() ** 1.8) * 10) / 10 : null;
  const pct = (chance: number, max: number) => (random() < chance ? Math.round(max * random() ** 1.5 * 10) / 10 : null);
  const extra =
    random() < 0.2
      ? [
          {
            label: anyOf(random, ['Scrap rate', 'OEE', 'Energy per tonne', 'نسبة الهالك', 'Changeover time']),
            value: between(random, 1, 400),
            unit: anyOf(random, ['%', 'kWh/t', 'min', '']),
          },
        ]
      : [];

  const id = randomUUID();
  const row: CaseRow = { id, author, organization, public: visibility === 'public', visibility, status, publishedAt, createdAt };
  const versions = status !== 'draft' && random() < 0.1 ? between(random, 1, 3) : 0;
  let updatedAt = publishedAt ?? createdAt;
  for (let k = 0; k < versions; k += 1) {
    const at = new Date(updatedAt.getTime() + Math.floor((now - updatedAt.getTime()) * random() * 0.5) + 1000);
    const field = anyOf(random, ['annualSavingsSar', 'roiPercent', 'summary', 'tags']);
    engagement.versions.case!.push(id);
    engagement.versions.version!.push(k + 2);
    engagement.versions.editor!.push(ctx.userIds[random() < 0.8 ? author : organization * setup.usersPerOrganization]!);
    engagement.versions.changes!.push(
      JSON.stringify([
        {
          field,
          before: field === 'tags' ? tags.slice(1) : between(random, 1, 900) * 1000,
          after: field === 'tags' ? tags : between(random, 1, 900) * 1000,
        },
      ]),
    );
    engagement.versions.at!.push(at);
    updatedAt = at;
  }

  const views = viewCount(random, row, now);
  const likes = Math.round(views * (0.12 + 0.2 * random())) + (status !== 'draft' && random() < 0.15 ? between(random, 1, 3) : 0);
  const saves = Math.round(likes * (0.25 + 0.4 * random()));
  const ownOrganization = Array.from({ length: setup.usersPerOrganization }, (_, k) => organization * setup.usersPerOrganization + k);
  const audience = row.public ? null : visibility === 'private' ? [organization * setup.usersPerOrganization] : ownOrganization;
  const since = Math.max(now - 30 * DAY_MS, (publishedAt ?? createdAt).getTime());
  for (let k = 0; k < views; k += 1) {
    const viewer = audience ? anyOf(random, audience) : Math.floor(random() * users);
    engagement.views.case!.push(id);
    engagement.views.user!.push(ctx.userIds[viewer]!);
    engagement.views.organization!.push(ctx.organizationIds[Math.floor(viewer / setup.usersPerOrganization)]!);
    engagement.views.at!.push(new Date(since + Math.floor((now - since) * random())));
  }
  const likers = distinctUsers(random, likes, users, audience);
  const savers = distinctUsers(random, saves, users, audience);
  const after = (publishedAt ?? createdAt).getTime();
  for (const [into, who] of [
    [engagement.likes, likers],
    [engagement.saves, savers],
  ] as const) {
    for (const u of who) {
      into.case!.push(id);
      into.user!.push(ctx.userIds[u]!);
      into.at!.push(new Date(after + Math.floor((now - after) * random())));
    }
  }

  for (const name of technologies) setup.technologyUses.set(name, (setup.technologyUses.get(name) ?? 0) + 1);
  for (const name of tags) setup.tagUses.set(name, (setup.tagUses.get(name) ?? 0) + 1);
  if (status === 'published' && row.public) setup.reportable.push(row);

  const push = (column: string, value: unknown) => columns[column]!.push(value);
  push('id', id);
  push('organization_id', ctx.organizationIds[organization]);
  push('author_id', ctx.userIds[author]);
  push('title', caseTitle(random, language, slots));
  push('title_ar', bilingual ? caseTitle(random, 'ar', slots) : null);
  push('summary', caseSummary(random, language, slots));
  push('summary_ar', bilingual ? caseSummary(random, 'ar', slots) : null);
  push('challenge', sections[0]);
  push('solution', sections[1]);
  push('results', sections[2]);
  push('category', category);
  push('industry', industry);
  push('technologies', arrayLiteral(technologies));
  push('tags', arrayLiteral(tags));
  push('vendors', arrayLiteral(pickVendors(random)));
  push('roi_percent', roi);
  push('payback_months', payback);
  push('investment_sar', investment);
  push('annual_savings_sar', savings);
  push('efficiency_gain_percent', pct(0.4, 60));
  push('quality_improvement_percent', pct(0.3, 50));
  push('downtime_reduction_percent', pct(0.35, 80));
  push('energy_savings_percent', pct(category === 'energy' ? 0.9 : 0.2, 45));
  push('extra_outcomes', JSON.stringify(extra));
  push('implementation_months', random() < 0.85 ? between(random, 1, 24) : null);
  push('city', located ? place.slug : null);
  push('region', located || random() < 0.6 ? place.region : null);
  push('latitude', latitude);
  push('longitude', longitude);
  push('visibility', visibility);
  push('status', status);
  push('featured', status === 'published' && random() < 0.03);
  push('verified', status !== 'draft' && random() < 0.087);
  push('views_count', views);
  push('likes_count', likers.length);
  push('saves_count', savers.length);
  push('version', 1 + versions);
  push('published_at', publishedAt);
  push('created_at', createdAt);
  push('updated_at', updatedAt);
}

const CASE_COLUMNS: [string, string][] = [
  ['id', 'uuid'],
  ['organization_id', 'uuid'],
  ['author_id', 'uuid'],
  ['title', 'text'],
  ['title_ar', 'text'],
  ['summary', 'text'],
  ['summary_ar', 'text'],
  ['challenge', 'text'],
  ['solution', 'text'],
  ['results', 'text'],
  ['category', 'text'],
  ['industry', 'text'],
  ['technologies', 'text'],
  ['tags', 'text'],
  ['vendors', 'text'],
  ['roi_percent', 'numeric'],
  ['payback_months', 'numeric'],
  ['investment_sar', 'numeric'],
  ['annual_savings_sar', 'numeric'],
  ['efficiency_gain_percent', 'numeric'],
  ['quality_improvement_percent', 'numeric'],
  ['downtime_reduction_percent', 'numeric'],
  ['energy_savings_percent', 'numeric'],
  ['extra_outcomes', 'text'],
  ['implementation_months', 'numeric'],
  ['city', 'text'],
  ['region', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['visibility', 'text'],
  ['status', 'text'],
  ['featured', 'bool'],
  ['verified', 'bool'],
  ['views_count', 'int'],
  ['likes_count', 'int'],
  ['saves_count', 'int'],
  ['version', 'int'],
  ['published_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

/** The stored column for a parameter: arrays come as literals, outcomes as JSON, HTML rendered from the sections. */
const CASE_SELECT = CASE_COLUMNS.map(([name]) =>
  ['technologies', 'tags', 'vendors'].includes(name) ? `${name}::text[]` : name === 'extra_outcomes' ? `${name}::jsonb` : name,
).join(', ');

async function insertCases(ctx: GeneratorContext, columns: Columns): Promise<void> {
  const params = CASE_COLUMNS.map(([name]) => columns[name]!);
  const html = (['challenge', 'solution', 'results'] as const).map((section) => columns[section]!.map((text) => toHtml(text as string)));
  await ctx.client.query(
    `insert into use_cases (${CASE_COLUMNS.map(([name]) => name).join(', ')}, challenge_html, solution_html, results_html)
     select ${CASE_SELECT}, challenge_html, solution_html, results_html
       from unnest(${CASE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}, $${CASE_COLUMNS.length + 1}::text[], $${CASE_COLUMNS.length + 2}::text[], $${CASE_COLUMNS.length + 3}::text[])
         as t(${CASE_COLUMNS.map(([name]) => name).join(', ')}, challenge_html, solution_html, results_html)`,
    [...params, ...html],
  );
}

const emptyColumns = (names: string[]): Columns => Object.fromEntries(names.map((name) => [name, []]));

async function generateCases(ctx: GeneratorContext): Promise<Setup> {
  const { useCases } = useCaseCountsFor(ctx.scale);
  const random = seededRandom(30_260_101 + Math.round(ctx.scale * 1000));
  const tiers = await ctx.client.query<{ id: string; subscription_tier: SubscriptionTier }>(
    'select id, subscription_tier from organizations where id = any($1::uuid[])',
    [ctx.organizationIds],
  );
  const tierOf = new Map(tiers.rows.map((row) => [row.id, row.subscription_tier]));
  const setup: Setup = {
    random,
    now: Date.now(),
    usersPerOrganization: ctx.userIds.length / ctx.organizationIds.length,
    homePlace: ctx.organizationIds.map(() => SAUDI_PLACES[weightedIndex(random, PLACE_WEIGHTS)]!),
    quota: ctx.organizationIds.map((id) => TIER_LIMITS[tierOf.get(id) ?? 'enterprise'].useCases ?? Number.MAX_SAFE_INTEGER),
    used: ctx.organizationIds.map(() => 0),
    technologyUses: new Map(),
    tagUses: new Map(),
    reportable: [],
  };
  const progress = ctx.progress('Use cases', useCases);
  for (let from = 0; from < useCases; from += CASE_CHUNK) {
    const to = Math.min(useCases, from + CASE_CHUNK);
    let started = performance.now();
    const columns = emptyColumns(CASE_COLUMNS.map(([name]) => name));
    const engagement: Engagement = {
      views: emptyColumns(['case', 'user', 'organization', 'at']),
      likes: emptyColumns(['case', 'user', 'at']),
      saves: emptyColumns(['case', 'user', 'at']),
      versions: emptyColumns(['case', 'version', 'editor', 'changes', 'at']),
    };
    for (let i = from; i < to; i += 1) buildCase(ctx, setup, columns, engagement);
    addTime('generate text and engagement (JS)', started);
    started = performance.now();
    await insertCases(ctx, columns);
    addTime('insert use cases (search vectors computed)', started);
    started = performance.now();
    const { views, likes, saves, versions } = engagement;
    await insertUnnest(
      ctx,
      'insert into use_case_views (use_case_id, user_id, organization_id, viewed_at) select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[])',
      [views.case!, views.user!, views.organization!, views.at!],
    );
    addTime('insert view log', started);
    started = performance.now();
    await insertUnnest(
      ctx,
      'insert into use_case_likes (use_case_id, user_id, created_at) select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[])',
      [likes.case!, likes.user!, likes.at!],
    );
    await insertUnnest(
      ctx,
      'insert into use_case_saves (use_case_id, user_id, created_at) select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[])',
      [saves.case!, saves.user!, saves.at!],
    );
    await insertUnnest(
      ctx,
      'insert into use_case_versions (use_case_id, version, editor_id, changes, created_at) select c, v, e, ch::jsonb, a from unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::timestamptz[]) as t(c, v, e, ch, a)',
      [versions.case!, versions.version!, versions.editor!, versions.changes!, versions.at!],
    );
    addTime('insert likes, saves and versions', started);
    useCaseLoadCounts.useCases += to - from;
    useCaseLoadCounts.views += views.case!.length;
    useCaseLoadCounts.likes += likes.case!.length;
    useCaseLoadCounts.saves += saves.case!.length;
    useCaseLoadCounts.versions += versions.case!.length;
    progress.increment(to - from);
  }
  progress.stop();
  return setup;
}

/** Reports on published public cases (popular ones more often), each reporter from another organization; a few cases hidden by a moderator. */
async function generateReports(ctx: GeneratorContext, setup: Setup): Promise<void> {
  const { reports } = useCaseCountsFor(ctx.scale);
  const { random, now, reportable } = setup;
  if (reportable.length === 0) return;
  const started = performance.now();
  const rows = emptyColumns(['case', 'reporter', 'reason', 'details', 'status', 'resolution', 'resolved', 'at']);
  const hidden = new Set<string>();
  const seen = new Set<string>();
  while (rows.case!.length < Math.min(reports, reportable.length)) {
    const target = reportable[Math.floor(reportable.length * random() ** 1.3)]!;
    const reporter = Math.floor(random() * ctx.userIds.length);
    if (Math.floor(reporter / setup.usersPerOrganization) === target.organization || seen.has(`${target.id}:${reporter}`)) continue;
    seen.add(`${target.id}:${reporter}`);
    const at = new Date(target.publishedAt!.getTime() + Math.floor((now - target.publishedAt!.getTime()) * random()));
    const s = random();
    const status = s < 0.68 ? 'open' : s < 0.95 ? 'dismissed' : 'hidden';
    if (status === 'hidden') hidden.add(target.id);
    rows.case!.push(target.id);
    rows.reporter!.push(ctx.userIds[reporter]);
    rows.reason!.push(anyOf(random, REPORT_REASONS));
    rows.details!.push(random() < 0.7 ? anyOf(random, REPORT_DETAILS) : null);
    rows.status!.push(status);
    rows.resolution!.push(
      status === 'open' ? null : status === 'hidden' ? 'Hidden until the figures are checked' : 'Figures checked with the company',
    );
    rows.resolved!.push(status === 'open' ? null : new Date(Math.min(now, at.getTime() + between(random, 1, 72) * HOUR_MS)));
    rows.at!.push(at);
  }
  await insertUnnest(
    ctx,
    `insert into use_case_reports (use_case_id, reporter_id, reason, details, status, resolution, resolved_at, created_at)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])`,
    [rows.case!, rows.reporter!, rows.reason!, rows.details!, rows.status!, rows.resolution!, rows.resolved!, rows.at!],
  );
  if (hidden.size > 0)
    await ctx.client.query("update use_cases set hidden_at = now() - interval '1 day' where id = any($1::uuid[])", [[...hidden]]);
  useCaseLoadCounts.reports += rows.case!.length;
  addTime('insert reports', started);
}

/** The shared vocabulary with exact uses_count (every case, drafts included, counts its terms once). */
async function writeTerms(ctx: GeneratorContext, setup: Setup): Promise<void> {
  const started = performance.now();
  const kinds: ['technology' | 'tag', readonly string[], Map<string, number>][] = [
    ['technology', TECHNOLOGIES, setup.technologyUses],
    ['tag', TAGS, setup.tagUses],
  ];
  for (const [kind, names, uses] of kinds) {
    await ctx.client.query(
      `insert into use_case_terms (kind, name, normalized, uses_count)
       select $1, name, normalized, uses from unnest($2::text[], $3::text[], $4::int[]) as t(name, normalized, uses)
       on conflict (kind, normalized) do update set uses_count = use_case_terms.uses_count + excluded.uses_count`,
      [kind, names, names.map(normalizeTerm), names.map((name) => uses.get(name) ?? 0)],
    );
  }
  addTime('vocabulary (use_case_terms)', started);
}

interface SetAside {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

async function setAsideIndexesAndKeys(ctx: GeneratorContext): Promise<SetAside> {
  const { client } = ctx;
  const indexes = await client.query<{ name: string; definition: string }>(
    `select ic.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
      where t.relnamespace = 'public'::regnamespace and t.relname = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
      order by t.relname, ic.relname`,
    [LOADED_TABLES],
  );
  const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
    `select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c join pg_class t on t.oid = c.conrelid
      where c.contype = 'f' and t.relnamespace = 'public'::regnamespace and t.relname = any($1)
      order by t.relname, c.conname`,
    [LOADED_TABLES],
  );
  for (const fk of foreignKeys.rows) await client.query(`alter table "${fk.table}" drop constraint "${fk.name}"`);
  for (const index of indexes.rows) await client.query(`drop index "${index.name}"`);
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/**
 * The use-case library: cases spread over the organizations (within each plan's limit) and authored
 * by their people, in English, Arabic or both; outcomes, places around industrial cities, visibility,
 * status, featured and verified flags; a 30-day view log, likes and saves whose rows equal the
 * counters; versions, reports and the vocabulary. Secondary indexes and foreign keys of the loaded
 * tables are dropped first and rebuilt after the load.
 */
export function createUseCaseGenerator(): Generator {
  let setAside: SetAside | undefined;
  return {
    name: 'use cases and engagement',
    async run(ctx) {
      useCaseLoadDetails.length = 0;
      Object.assign(useCaseLoadCounts, { useCases: 0, views: 0, likes: 0, saves: 0, versions: 0, reports: 0 });
      const started = performance.now();
      setAside = await setAsideIndexesAndKeys(ctx);
      addTime('drop use-case indexes and foreign keys', started);
      const setup = await generateCases(ctx);
      await generateReports(ctx, setup);
      await writeTerms(ctx, setup);
    },
    async afterLoad(ctx) {
      if (!setAside) return;
      await ctx.client.query("set local maintenance_work_mem = '256MB'");
      let started = performance.now();
      // The per-person marker of the last counted view, as counting views keeps it.
      await ctx.client.query(
        `insert into use_case_viewers (use_case_id, user_id, viewed_at)
         select use_case_id, user_id, max(viewed_at) from use_case_views where user_id is not null group by use_case_id, user_id`,
      );
      addTime('viewer markers from the view log', started);
      const progress = ctx.progress('Use-case indexes', setAside.indexes.length + setAside.foreignKeys.length);
      for (const index of setAside.indexes) {
        started = performance.now();
        await ctx.client.query(index.definition);
        addTime(`index ${index.name}`, started);
        progress.increment(1);
      }
      started = performance.now();
      for (const fk of setAside.foreignKeys) {
        await ctx.client.query(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.definition}`);
        progress.increment(1);
      }
      addTime('foreign keys (validated)', started);
      progress.stop();
      setAside = undefined;
    },
  };
}
