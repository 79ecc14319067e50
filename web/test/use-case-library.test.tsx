import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LibraryPage } from '../src/features/use-cases/library-page.js';
import {
  categoryStats,
  emptyFacets,
  json,
  lastQuery,
  me,
  mockApi,
  renderAt,
  sampleFacets,
  trending,
  useCasePage,
  useCaseSummary,
} from './use-case-fixtures.js';

const LIST = '/api/v1/use-cases';

function libraryApi({ signedIn = false, page = useCasePage() } = {}) {
  return mockApi((request) => {
    const { path } = request;
    if (path === '/api/v1/users/me' && signedIn) return json(me());
    if (path === LIST) return json(page);
    if (path === `${LIST}/featured`) return json({ items: [useCaseSummary(7, { title: 'Featured vision line', featured: true })] });
    if (path === `${LIST}/trending`) {
      const period = new URL(request.url, 'http://localhost').searchParams.get('period');
      return json(
        trending(
          period === 'day' ? 'day' : 'week',
          period === 'day' ? [useCaseSummary(8, { title: 'Hot today' })] : [useCaseSummary(9, { title: 'Hot this week' })],
        ),
      );
    }
    if (path === `${LIST}/categories/stats`) return json(categoryStats());
    return undefined;
  });
}

const checkbox = (name: string | RegExp) => screen.getByRole('checkbox', { name });

describe('use-case library: facets', () => {
  it('shows the API counts on each checkbox and keeps chosen values ticked', async () => {
    libraryApi();
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases?category=maintenance&technology=PLC');
    const facets = await screen.findByRole('region', { name: 'Filter' });
    await within(facets).findByRole('checkbox', { name: 'Maintenance (2)' });

    expect((checkbox('Maintenance (2)') as HTMLInputElement).checked).toBe(true);
    expect((checkbox('Quality (1)') as HTMLInputElement).checked).toBe(false);
    expect(checkbox('Oil & gas services (2)')).toBeTruthy();
    expect(checkbox('Eastern Province (2)')).toBeTruthy();
    expect(checkbox('2025 (1)')).toBeTruthy();
    expect(checkbox('Verified only (1)')).toBeTruthy();
    // A chosen technology the counts no longer include stays visible (with 0) so it can be unticked.
    expect((checkbox('PLC (0)') as HTMLInputElement).checked).toBe(true);
    // On small screens the facets fold behind a button that says how many are on.
    const toggle = within(facets).getByRole('button', { name: 'Show the filters (active: 2)' });
    const body = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(body.dataset.expanded).toBe('false');
    await userEvent.setup().click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(body.dataset.expanded).toBe('true');
    expect(toggle.textContent).toBe('Hide the filters');
    expect(
      within(within(facets).getByRole('group', { name: 'Technology' }))
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['SCADA (3)', 'Vibration sensors (2)', 'Machine vision (1)', 'PLC (0)']);
  });

  it('adds and removes values of one facet (several values match any) and puts them in the URL and the request', async () => {
    const { requests } = libraryApi();
    const user = userEvent.setup();
    const { router } = await renderAt(<LibraryPage />, '/use-cases', '/use-cases?category=maintenance&page=3');
    await screen.findByRole('checkbox', { name: 'Quality (1)' });

    await user.click(checkbox('Quality (1)'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('category')).toEqual(['maintenance', 'quality']));
    // A new filter starts again from the first page.
    expect(new URLSearchParams(router.state.location.search).get('page')).toBeNull();
    await waitFor(() => expect(lastQuery(requests, LIST)?.getAll('category')).toEqual(['maintenance', 'quality']));

    await user.click(checkbox('Maintenance (2)'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('category')).toEqual(['quality']));

    await user.click(checkbox('Verified only (1)'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('verified')).toBe('true'));
    await waitFor(() => expect(lastQuery(requests, LIST)?.get('verified')).toBe('true'));

    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('applies an ROI range, and refuses a lower bound above the upper one', async () => {
    const { requests } = libraryApi();
    const user = userEvent.setup();
    const { router } = await renderAt(<LibraryPage />, '/use-cases', '/use-cases?sort=roi');
    await screen.findByRole('checkbox', { name: 'Quality (1)' });

    await user.type(screen.getByRole('spinbutton', { name: 'From' }), '200');
    await user.type(screen.getByRole('spinbutton', { name: 'To' }), '100');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByText('The lower bound must not be above the upper one.')).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('roiMin')).toBeNull();

    await user.clear(screen.getByRole('spinbutton', { name: 'From' }));
    await user.type(screen.getByRole('spinbutton', { name: 'From' }), '50');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(lastQuery(requests, LIST)?.get('roiMin')).toBe('50'));
    const query = lastQuery(requests, LIST)!;
    expect(query.get('roiMax')).toBe('100');
    expect(query.get('sort')).toBe('roi');
  });

  it('drops URL values the API would refuse instead of failing the page', async () => {
    const { requests } = libraryApi();
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases?category=not-a-category&region=atlantis&year=20x6&roiMin=abc&sort=random');
    await screen.findByRole('checkbox', { name: 'Quality (1)' });
    const query = lastQuery(requests, LIST)!;
    expect(query.getAll('category')).toEqual([]);
    expect(query.getAll('region')).toEqual([]);
    expect(query.getAll('year')).toEqual([]);
    expect(query.get('roiMin')).toBeNull();
    expect(query.get('sort')).toBe('newest');
  });
});

