import type { UseCaseVisibility } from '@p2p/contracts';
import { TestClient } from '../helpers/app.js';
import { caseBody } from '../use-cases/factories.js';
import { type Expect, type MatrixEntry, type MatrixSetup, type Role, type World, everyone, shared, signedIn } from './harness.js';
import { SECRET_CITY, SHARED_TECHNOLOGY, revealsOnly } from './leaks.js';

/**
 * The use-case library. The owner is A's resource-owning member, who wrote the case. Most entries
 * run three times, once per visibility of a published case: `public` (everyone reads, guests too),
 * `organization` (organization A reads; B and guests get 404) and `private` (the author, A's admins
 * and moderators; A's plain member gets 404 too). A's admins and moderators change any of A's cases.
 */
const VISIBILITIES = ['public', 'organization', 'private'] as const;

async function useCase(world: World, visibility: UseCaseVisibility, publish = true): Promise<string> {
  const response = await world.a.owner.client.post('/api/v1/use-cases', caseBody({ visibility, publish }));
  if (response.statusCode !== 201) throw new Error(`use case failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/** Who sees a published case of each visibility: `seen` for them, 404 for the rest (guests get `guest` when they cannot see it). */
function byVisibility(visibility: UseCaseVisibility, seen: Partial<Expect> & { default: number }, guestUnseen = 404): Expect {
  const sees: Record<Role, boolean> = {
    owner: true,
    sameOrgAdmin: true,
    moderator: true,
    sameOrgMember: visibility !== 'private',
    otherOrgAdmin: visibility === 'public',
    otherOrgMember: visibility === 'public',
    guest: visibility === 'public',
  };
  const result = {} as Expect;
  for (const role of Object.keys(sees) as Role[]) {
    result[role] = sees[role] ? (seen[role] ?? seen.default) : role === 'guest' ? guestUnseen : 404;
  }
  return result;
}

function perVisibility(
  method: MatrixEntry['method'],
  route: string,
  setup: (world: World, visibility: UseCaseVisibility) => Promise<MatrixSetup>,
  expect: (visibility: UseCaseVisibility) => Expect,
): MatrixEntry[] {
  return VISIBILITIES.map((visibility) => ({
    method,
    route,
    variant: visibility,
    setup: (world: World) => setup(world, visibility),
    expect: expect(visibility),
  }));
}

const caseUrl =
  (suffix = '') =>
  async (world: World, visibility: UseCaseVisibility) => ({ url: `/api/v1/use-cases/${await useCase(world, visibility)}${suffix}` });

/** A public case of A's in the hidden cases' city, with their category and technology. */
const besideSecrets = shared(async (world) => {
  const response = await world.a.owner.client.post(
    '/api/v1/use-cases',
    caseBody({ title: 'Najran conveyor retrofit', city: SECRET_CITY, technologies: ['PLC', SHARED_TECHNOLOGY] }),
  );
  if (response.statusCode !== 201) throw new Error(`use case failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
});

/** One case per visibility for all the roles of a read-only entry (reads, per-person toggles, reports). */
const sharedCaseUrl = (suffix = '') => {
  const make = shared((world, visibility) => useCase(world, visibility as UseCaseVisibility));
  return async (world: World, visibility: UseCaseVisibility) => ({ url: `/api/v1/use-cases/${await make(world, visibility)}${suffix}` });
};

const withBody =
  (url: (world: World, visibility: UseCaseVisibility) => Promise<{ url: string }>, body: object) =>
  async (world: World, visibility: UseCaseVisibility): Promise<MatrixSetup> => ({ ...(await url(world, visibility)), body });

/** Changing a case: its owners (author, A's admins, moderators); others who see it 403; guests 401. */
const owners = (status: number) => (visibility: UseCaseVisibility) =>
  byVisibility(visibility, { default: 403, owner: status, sameOrgAdmin: status, moderator: status, guest: 401 }, 401);
/** Any signed-in reader who sees it; guests 401. */
const signedInReaders = (status: number) => (visibility: UseCaseVisibility) =>
  byVisibility(visibility, { default: status, guest: 401 }, 401);
const readers = (status: number) => (visibility: UseCaseVisibility) => byVisibility(visibility, { default: status });

/** The cases that some roles must not see (leaks.ts): their titles all hold the word "kestrel". */
const revealsCases = revealsOnly((s) => s.cases);

