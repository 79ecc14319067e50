import type {
  LocationStatistics,
  Me,
  SavedSearch,
  UseCase,
  UseCaseCategoryStats,
  UseCaseFacets,
  UseCasePage,
  UseCaseSearchHit,
  UseCaseSearchResult,
  UseCaseSummary,
  UseCaseTrending,
} from '@p2p/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { requestUrl } from './fetch-helpers.js';

/** A stable UUID made from a small number, so tests can name rows by number. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ORGANIZATIONS = {
  jubail: { id: uuid(3001), name: 'Jubail Pumps', nameAr: 'مضخات الجبيل', logoUrl: null },
  jeddah: { id: uuid(3002), name: 'Red Sea Plastics', nameAr: 'بلاستيك البحر الأحمر', logoUrl: null },
  riyadh: { id: uuid(3003), name: 'Najd Steel', nameAr: 'حديد نجد', logoUrl: null },
} as const;

/** Place slugs with their region and coordinates, as the server fills them from SAUDI_PLACES. */
const PLACES = {
  riyadh: { city: 'riyadh', region: 'riyadh', latitude: 24.7136, longitude: 46.6753 },
  jeddah: { city: 'jeddah', region: 'makkah', latitude: 21.4858, longitude: 39.1925 },
  dammam: { city: 'dammam', region: 'eastern', latitude: 26.4207, longitude: 50.0888 },
  jubail: { city: 'jubail', region: 'eastern', latitude: 27.0046, longitude: 49.646 },
} as const;
export type FixturePlace = keyof typeof PLACES;

export function location(place: FixturePlace | null): UseCaseSummary['location'] {
  if (!place) return { city: null, region: null, country: 'SA', latitude: null, longitude: null };
  return { ...PLACES[place], country: 'SA' };
}

/** One row of a list: case `n`, published and public, in Riyadh unless told otherwise. */
export function useCaseSummary(n: number, overrides: Partial<UseCaseSummary> = {}): UseCaseSummary {
  return {
    id: uuid(n),
    title: `Predictive maintenance on line ${n}`,
    titleAr: `الصيانة التنبؤية على الخط ${n}`,
    summary: 'Vibration sensors on the pumps cut unplanned stops by a third within a year.',
    summaryAr: 'خفضت مستشعرات الاهتزاز على المضخات التوقفات غير المخطط لها بمقدار الثلث خلال عام.',
    category: 'maintenance',
    industry: 'oil_gas_services',
    technologies: ['Vibration sensors', 'SCADA'],
    tags: ['pumps'],
    roiPercent: 180,
    paybackMonths: 14,
    investmentSar: 850_000,
    annualSavingsSar: 1_200_000,
    location: location('riyadh'),
    organization: ORGANIZATIONS.riyadh,
    visibility: 'public',
    status: 'published',
    featured: false,
    verified: false,
    hidden: false,
    viewsCount: 120,
    likesCount: 9,
    savesCount: 4,
    coverImageUrl: null,
    publishedAt: '2026-01-10T10:00:00.000Z',
    createdAt: '2026-01-09T10:00:00.000Z',
    updatedAt: '2026-01-10T10:00:00.000Z',
    ...overrides,
  };
}

/** The full case page of case `n`, readable by a signed-in member who may like and report it. */
export function useCase(n: number, overrides: Partial<UseCase> = {}): UseCase {
  const { distanceKm: _distance, ...summary } = useCaseSummary(n);
  return {
    ...summary,
    challenge: 'Pumps failed without warning.',
    solution: 'Wireless vibration sensors feed the SCADA historian.',
    results: 'Unplanned stops fell by a third.',
    challengeHtml: '<p>Pumps failed without warning.</p>',
    solutionHtml: '<p>Wireless vibration sensors feed the SCADA historian.</p>',
    resultsHtml: '<p>Unplanned stops fell by a third.</p>',
    outcomes: {
      roiPercent: 180,
      paybackMonths: 14,
      investmentSar: 850_000,
      annualSavingsSar: 1_200_000,
      efficiencyGainPercent: 12,
      qualityImprovementPercent: null,
      downtimeReductionPercent: 33,
      energySavingsPercent: null,
    },
    extraOutcomes: [{ label: 'Scrap rate', value: 2.1, unit: '%' }],
    implementationMonths: 6,
    vendors: ['Gulf Automation'],
    images: [],
    attachments: [],
    company: {
      ...ORGANIZATIONS.riyadh,
      industry: 'metals_steel',
      city: 'riyadh',
      region: 'riyadh',
      size: '51-200',
      publicUseCasesCount: 3,
    },
    author: {
      id: uuid(4001),
      name: 'Amal Al-Qahtani',
      avatarUrl: null,
      jobTitle: 'Maintenance Engineer',
      organization: ORGANIZATIONS.riyadh,
      formerMember: false,
    },
    version: 1,
    likedByMe: false,
    savedByMe: false,
    reportedByMe: false,
    can: { edit: false, delete: false, publish: false, moderate: false, viewEngagement: false, like: true, report: true },
    ...overrides,
  };
}