describe('use-case library: front page', () => {
  it('shows featured, trending (with its period switch) and category statistics to a guest, without writing or saved searches', async () => {
    const { requests } = libraryApi();
    const user = userEvent.setup();
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases');
    await screen.findByRole('heading', { level: 1, name: 'Use-case library' });

    const featured = await screen.findByRole('region', { name: 'Featured use cases' });
    expect(await within(featured).findByRole('link', { name: 'Featured vision line' })).toBeTruthy();

    const trendingSection = screen.getByRole('region', { name: 'Trending' });
    await within(trendingSection).findByRole('link', { name: 'Hot this week' });
    await user.click(within(trendingSection).getByRole('button', { name: 'Today' }));
    await within(trendingSection).findByRole('link', { name: 'Hot today' });
    expect(within(trendingSection).getByRole('button', { name: 'Today' }).getAttribute('aria-pressed')).toBe('true');
    expect(lastQuery(requests, `${LIST}/trending`)?.get('period')).toBe('day');

    const stats = await screen.findByRole('table');
    const maintenance = within(stats).getByRole('row', { name: /Maintenance/ });
    expect(within(maintenance).getByRole('link', { name: 'Maintenance' }).getAttribute('href')).toBe('/use-cases?category=maintenance');
    expect(maintenance.textContent).toContain('180%');
    expect(maintenance.textContent).toContain('SCADA (2)');

    // Guests browse, but neither write nor keep saved searches.
    expect(screen.queryByRole('link', { name: 'Write a use case' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'My saved searches' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'My saved use cases' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Whose use cases' })).toBeNull();
  });

  it('lists result cards with the figures, badges, place and counts, and links each to its case page', async () => {
    libraryApi();
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases?region=eastern');
    const list = await screen.findByRole('region', { name: 'All use cases' });
    const card = (await within(list).findByRole('link', { name: 'Predictive maintenance on line 1' })).closest('article')!;
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/use-cases/00000000-0000-4000-8000-000000000001');
    expect(card.textContent).toContain('Jubail Pumps');
    expect(card.textContent).toContain('Maintenance · Oil & gas services');
    expect(within(card).getByText('Featured')).toBeTruthy();
    expect(within(card).getByText('Verified')).toBeTruthy();
    expect(within(card).getByText('180%')).toBeTruthy();
    expect(within(card).getByText('14 months')).toBeTruthy();
    expect(within(card).getByText('SAR 1.2M')).toBeTruthy();
    expect(within(card).getByText('SAR 850K')).toBeTruthy();
    expect(card.textContent).toContain('Dammam, Eastern Province');
    expect(within(card).getByText('Likes: 9')).toBeTruthy();
    expect(screen.getByText('Use cases: 3')).toBeTruthy();
    // With a filter on, the overview makes room for the results.
    expect(screen.queryByRole('region', { name: 'Featured use cases' })).toBeNull();
  });

  it('shows Arabic titles, labels and numbers in Arabic, and the English title where there is no Arabic one', async () => {
    libraryApi();
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases?region=eastern', 'ar');
    expect(await screen.findByRole('link', { name: 'الصيانة التنبؤية على الخط 1' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Machine vision for bottle caps' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'الصيانة (2)' })).toBeTruthy();
    expect(screen.getAllByText('180٪').length).toBeGreaterThan(0);
  });

  it('offers writing, "my use cases" and saved searches to a signed-in member; "mine" asks for scope=mine', async () => {
    const { requests } = libraryApi({ signedIn: true, page: useCasePage([], emptyFacets()) });
    const user = userEvent.setup();
    const { router } = await renderAt(<LibraryPage />, '/use-cases', '/use-cases');
    expect((await screen.findByRole('link', { name: 'Write a use case' })).getAttribute('href')).toBe('/use-cases/new');
    expect(screen.getByRole('link', { name: 'My saved searches' }).getAttribute('href')).toBe('/use-cases/saved-searches');
    expect(screen.getByRole('link', { name: 'My saved use cases' }).getAttribute('href')).toBe('/use-cases/saved');
    await screen.findByText('No use cases yet');

    await user.click(screen.getByRole('button', { name: 'My use cases' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('scope')).toBe('mine'));
    await waitFor(() => expect(lastQuery(requests, LIST)?.get('scope')).toBe('mine'));
    expect(await screen.findByText(/Your organization has not written a use case yet/)).toBeTruthy();
  });

  it('narrows the list by a technology chosen among the suggestions, and searches other words', async () => {
    const { requests } = mockApi((request) => {
      if (request.url.startsWith(`${LIST}/search/suggestions`))
        return json({ items: [{ kind: 'technology', text: 'Machine vision', id: null }] });
      if (request.url.startsWith(`${LIST}?`)) return json(useCasePage());
      return undefined;
    });
    const user = userEvent.setup();
    const { router } = await renderAt(<LibraryPage />, '/use-cases', '/use-cases?category=quality');
    const box = screen.getByRole('combobox', { name: 'Search the use cases' });
    await user.type(box, 'visi');
    const option = await screen.findByRole('option', { name: /Machine vision/ });
    await user.click(option);
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('technology')).toEqual(['Machine vision']));
    expect(new URLSearchParams(router.state.location.search).getAll('category')).toEqual(['quality']);
    expect(new URLSearchParams(router.state.location.search).get('q')).toBeNull();
    await waitFor(() => expect(lastQuery(requests, LIST)?.getAll('technology')).toEqual(['Machine vision']));

    await user.type(screen.getByRole('combobox', { name: 'Search the use cases' }), 'chiller{Enter}');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('chiller'));
    await waitFor(() => expect(lastQuery(requests, LIST)?.get('q')).toBe('chiller'));
  });

  it('says so when the list cannot be loaded', async () => {
    mockApi((request) =>
      request.url.startsWith(`${LIST}?`) ? json({ type: 't', title: 'Boom', status: 500, code: 'INTERNAL' }, 500) : undefined,
    );
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases?category=quality');
    expect(await screen.findByText('Something went wrong on our side. Please try again.', {}, { timeout: 8000 })).toBeTruthy();
  }, 15_000);

  it('switches to the map view: one large page, its dots linking to the list narrowed to a city', async () => {
    const { requests } = libraryApi({ page: useCasePage(undefined, sampleFacets()) });
    const user = userEvent.setup();
    const { router } = await renderAt(<LibraryPage />, '/use-cases', '/use-cases?category=maintenance');
    await screen.findByRole('checkbox', { name: 'Quality (1)' });
    await user.click(screen.getByRole('button', { name: 'Map' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('view')).toBe('map'));
    const dammam = await screen.findByRole('link', { name: 'Use cases in Dammam: 2' });
    // The dot of several cases narrows the list to its city, keeping the other filters.
    const target = new URLSearchParams(dammam.getAttribute('href')!.split('?')[1]);
    expect(target.getAll('city')).toEqual(['dammam']);
    expect(target.getAll('category')).toEqual(['maintenance']);
    expect(target.get('view')).toBeNull();
    const query = lastQuery(requests, LIST)!;
    expect(query.get('pageSize')).toBe('100');
    expect(query.get('view')).toBeNull();
    // The same response feeds the facet panel beside the map.
    expect(query.get('facets')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Quality (1)' })).toBeTruthy();
  });
});