export const entries: MatrixEntry[] = [
  // Lists, searches and exports: guests read public cases; each check looks for the cases the role
  // must not see (another organization's, a colleague's private one, a draft) and for those it must.
  {
    method: 'GET',
    route: '/api/v1/use-cases',
    setup: async () => ({ url: '/api/v1/use-cases?q=kestrel&pageSize=100' }),
    expect: everyone(200),
    check: revealsCases,
  },
  // The walk on by cursor: the page after a role's first one holds no more than that role may see.
  {
    method: 'GET',
    route: '/api/v1/use-cases',
    variant: 'next page by cursor',
    setup: async (world, role) => {
      const list = `/api/v1/use-cases?city=${SECRET_CITY}&sort=newest`;
      const first = await (world.personOf(role)?.client ?? new TestClient(world.app)).get(`${list}&pageSize=1`);
      const next = (first.json() as { nextCursor?: string | null }).nextCursor;
      return { url: `${list}&pageSize=100${next ? `&cursor=${encodeURIComponent(next)}` : ''}` };
    },
    expect: everyone(200),
    check: revealsOnly((s) => s.cases, { shown: false }),
  },
  {
    method: 'POST',
    route: '/api/v1/use-cases',
    setup: async () => ({ url: '/api/v1/use-cases', body: caseBody() }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/trending',
    setup: async () => ({ url: '/api/v1/use-cases/trending?period=month&limit=50' }),
    expect: everyone(200),
    check: revealsOnly((s) => s.cases, { shown: false }),
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/featured',
    setup: async () => ({ url: '/api/v1/use-cases/featured?limit=50' }),
    expect: everyone(200),
    check: revealsCases,
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/categories/stats',
    setup: async () => ({ url: '/api/v1/use-cases/categories/stats' }),
    expect: everyone(200),
  },
  { method: 'GET', route: '/api/v1/use-cases/saved', setup: async () => ({ url: '/api/v1/use-cases/saved' }), expect: signedIn(200) },
  // The shared vocabulary: a term that only a case the reader cannot see uses is not offered to them.
  {
    method: 'GET',
    route: '/api/v1/use-cases/terms',
    setup: async () => ({ url: '/api/v1/use-cases/terms?kind=tag&q=zqcase&limit=30' }),
    expect: everyone(200),
    check: revealsOnly((s) => s.terms),
  },
  {
    method: 'POST',
    route: '/api/v1/use-cases/search/advanced',
    setup: async () => ({ url: '/api/v1/use-cases/search/advanced', body: { q: 'kestrel', pageSize: 100 } }),
    expect: everyone(200),
    check: revealsCases,
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/search/suggestions',
    setup: async () => ({ url: '/api/v1/use-cases/search/suggestions?q=kestrel&limit=20' }),
    expect: everyone(200),
    check: revealsOnly((s) => s.cases, { shown: false }),
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/search/suggestions',
    variant: "another person's searches",
    setup: async () => ({ url: '/api/v1/use-cases/search/suggestions?q=zqhistoryalpha&limit=20' }),
    expect: everyone(200),
    check: revealsOnly((s) => s.ownerSearches.slice(1), { shown: false }),
  },
  // A public case beside the hidden ones (same place, category and technologies): its related and
  // nearby cases are only those the reader may see.
  ...(['related', 'nearby'] as const).map((kind): MatrixEntry => ({
    method: 'GET',
    route: `/api/v1/use-cases/:id/${kind}`,
    variant: 'beside hidden cases',
    setup: async (world) => ({ url: `/api/v1/use-cases/${await besideSecrets(world, 'public')}/${kind}` }),
    expect: everyone(200),
    check: revealsOnly((s) => s.cases, { shown: false }),
  })),
  {
    method: 'POST',
    route: '/api/v1/use-cases/search/saved',
    setup: async () => ({ url: '/api/v1/use-cases/search/saved', body: { name: 'Matrix search', search: { q: 'conveyor' } } }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/search/saved',
    setup: async () => ({ url: '/api/v1/use-cases/search/saved' }),
    expect: signedIn(200),
    check: revealsOnly((s) => s.ownerSearches.slice(0, 1)),
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/search/history',
    setup: async () => ({ url: '/api/v1/use-cases/search/history' }),
    expect: signedIn(200),
    check: revealsOnly((s) => s.ownerSearches.slice(1)),
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/location/filter',
    setup: async () => ({ url: `/api/v1/use-cases/location/filter?city=${SECRET_CITY}&pageSize=100` }),
    expect: everyone(200),
    check: revealsCases,
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/location/statistics',
    setup: async () => ({ url: '/api/v1/use-cases/location/statistics' }),
    expect: everyone(200),
  },
  // The report queue is the moderators': anyone else gets 404, as if it did not exist.
  {
    method: 'GET',
    route: '/api/v1/use-cases/reports',
    setup: async () => ({ url: '/api/v1/use-cases/reports' }),
    expect: { owner: 404, sameOrgAdmin: 404, sameOrgMember: 404, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 200, guest: 401 },
  },
  ...(['csv', 'json'] as const).map((format): MatrixEntry => ({
    method: 'GET',
    route: '/api/v1/use-cases/export',
    variant: format,
    setup: async () => ({ url: `/api/v1/use-cases/export?format=${format}&q=kestrel` }),
    expect: everyone(200),
    check: revealsCases,
  })),
  {
    method: 'POST',
    route: '/api/v1/use-cases/export/custom',
    setup: async () => ({
      url: '/api/v1/use-cases/export/custom',
      body: { format: 'json', fields: ['id', 'title', 'tags', 'technologies'], filters: { q: 'kestrel' } },
    }),
    expect: everyone(200),
    check: revealsCases,
  },
  ...perVisibility('GET', '/api/v1/use-cases/:id', sharedCaseUrl(), readers(200)),
  ...perVisibility(
    'PATCH',
    '/api/v1/use-cases/:id',
    async (world, visibility) => ({ ...(await caseUrl()(world, visibility)), body: { title: 'Edited matrix case' } }),
    owners(200),
  ),
  ...perVisibility('DELETE', '/api/v1/use-cases/:id', caseUrl(), owners(204)),
  ...perVisibility(
    'PATCH',
    '/api/v1/use-cases/:id/location',
    async (world, visibility) => ({ ...(await caseUrl('/location')(world, visibility)), body: { city: 'yanbu' } }),
    owners(200),
  ),
  ...perVisibility('GET', '/api/v1/use-cases/:id/engagement', sharedCaseUrl('/engagement'), owners(200)),
  ...perVisibility(
    'PATCH',
    '/api/v1/use-cases/:id/moderation',
    async (world, visibility) => ({ ...(await caseUrl('/moderation')(world, visibility)), body: { featured: true } }),
    (visibility) => byVisibility(visibility, { default: 403, moderator: 200, guest: 401 }, 401),
  ),
  ...(['like', 'save'] as const).flatMap((action) =>
    perVisibility('POST', `/api/v1/use-cases/:id/${action}`, withBody(sharedCaseUrl(`/${action}`), {}), signedInReaders(200)),
  ),
  // The case's own organization does not report it (403); moderators may.
  ...perVisibility('POST', '/api/v1/use-cases/:id/report', withBody(sharedCaseUrl('/report'), { reason: 'spam' }), (visibility) =>
    byVisibility(visibility, { default: 201, owner: 403, sameOrgAdmin: 403, guest: 401 }, 401),
  ),
  ...perVisibility('GET', '/api/v1/use-cases/:id/related', sharedCaseUrl('/related'), readers(200)),
  ...perVisibility('GET', '/api/v1/use-cases/:id/nearby', sharedCaseUrl('/nearby'), readers(200)),
  ...perVisibility('GET', '/api/v1/use-cases/:id/versions', sharedCaseUrl('/versions'), readers(200)),
  ...perVisibility('GET', '/api/v1/use-cases/:id/export', sharedCaseUrl('/export?format=md'), readers(200)),
  // A draft: its author, A's admins and moderators see it; everyone else 404 (A's plain member included).
  {
    method: 'POST',
    route: '/api/v1/use-cases/:id/publish',
    variant: 'draft',
    setup: async (world) => ({ url: `/api/v1/use-cases/${await useCase(world, 'public', false)}/publish`, body: {} }),
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 404, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 200, guest: 401 },
  },
  {
    method: 'GET',
    route: '/api/v1/use-cases/:id',
    variant: 'draft',
    setup: async (world) => ({ url: `/api/v1/use-cases/${await useCase(world, 'public', false)}` }),
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 404, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 200, guest: 404 },
  },
  // Saved searches are their owner's alone.
  ...(
    [
      ['DELETE', '/api/v1/use-cases/search/saved/:id', '', 204],
      ['GET', '/api/v1/use-cases/search/saved/:id/execute', '/execute', 200],
    ] as const
  ).map(([method, route, suffix, status]): MatrixEntry => ({
    method,
    route,
    setup: async (world) => {
      const saved = await world.a.owner.client.post('/api/v1/use-cases/search/saved', {
        name: 'Packaging in Jubail',
        search: { q: 'packaging', filters: { region: ['eastern'] } },
      });
      if (saved.statusCode !== 201) throw new Error(`saved search failed: ${saved.statusCode} ${saved.body}`);
      return { url: `/api/v1/use-cases/search/saved/${saved.json().id as string}${suffix}` };
    },
    expect: { owner: status, sameOrgAdmin: 404, sameOrgMember: 404, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 404, guest: 401 },
  })),
  // The report queue is the moderators': anyone else gets 404, as if it did not exist.
  {
    method: 'POST',
    route: '/api/v1/use-cases/reports/:id/resolve',
    setup: async (world) => {
      const id = await useCase(world, 'public');
      const report = await world.b.admin.client.post(`/api/v1/use-cases/${id}/report`, { reason: 'inaccurate', details: 'Matrix report' });
      if (report.statusCode !== 201) throw new Error(`report failed: ${report.statusCode} ${report.body}`);
      return { url: `/api/v1/use-cases/reports/${report.json().id as string}/resolve`, body: { action: 'dismiss' } };
    },
    expect: { owner: 404, sameOrgAdmin: 404, sameOrgMember: 404, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 200, guest: 401 },
  },
];