export function emptyFacets(): UseCaseFacets {
  return { category: [], industry: [], technology: [], region: [], year: [], verified: [], featured: [] };
}

/** Facet counts that match `sampleCases()`. */
export function sampleFacets(): UseCaseFacets {
  return {
    category: [
      { value: 'maintenance', count: 2 },
      { value: 'quality', count: 1 },
    ],
    industry: [
      { value: 'oil_gas_services', count: 2 },
      { value: 'plastics_rubber', count: 1 },
    ],
    technology: [
      { value: 'SCADA', count: 3 },
      { value: 'Vibration sensors', count: 2 },
      { value: 'Machine vision', count: 1 },
    ],
    region: [
      { value: 'eastern', count: 2 },
      { value: 'makkah', count: 1 },
    ],
    year: [
      { value: '2026', count: 2 },
      { value: '2025', count: 1 },
    ],
    verified: [
      { value: 'true', count: 1 },
      { value: 'false', count: 2 },
    ],
    featured: [
      { value: 'true', count: 1 },
      { value: 'false', count: 2 },
    ],
  };
}

/** Three cases: two in the Eastern Province (Dammam, Jubail), one in Jeddah. */
export function sampleCases(): UseCaseSummary[] {
  return [
    useCaseSummary(1, { location: location('dammam'), organization: ORGANIZATIONS.jubail, featured: true, verified: true }),
    useCaseSummary(2, {
      title: 'Machine vision for bottle caps',
      titleAr: null,
      category: 'quality',
      industry: 'plastics_rubber',
      technologies: ['Machine vision', 'SCADA'],
      location: location('jeddah'),
      organization: ORGANIZATIONS.jeddah,
      roiPercent: 95.5,
      paybackMonths: 8,
      publishedAt: '2025-11-02T10:00:00.000Z',
    }),
    useCaseSummary(3, {
      location: location('dammam'),
      organization: ORGANIZATIONS.jubail,
      roiPercent: null,
      paybackMonths: null,
      annualSavingsSar: null,
    }),
  ];
}

export function page<T>(items: T[], overrides: { total?: number; page?: number; pageSize?: number } = {}) {
  const pageSize = overrides.pageSize ?? 20;
  const total = overrides.total ?? items.length;
  const current = overrides.page ?? 1;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  return { items, total, page: current, pageSize, totalPages, hasNext: current < totalPages, hasPrevious: current > 1 };
}

export function useCasePage(
  items: UseCaseSummary[] = sampleCases(),
  facets: UseCaseFacets | null = sampleFacets(),
  overrides: { total?: number; page?: number; pageSize?: number } = {},
): UseCasePage {
  return { ...page(items, overrides), facets };
}

export function searchHit(summary: UseCaseSummary, overrides: Partial<UseCaseSearchHit> = {}): UseCaseSearchHit {
  return {
    useCase: summary,
    rank: 0.5,
    title: [{ text: summary.title, mark: false }],
    excerpt: [{ text: summary.summary, mark: false }],
    ...overrides,
  };
}

export function searchResult(items: UseCaseSearchHit[], overrides: Partial<UseCaseSearchResult> = {}): UseCaseSearchResult {
  return { ...page(items), facets: sampleFacets(), tookMs: 12.4, ...overrides };
}

