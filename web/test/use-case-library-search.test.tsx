import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SearchPage } from '../src/features/use-cases/search-page.js';
import { json, me, mockApi, renderAt, searchHit, searchResult, useCaseSummary } from './use-case-fixtures.js';

const SEARCH = '/api/v1/use-cases/search/advanced';

function searchApi({ signedIn = false, result = searchResult([searchHit(useCaseSummary(1))]) } = {}) {
  return mockApi((request) => {
    const { path } = request;
    if (path === '/api/v1/users/me' && signedIn) return json(me());
    if (path === SEARCH && request.method === 'POST') return json(result);
    if (path === '/api/v1/use-cases/search/suggestions') {
      return json({
        items: [
          { kind: 'title', text: 'Pump vibration monitoring', id: '00000000-0000-4000-8000-000000000042' },
          { kind: 'technology', text: 'Pump sensors', id: null },
        ],
      });
    }
    if (path === '/api/v1/use-cases/search/saved' && request.method === 'POST') {
      return json(
        {
          id: '00000000-0000-4000-8000-000000000077',
          name: (request.body as { name: string }).name,
          search: (request.body as { search: unknown }).search,
          lastRunAt: null,
          createdAt: '2026-01-10T10:00:00.000Z',
        },
        201,
      );
    }
    if (path === '/api/v1/use-cases/search/history') {
      return json({
        items: [
          {
            q: 'compressor',
            filters: { category: ['energy'], verified: true, sort: 'roi' },
            resultsCount: 4,
            searchedAt: new Date().toISOString(),
          },
        ],
      });
    }
    return undefined;
  });
}

const searches = (requests: Array<{ url: string; method: string; body: unknown }>) =>
  requests.filter((request) => request.url === SEARCH && request.method === 'POST').map((request) => request.body);

