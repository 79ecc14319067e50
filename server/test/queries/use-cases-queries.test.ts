import type { UseCaseFilters } from '@p2p/contracts';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { GUEST, toActor, viewerOf } from '../../src/platform/actor.js';
import { browsePageSql, facetCountsSql } from '../../src/modules/use-cases/queries/browse.queries.js';
import { placePageSql, relatedCasesSql } from '../../src/modules/use-cases/queries/location.queries.js';
import { advancedSearchSql } from '../../src/modules/use-cases/queries/search.queries.js';
import { buildConditions, withIndexedText } from '../../src/modules/use-cases/use-cases.filters.js';

// The generated SQL of the library's hand-tuned readers, for fixed inputs: a change to what they send
// to PostgreSQL shows up here as a diff of the checked-in text (update with `vitest run -u` on purpose).

const dialect = new PgDialect();

/** The statement as PostgreSQL receives it, then its parameters one a line. */
function render(query: SQL): string {
  const { sql, params } = dialect.sqlToQuery(query);
  return `${sql}\n\n-- params\n${params.map((param, index) => `$${index + 1} = ${JSON.stringify(param)}`).join('\n')}\n`;
}

const MEMBER = viewerOf(
  toActor({
    userId: '11111111-1111-4111-8111-111111111111',
    sessionId: '22222222-2222-4222-8222-222222222222',
    email: 'member@example.test',
    emailVerified: true,
    platformRole: 'member',
    status: 'active',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    membership: { organizationId: '33333333-3333-4333-8333-333333333333', role: 'member', organizationStatus: 'active' },
  }),
);

const FILTERS: UseCaseFilters = {
  q: 'predictive maintenance',
  category: ['maintenance'],
  technology: ['PLC', 'Machine Vision'],
  region: ['eastern'],
  year: ['2025'],
  verified: true,
  roiMin: 10,
};

describe('use-case library SQL', () => {
  it('browse with facets: the page and the facet counts', async () => {
    const conditions = buildConditions(MEMBER, FILTERS, 'all');
    await expect(
      render(browsePageSql({ conditions, sort: 'roi', scope: 'all', limit: 20, offset: 40, withTotal: false })),
    ).toMatchFileSnapshot('./__queries__/use-cases-browse.sql');
    const after = { at: '2026-02-01T08:30:00.123456Z', id: '00000000-0000-4000-8000-000000000020' };
    await expect(
      render(
        browsePageSql({
          conditions: buildConditions(GUEST, {}),
          sort: 'newest',
          scope: 'all',
          limit: 21,
          offset: 0,
          after,
          withTotal: false,
        }),
      ),
    ).toMatchFileSnapshot('./__queries__/use-cases-browse-after.sql');
    await expect(
      render(facetCountsSql(withIndexedText(buildConditions(GUEST, { ...FILTERS, q: undefined }), FILTERS.q))),
    ).toMatchFileSnapshot('./__queries__/use-cases-browse-facets.sql');
  });

  it('radius search', async () => {
    const place = { region: 'eastern', point: { lat: 26.4207, lng: 50.0888, radiusKm: 25 } };
    await expect(render(placePageSql(MEMBER, place, 20, 20))).toMatchFileSnapshot('./__queries__/use-cases-radius.sql');
  });

  it('advanced search', async () => {
    const conditions = withIndexedText(buildConditions(MEMBER, { category: ['quality'], tag: ['Packaging'] }), 'vision inspection');
    await expect(
      render(advancedSearchSql({ conditions, q: 'vision inspection', sort: 'relevance', limit: 10, offset: 0 })),
    ).toMatchFileSnapshot('./__queries__/use-cases-search.sql');
  });

  it('related cases', async () => {
    const source = {
      id: '44444444-4444-4444-8444-444444444444',
      category: 'quality',
      industry: 'food',
      technologies: ['Machine Vision', 'PLC'],
      latitude: 21.4858,
      longitude: 39.1925,
      roiPercent: 35,
    };
    await expect(render(relatedCasesSql(GUEST, source, 6))).toMatchFileSnapshot('./__queries__/use-cases-related.sql');
  });
});