export function trending(period: UseCaseTrending['period'] = 'week', items: UseCaseSummary[] = sampleCases()): UseCaseTrending {
  return { period, items: items.map((useCase, index) => ({ useCase, views: 30 - index, likes: 5 - index, saves: 2, score: 10 - index })) };
}

export function categoryStats(): UseCaseCategoryStats {
  return {
    items: [
      {
        category: 'maintenance',
        count: 2,
        averageRoiPercent: 180,
        views: 240,
        likes: 18,
        saves: 8,
        topTechnologies: [{ value: 'SCADA', count: 2 }],
      },
      {
        category: 'quality',
        count: 1,
        averageRoiPercent: 95.5,
        views: 120,
        likes: 9,
        saves: 4,
        topTechnologies: [{ value: 'Machine vision', count: 1 }],
      },
    ],
  };
}

export function locationStatistics(): LocationStatistics {
  return {
    regions: [
      { region: 'eastern', count: 2, averageRoiPercent: 180, cities: [{ value: 'dammam', count: 2 }] },
      { region: 'makkah', count: 1, averageRoiPercent: 95.5, cities: [{ value: 'jeddah', count: 1 }] },
    ],
    withoutRegion: 1,
  };
}

export function savedSearch(n: number, overrides: Partial<SavedSearch> = {}): SavedSearch {
  return {
    id: uuid(n),
    name: `Pumps in the east ${n}`,
    search: { q: 'pump', filters: { region: ['eastern'] }, sort: 'relevance' },
    lastRunAt: null,
    createdAt: '2026-01-10T10:00:00.000Z',
    ...overrides,
  };
}

/** A signed-in member of Najd Steel. */
export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: uuid(4001),
    email: 'amal@najd-steel.example',
    emailVerified: true,
    name: 'Amal Al-Qahtani',
    firstName: 'Amal',
    lastName: 'Al-Qahtani',
    jobTitle: 'Maintenance Engineer',
    department: null,
    phone: null,
    bio: null,
    avatarUrl: null,
    language: 'en',
    platformRole: 'member',
    status: 'active',
    createdAt: '2026-01-01T10:00:00.000Z',
    verificationDeadline: null,
    orgRole: 'member',
    organization: {
      ...ORGANIZATIONS.riyadh,
      industry: 'metals_steel',
      status: 'active',
      subscriptionTier: 'professional',
      trialEndsAt: null,
    },
    ...overrides,
  };
}

export function json(body: unknown, status = 200): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function problem(status: number, code: string): Response {
  return json({ type: 'about:blank', title: code, status, code }, status);
}

export interface RecordedRequest {
  method: string;
  url: string;
  /** The URL without its query string. */
  path: string;
  body: unknown;
}

/**
 * Replaces fetch with `route`: each request is recorded (method, URL, path, parsed JSON body) and answered by
 * the first matching handler, or 404. `/api/v1/users/me` answers 401 (a guest) unless a handler says otherwise.
 */
export function mockApi(route: (request: RecordedRequest) => Response | undefined) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = requestUrl(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request = { method, url, path: url.split('?')[0] ?? url, body };
    requests.push(request);
    const answer = route(request);
    if (answer) return answer;
    if (url === '/api/v1/users/me') return problem(401, 'UNAUTHENTICATED');
    return problem(404, 'NOT_FOUND');
  });
  return { requests, fetchMock };
}

/**
 * Renders `element` at `url` (matched by `path`) in a memory router with a fresh query client, in the
 * given language. Other paths render a marker, so a test can see where a link led.
 */
export async function renderAt(element: ReactElement, path: string, url: string, language: 'en' | 'ar' = 'en') {
  initI18n(language);
  await applyLanguage(language);
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: createElement('p', { 'data-testid': 'elsewhere' }, 'elsewhere') },
    ],
    { initialEntries: [url] },
  );
  const view = render(createElement(QueryClientProvider, { client: createQueryClient() }, createElement(RouterProvider, { router })));
  return { router, view };
}

/** The query of the last request whose path starts with `prefix`. */
export function lastQuery(requests: RecordedRequest[], prefix: string): URLSearchParams | undefined {
  const match = [...requests]
    .reverse()
    .find((request) => request.url.startsWith(prefix) && request.url.slice(prefix.length, prefix.length + 1) === '?');
  return match ? new URL(match.url, 'http://localhost').searchParams : undefined;
}
