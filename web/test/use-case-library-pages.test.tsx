import { DEFAULT_EXPORT_FIELDS } from '@p2p/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LibraryPage } from '../src/features/use-cases/library-page.js';
import { LocationPage } from '../src/features/use-cases/location-page.js';
import { SavedSearchesPage } from '../src/features/use-cases/saved-searches-page.js';
import {
  json,
  lastQuery,
  locationStatistics,
  me,
  mockApi,
  page,
  renderAt,
  savedSearch,
  searchHit,
  searchResult,
  useCasePage,
  useCaseSummary,
  location,
} from './use-case-fixtures.js';

const BASE = '/api/v1/use-cases';

describe('export menu', () => {
  it('links each format to the export of the current filters and sort', async () => {
    mockApi((request) => (request.url.startsWith(`${BASE}?`) ? json(useCasePage()) : undefined));
    const user = userEvent.setup();
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases?category=quality&technology=SCADA&sort=roi&page=2&view=map');
    await user.click(await screen.findByRole('button', { name: 'Export these results' }));
    const csv = screen.getByRole('link', { name: 'CSV (Excel-ready)' });
    expect(csv.hasAttribute('download')).toBe(true);
    const [path, query] = csv.getAttribute('href')!.split('?');
    expect(path).toBe(`${BASE}/export`);
    const params = new URLSearchParams(query);
    expect(params.getAll('category')).toEqual(['quality']);
    expect(params.getAll('technology')).toEqual(['SCADA']);
    expect(params.get('sort')).toBe('roi');
    expect(params.get('format')).toBe('csv');
    // The whole result set, not the page or the view.
    expect(params.get('page')).toBeNull();
    expect(params.get('view')).toBeNull();
    expect(new URLSearchParams(screen.getByRole('link', { name: 'PDF report' }).getAttribute('href')!.split('?')[1]).get('format')).toBe(
      'pdf',
    );
    expect(screen.getByRole('link', { name: 'Excel workbook' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'JSON' })).toBeTruthy();
  });

  it('asks to retry later when the server is busy making other exports', async () => {
    mockApi((request) => {
      if (request.url.startsWith(`${BASE}?`)) return json(useCasePage());
      if (request.url === `${BASE}/export/custom`) {
        return new Response(JSON.stringify({ type: 't', title: 'Busy', status: 429, code: 'RATE_LIMITED' }), {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '5' },
        });
      }
      return undefined;
    });
    const user = userEvent.setup();
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases');
    await user.click(await screen.findByRole('button', { name: 'Export these results' }));
    await user.click(screen.getByRole('button', { name: 'Custom export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Custom export' });
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(await within(dialog).findByText('Too many attempts. Try again in 5 seconds.')).toBeTruthy();
  });

  it('posts the chosen columns and format with the filters, and saves the returned file', async () => {
    const { requests } = mockApi((request) => {
      if (request.url.startsWith(`${BASE}?`)) return json(useCasePage());
      if (request.url === `${BASE}/export/custom`) {
        return new Response(new Blob(['PK']), {
          status: 200,
          headers: {
            'content-disposition': `attachment; filename="use-cases.xlsx"; filename*=UTF-8''${encodeURIComponent('حالات-الاستخدام.xlsx')}`,
            'x-export-truncated': 'true',
          },
        });
      }
      return undefined;
    });
    const createObjectURL = vi.fn(() => 'blob:http://localhost/export');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const user = userEvent.setup();
    await renderAt(<LibraryPage />, '/use-cases', '/use-cases?q=vision&category=quality&verified=true&sort=likes');
    await user.click(await screen.findByRole('button', { name: 'Export these results' }));
    await user.click(screen.getByRole('button', { name: 'Custom export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Custom export' });

    await user.click(within(dialog).getByRole('button', { name: 'None' }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(within(dialog).getByText('Choose at least one column.')).toBeTruthy();
    expect(requests.some((request) => request.url === `${BASE}/export/custom`)).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Usual columns' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Title in Arabic' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Efficiency gain (%)' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Excel workbook' }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    await within(dialog).findByText('Downloaded حالات-الاستخدام.xlsx. The results were more than 5,000: the file holds the first 5,000.');

    const sent = requests.find((request) => request.url === `${BASE}/export/custom`)!;
    expect(sent.method).toBe('POST');
    const body = sent.body as { format: string; fields: string[]; filters: unknown; sort: string };
    expect(body.format).toBe('xlsx');
    expect(body.sort).toBe('likes');
    expect(body.filters).toEqual({ q: 'vision', category: ['quality'], verified: 'true' });
    // Columns keep the contract's order whatever order they were ticked in.
    const expected = [...DEFAULT_EXPORT_FIELDS.filter((field) => field !== 'titleAr'), 'efficiencyGainPercent'];
    expect([...body.fields].sort()).toEqual([...expected].sort());
    expect(body.fields.indexOf('efficiencyGainPercent')).toBeLessThan(body.fields.indexOf('publishedAt'));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicked).toEqual(['حالات-الاستخدام.xlsx']);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export these results' }));
  });
});

describe('saved searches page', () => {
  it('lists saved searches, runs one through the execute endpoint, opens it in search, and deletes one', async () => {
    let items = [
      savedSearch(1),
      savedSearch(2, {
        name: 'Verified energy savers',
        search: { q: 'energy', filters: { category: ['energy'], verified: true, roiMin: 40 }, sort: 'roi' },
        lastRunAt: new Date().toISOString(),
      }),
    ];
    const { requests } = mockApi((request) => {
      const { path } = request;
      if (path === '/api/v1/users/me') return json(me());
      if (path === `${BASE}/search/saved` && request.method === 'GET') return json({ items });
      if (path === `${BASE}/search/saved/${items[0]?.id}/execute`) {
        items = items.map((entry, index) => (index === 0 ? { ...entry, lastRunAt: new Date().toISOString() } : entry));
        return json(searchResult([searchHit(useCaseSummary(5, { title: 'Pump seals in Jubail' }))]));
      }
      if (path.startsWith(`${BASE}/search/saved/`) && request.method === 'DELETE') {
        items = items.filter((entry) => !path.endsWith(entry.id));
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    const user = userEvent.setup();
    await renderAt(<SavedSearchesPage />, '/use-cases/saved-searches', '/use-cases/saved-searches');
    const first = (await screen.findByRole('heading', { name: 'Pumps in the east 1' })).closest('li')!;
    const second = screen.getByRole('heading', { name: 'Verified energy savers' }).closest('li')!;
    expect(first.textContent).toContain('Sorted by Best match · Eastern Province');
    expect(first.textContent).toContain('Not run yet');
    expect(second.textContent).toContain('Sorted by Highest ROI · Energy efficiency · Verified only · ROI from 40%');
    expect(within(second).getByRole('link', { name: 'Open in search' }).getAttribute('href')).toBe(
      '/use-cases/search?q=energy&category=energy&verified=true&roiMin=40&sort=roi',
    );

    await user.click(within(first).getByRole('button', { name: 'Run Pumps in the east 1' }));
    const results = await screen.findByRole('region', { name: 'Results of “Pumps in the east 1”' });
    expect(await within(results).findByRole('link', { name: 'Pump seals in Jubail' })).toBeTruthy();
    expect(lastQuery(requests, `${BASE}/search/saved/${items[0]!.id}/execute`)?.get('page')).toBe('1');
    // Running it moves its "last run", and the list shows that without a reload.
    await waitFor(() => expect(first.textContent).toContain('Last run'));

    await user.click(within(second).getByRole('button', { name: 'Delete' }));
    await user.click(within(second).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Verified energy savers' })).toBeNull());
    expect(requests.some((request) => request.method === 'DELETE' && request.url === `${BASE}/search/saved/${savedSearch(2).id}`)).toBe(
      true,
    );
  });

  it('explains what to do when there is none', async () => {
    mockApi((request) => (request.url === `${BASE}/search/saved` ? json({ items: [] }) : undefined));
    await renderAt(<SavedSearchesPage />, '/use-cases/saved-searches', '/use-cases/saved-searches');
    expect(await screen.findByText('No saved searches yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Advanced search' }).getAttribute('href')).toBe('/use-cases/search');
  });
});

describe('location page', () => {
  function locationApi() {
    return mockApi((request) => {
      const { path } = request;
      if (path === `${BASE}/location/filter`) {
        return json(
          page([
            useCaseSummary(3, { title: 'Bottling line in Jeddah', location: location('jeddah'), distanceKm: 12.3 }),
            useCaseSummary(4, { title: 'Makkah cooling', location: location(null), distanceKm: 71 }),
          ]),
        );
      }
      if (path === `${BASE}/location/statistics`) return json(locationStatistics());
      return undefined;
    });
  }

  it('searches around the chosen place’s coordinates within the radius and shows each distance', async () => {
    const { requests } = locationApi();
    await renderAt(<LocationPage />, '/use-cases/location', '/use-cases/location?near=jeddah&radiusKm=50');
    expect(await screen.findByRole('heading', { name: 'Use cases within 50 km of Jeddah' })).toBeTruthy();
    const query = lastQuery(requests, `${BASE}/location/filter`)!;
    expect(Object.fromEntries(query)).toEqual({ lat: '21.4858', lng: '39.1925', radiusKm: '50', page: '1', pageSize: '20' });
    const card = (await screen.findByRole('link', { name: 'Bottling line in Jeddah' })).closest('article')!;
    expect(card.textContent).toContain('12 km away');
    // The searched circle is drawn on the map around Jeddah.
    expect(document.querySelector('.saudi-map__area ellipse')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Bottling line in Jeddah, Jeddah' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Near a place' }).checked).toBe(true);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Around' }).value).toBe('jeddah');
  });

  it('switches to a region, refuses a radius out of range, and lists counts by region', async () => {
    const { requests } = locationApi();
    const user = userEvent.setup();
    const { router } = await renderAt(<LocationPage />, '/use-cases/location', '/use-cases/location?near=riyadh');
    const radius = await screen.findByRole('spinbutton', { name: 'Within (km)' });
    await user.clear(radius);
    await user.type(radius, '5000');
    await user.click(screen.getByRole('button', { name: 'Show use cases' }));
    expect(screen.getByText('Enter a distance from 1 to 2,000 km.')).toBeTruthy();
    expect(router.state.location.search).toBe('?near=riyadh');

    await user.click(screen.getByRole('radio', { name: 'In a region' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'makkah');
    await user.click(screen.getByRole('button', { name: 'Show use cases' }));
    await waitFor(() => expect(router.state.location.search).toBe('?region=makkah'));
    await waitFor(() => expect(lastQuery(requests, `${BASE}/location/filter`)?.get('region')).toBe('makkah'));
    expect(await screen.findByRole('heading', { name: 'Use cases in Makkah Region' })).toBeTruthy();
    await screen.findByRole('link', { name: 'Bottling line in Jeddah' });
    expect(document.querySelector('.saudi-map__area')).toBeNull();

    const stats = screen.getByRole('region', { name: 'Use cases by region' });
    const eastern = await within(stats).findByRole('row', { name: /Eastern Province/ });
    expect(eastern.textContent).toContain('180%');
    expect(eastern.textContent).toContain('Dammam (2)');
    expect(within(eastern).getByRole('link', { name: 'Eastern Province' }).getAttribute('href')).toBe('/use-cases/location?region=eastern');
    expect(within(stats).getByText('Use cases without a region: 1.')).toBeTruthy();
  });

  it('asks for a place before searching', async () => {
    const { requests } = locationApi();
    await renderAt(<LocationPage />, '/use-cases/location', '/use-cases/location');
    expect(await screen.findByText('Choose a city, a region or a place to search around.')).toBeTruthy();
    expect(requests.some((request) => request.url.startsWith(`${BASE}/location/filter`))).toBe(false);
  });
});