describe('use-case search page', () => {
  it('sends the URL’s query, filters, sort and page as the advanced search body', async () => {
    const { requests } = searchApi();
    await renderAt(
      <SearchPage />,
      '/use-cases/search',
      '/use-cases/search?q=pump&region=eastern&technology=SCADA&technology=PLC%2C%20S7&verified=true&roiMin=50&sort=roi&page=2',
    );
    await screen.findByRole('heading', { level: 1, name: 'Use cases matching “pump”' });
    await waitFor(() => expect(searches(requests)).toHaveLength(1));
    expect(searches(requests)[0]).toEqual({
      q: 'pump',
      // A technology with a comma stays one value; yes/no facets go as the strings the schema reads.
      filters: { region: ['eastern'], technology: ['SCADA', 'PLC, S7'], verified: 'true', roiMin: 50 },
      sort: 'roi',
      page: 2,
      pageSize: 20,
    });
  });

  it('searches the typed words from the first page, keeping the filters, and leaves out empty filters', async () => {
    const { requests } = searchApi();
    const user = userEvent.setup();
    const { router } = await renderAt(<SearchPage />, '/use-cases/search', '/use-cases/search');
    expect(screen.getByText(/Type what you are looking for/)).toBeTruthy();
    expect(searches(requests)).toHaveLength(0);

    const box = screen.getByRole('combobox', { name: 'Search words' });
    await user.type(box, 'compressed air{Enter}');
    await waitFor(() => expect(searches(requests)).toHaveLength(1));
    expect(searches(requests)[0]).toEqual({ q: 'compressed air', sort: 'relevance', page: 1, pageSize: 20 });
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('compressed air');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'newest');
    await waitFor(() => expect(searches(requests).at(-1)).toEqual({ q: 'compressed air', sort: 'newest', page: 1, pageSize: 20 }));

    await user.click(await screen.findByRole('checkbox', { name: 'Quality (1)' }));
    await waitFor(() =>
      expect(searches(requests).at(-1)).toEqual({
        q: 'compressed air',
        filters: { category: ['quality'] },
        sort: 'newest',
        page: 1,
        pageSize: 20,
      }),
    );
  });

  it('renders highlighted parts in <mark> as text, never as HTML', async () => {
    const hit = searchHit(useCaseSummary(1), {
      title: [
        { text: 'Smart ', mark: false },
        { text: 'pump', mark: true },
        { text: ' <img src=x onerror="window.__xss=1">', mark: false },
      ],
      excerpt: [
        { text: 'Vibration on the ', mark: false },
        { text: '<script>window.__xss=2</script>', mark: true },
        { text: ' — المضخة', mark: false },
      ],
    });
    searchApi({ result: searchResult([hit], { tookMs: 12.4 }) });
    await renderAt(<SearchPage />, '/use-cases/search', '/use-cases/search?q=pump');
    const link = await screen.findByRole('link', { name: 'Smart pump <img src=x onerror="window.__xss=1">' });
    expect(link.getAttribute('href')).toBe('/use-cases/00000000-0000-4000-8000-000000000001');
    const results = screen.getByRole('region', { name: 'Results' });
    expect([...results.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['pump', '<script>window.__xss=2</script>']);
    expect(results.querySelector('img')).toBeNull();
    expect(results.querySelector('script')).toBeNull();
    expect(results.querySelector('[onerror]')).toBeNull();
    expect(screen.getByText('Results: 1 (in 12 ms)')).toBeTruthy();
  });

  it('suggests while typing (after a pause, as a listbox the arrows move through); a title opens its case', async () => {
    const { requests } = searchApi();
    const user = userEvent.setup();
    const { router } = await renderAt(<SearchPage />, '/use-cases/search', '/use-cases/search?q=valve');
    const box = screen.getByRole('combobox', { name: 'Search words' });
    await user.clear(box);
    await user.type(box, 'pump');
    // Asked once the typing pauses, for the whole word rather than each keystroke.
    await waitFor(() => expect(requests.map((request) => request.url)).toContain('/api/v1/use-cases/search/suggestions?q=pump'));
    expect(requests.filter((request) => /suggestions\?q=(p|pu|pum)$/.test(request.url))).toEqual([]);
    const listbox = await screen.findByRole('listbox', { name: 'Suggestions' });
    await within(listbox).findByRole('option', { name: /Pump vibration monitoring/ });
    expect(box.getAttribute('aria-expanded')).toBe('true');

    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(within(listbox).getAllByRole('option')[0]!.id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/use-cases/00000000-0000-4000-8000-000000000042'));
  });

  it('lets a signed-in reader save the search (query, filters, sort) and see their history', async () => {
    const { requests } = searchApi({ signedIn: true });
    const user = userEvent.setup();
    await renderAt(<SearchPage />, '/use-cases/search', '/use-cases/search?q=pump&category=maintenance&featured=true&sort=likes');
    const form = await screen.findByRole('region', { name: 'Save this search' });
    const name = within(form).getByRole('textbox', { name: 'Name of the search' });
    await user.clear(name);
    await user.click(within(form).getByRole('button', { name: 'Save search' }));
    expect(within(form).getByText('Give the search a name.')).toBeTruthy();

    await user.type(name, 'Pumps we like');
    await user.click(within(form).getByRole('button', { name: 'Save search' }));
    await within(form).findByText(/Saved as “Pumps we like”/);
    const saved = requests.find((request) => request.url === '/api/v1/use-cases/search/saved' && request.method === 'POST');
    expect(saved?.body).toEqual({
      name: 'Pumps we like',
      search: { q: 'pump', filters: { category: ['maintenance'], featured: 'true' }, sort: 'likes' },
    });

    // Each new search lands in the history: it is asked for again once the results are in.
    const historyRequests = () => requests.filter((request) => request.path === '/api/v1/use-cases/search/history').length;
    await waitFor(() => expect(historyRequests()).toBe(1));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'newest');
    await waitFor(() => expect(historyRequests()).toBe(2));
    const history = screen.getByRole('region', { name: 'My recent searches' });
    const again = await within(history).findByRole('link', { name: 'compressor' });
    // The history keeps the sort with the filters; the link brings both back.
    expect(again.getAttribute('href')).toBe('/use-cases/search?q=compressor&category=energy&verified=true&sort=roi');
    expect(history.textContent).toContain('results: 4');
  });

  it('offers no saving or history to guests', async () => {
    searchApi();
    await renderAt(<SearchPage />, '/use-cases/search', '/use-cases/search?q=pump');
    await screen.findByText('Results: 1 (in 12 ms)');
    expect(screen.queryByRole('region', { name: 'Save this search' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'My recent searches' })).toBeNull();
  });
});
