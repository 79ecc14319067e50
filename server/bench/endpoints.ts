import type pg from 'pg';

/** Who sends an endpoint's requests: nobody signed in, or one of the signed-in bench members or organization admins (taken in turn). */
export type BenchRole = 'anonymous' | 'member' | 'admin';

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** Sent as JSON. */
  body?: unknown;
}

/** Ids and terms read from the bench database once, before the load starts. */
export interface BenchFixtures {
  /** A sample of organization ids (public cards, the ceiling). */
  organizationIds: string[];
  /** Member-search terms: whole and partial first and last names, an email part. */
  memberSearchTerms: string[];
}

export interface BenchEndpoint {
  name: string;
  as: BenchRole;
  /** The n-th request this endpoint sends (n counts across all connections): vary ids and terms by n. */
  request(fixtures: BenchFixtures, n: number): BenchRequest;
}

function pick<T>(list: readonly T[], n: number): T {
  if (list.length === 0) throw new Error('The bench fixtures are empty: is the benchmark data loaded?');
  return list[n % list.length]!;
}

/**
 * The measured endpoints, in order; the ceiling is always measured first and is not listed here.
 * Later modules add theirs (forum: topic list, threaded topic, reply, like toggle, search, suggestions)
 * and, when they need ids, extend BenchFixtures and loadFixtures below.
 */
export const ENDPOINTS: BenchEndpoint[] = [
  { name: 'GET /health', as: 'anonymous', request: () => ({ method: 'GET', path: '/health' }) },
  { name: 'GET /api/v1/users/me', as: 'member', request: () => ({ method: 'GET', path: '/api/v1/users/me' }) },
  { name: 'GET /api/v1/organizations/me/stats', as: 'admin', request: () => ({ method: 'GET', path: '/api/v1/organizations/me/stats' }) },
  {
    name: 'GET /api/v1/users?search= (members)',
    as: 'admin',
    request: (f, n) => ({ method: 'GET', path: `/api/v1/users?search=${encodeURIComponent(pick(f.memberSearchTerms, n))}` }),
  },
  { name: 'GET /api/v1/organizations/:id', as: 'anonymous', request: (f, n) => ({ method: 'GET', path: `/api/v1/organizations/${pick(f.organizationIds, n)}` }) },
];

/** The bare route every endpoint is compared with: one primary-key SELECT through the same pool. */
export const CEILING: BenchEndpoint = {
  name: 'ceiling (1 PK SELECT)',
  as: 'anonymous',
  request: (f, n) => ({ method: 'GET', path: `/__bench/ceiling?id=${pick(f.organizationIds, n)}` }),
};

export async function loadFixtures(pool: pg.Pool): Promise<BenchFixtures> {
  const organizations = await pool.query<{ id: string }>('select id from organizations order by random() limit 500');
  const names = await pool.query<{ first_name: string; last_name: string }>('select distinct first_name, last_name from users limit 200');
  const terms = new Set<string>(['al', 'user1', 'manager']);
  for (const row of names.rows) {
    terms.add(row.first_name.toLowerCase());
    terms.add(row.last_name.slice(0, 5).toLowerCase());
  }
  return { organizationIds: organizations.rows.map((r) => r.id), memberSearchTerms: [...terms] };
}
