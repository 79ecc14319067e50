import type { Me, RelatedUseCase, UseCase, UseCaseEngagement } from '@p2p/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { CasePage } from '../src/features/use-cases/case-page.js';
import {
  type RecordedRequest,
  ORGANIZATIONS,
  json,
  location,
  mockApi,
  problem,
  useCase,
  useCaseSummary,
  uuid,
} from './use-case-fixtures.js';

const CASE_ID = uuid(1);
const BASE = `/api/v1/use-cases/${CASE_ID}`;

function member(overrides: Partial<Me> = {}): Me {
  return {
    id: uuid(4001),
    email: 'amal@example.com',
    emailVerified: true,
    name: 'Amal Al-Qahtani',
    firstName: 'Amal',
    lastName: 'Al-Qahtani',
    jobTitle: null,
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
    organization: { ...ORGANIZATIONS.riyadh, industry: 'metals_steel', status: 'active', subscriptionTier: 'basic', trialEndsAt: null },
    ...overrides,
  };
}

function related(): RelatedUseCase[] {
  return [
    {
      useCase: useCaseSummary(2, {
        title: 'SCADA upgrade at the Jubail plant',
        titleAr: null,
        location: location('jubail'),
        organization: ORGANIZATIONS.jubail,
      }),
      score: 0.8,
      reasons: { sameCategory: true, sameIndustry: false, sharedTechnologies: ['PLC', 'SCADA'], distanceKm: 42.4, roiDifference: 4.3 },
    },
  ];
}

function engagement(): UseCaseEngagement {
  const daily = Array.from({ length: 30 }, (_, i) => ({
    date: `2026-01-${String(i + 1).padStart(2, '0')}`,
    views: i % 7,
    likes: i % 3 === 0 ? 1 : 0,
    saves: 0,
  }));
  return {
    days: 30,
    totals: { views: daily.reduce((s, d) => s + d.views, 0), likes: 10, saves: 0, uniqueViewers: 40 },
    daily,
    byOrganization: [
      { organization: ORGANIZATIONS.jubail, views: 30 },
      { organization: ORGANIZATIONS.jeddah, views: 12 },
    ],
    peakHours: Array.from({ length: 24 }, (_, hour) => ({ hour, views: hour === 9 ? 17 : hour % 4 })),
  };
}

interface Setup {
  current?: UseCase;
  me?: Me | null;
  route?: (request: RecordedRequest) => Response | undefined;
}

function renderCase({ current = useCase(1), me = member(), route }: Setup = {}) {
  const api = mockApi((request) => {
    const own = route?.(request);
    if (own) return own;
    if (request.url === '/api/v1/users/me') return me ? json(me) : problem(401, 'UNAUTHENTICATED');
    if (request.url === BASE && request.method === 'GET') return json(current);
    if (request.url.startsWith(`${BASE}/related`)) return json({ items: related() });
    if (request.url.startsWith(`${BASE}/nearby`))
      return json({ items: [useCaseSummary(3, { title: 'Compressed air audit', titleAr: null, distanceKm: 7.2 })] });
    if (request.url.startsWith(`${BASE}/engagement`)) return json(engagement());
    return undefined;
  });
  const router = createMemoryRouter([{ path: '/use-cases/:id', element: <CasePage /> }], { initialEntries: [`/use-cases/${CASE_ID}`] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return api;
}

const tile = (label: string) => {
  const term = screen.getByText(label, { selector: 'dt' });
  // Intl puts a no-break space between a currency and its amount.
  return term.parentElement!.querySelector('dd')!.textContent?.replace(/\u00a0/g, ' ');
};

describe('use case page', () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  });

  it('shows the outcomes as figures with their units, the Arabic title marked as Arabic, and term links to the library', async () => {
    renderCase();
    await screen.findByRole('heading', { level: 1, name: 'Predictive maintenance on line 1' });
    const outcomes = screen.getByRole('region', { name: 'Results in figures' });
    expect(
      within(outcomes)
        .getAllByRole('term')
        .map((dt) => dt.textContent),
    ).toEqual([
      'Return on investment',
      'Payback period',
      'Investment',
      'Annual savings',
      'Efficiency gain',
      'Downtime reduction',
      'Implementation time',
      'Scrap rate',
    ]);
    expect(tile('Return on investment')).toBe('180%');
    expect(tile('Payback period')).toBe('14 months');
    expect(tile('Investment')).toBe('SAR 850,000');
    expect(tile('Annual savings')).toBe('SAR 1,200,000 a year');
    expect(tile('Downtime reduction')).toBe('33%');
    expect(tile('Implementation time')).toBe('6 months');
    expect(tile('Scrap rate')).toBe('2.1 %');

    const arabicTitle = screen.getByText('الصيانة التنبؤية على الخط 1');
    expect(arabicTitle.getAttribute('lang')).toBe('ar');
    expect(arabicTitle.getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('link', { name: 'More cases using SCADA' }).getAttribute('href')).toBe('/use-cases?technology=SCADA');
    expect(screen.getByRole('link', { name: 'Export this case as PDF' }).getAttribute('href')).toBe(`${BASE}/export?format=pdf`);
    expect(document.querySelector('.case-section')?.innerHTML).toBe('<p>Pumps failed without warning.</p>');
  });

  it('spells out why each related case is related, and how far the nearby ones are', async () => {
    renderCase();
    const section = await screen.findByRole('region', { name: 'Related use cases' });
    const row = (await within(section).findByRole('link', { name: 'SCADA upgrade at the Jubail plant' })).closest('article')!;
    expect([...row.querySelectorAll('.reason')].map((r) => r.textContent)).toEqual([
      'Same category',
      'Shares: PLC, SCADA',
      '42 km away',
      'ROI within 5 points',
    ]);
    const nearby = screen.getByRole('region', { name: 'Nearby use cases' });
    expect(await within(nearby).findByText('7.2 km away')).toBeTruthy();
  });

  it('toggles a like with aria-pressed and the count the server answers', async () => {
    const api = renderCase({
      route: (r) => (r.url === `${BASE}/like` && r.method === 'POST' ? json({ active: true, count: 10 }) : undefined),
    });
    const user = userEvent.setup();
    const like = await screen.findByRole('button', { name: /^Like/ });
    expect(like.getAttribute('aria-pressed')).toBe('false');
    expect(like.textContent).toContain('9');
    await user.click(like);
    await waitFor(() => expect(screen.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByRole('button', { name: /^Like/ }).querySelector('.like__count')?.textContent).toBe('10');
    expect(api.requests.filter((r) => r.url === `${BASE}/like`)).toHaveLength(1);
    expect(screen.getByRole('button', { name: /^Save/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('sends a report with the chosen reason and details', async () => {
    const api = renderCase({ route: (r) => (r.url === `${BASE}/report` ? json({ id: uuid(77) }, 201) : undefined) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Report' }));
    const dialog = screen.getByRole('dialog', { name: 'Report this use case' });
    await user.click(within(dialog).getByRole('button', { name: 'Send the report' }));
    expect(within(dialog).getByText('Choose a reason.')).toBeTruthy();
    expect(api.requests.some((r) => r.url === `${BASE}/report`)).toBe(false);
    await user.click(within(dialog).getByRole('radio', { name: 'Inaccurate or misleading figures' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Details/ }), 'The payback cannot be 14 months.');
    await user.click(within(dialog).getByRole('button', { name: 'Send the report' }));
    await screen.findByText('Thank you. Your report was sent and a moderator will review it.');
    expect(api.requests.find((r) => r.url === `${BASE}/report`)?.body).toEqual({
      reason: 'inaccurate',
      details: 'The payback cannot be 14 months.',
    });
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
  });

  it('says the reader already reported the case when the server answers 409', async () => {
    renderCase({ route: (r) => (r.url === `${BASE}/report` ? problem(409, 'ALREADY_REPORTED') : undefined) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Report' }));
    const dialog = screen.getByRole('dialog', { name: 'Report this use case' });
    await user.click(within(dialog).getByRole('radio', { name: 'Spam or advertising' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send the report' }));
    expect(await within(dialog).findByText('You have already reported this case; a moderator will review it.')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Send the report' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(document.querySelector('p.note')?.textContent).toBe('You have already reported this case; a moderator will review it.');
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
  });

  it('shows a case the reader already reported without the report button', async () => {
    renderCase({ current: useCase(1, { reportedByMe: true }) });
    expect(await screen.findByText('You have already reported this case; a moderator will review it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
  });

  it('draws engagement charts with 24 hourly bars and a data table for each', async () => {
    renderCase({
      current: useCase(1, {
        can: { edit: true, delete: true, publish: true, moderate: false, viewEngagement: true, like: true, report: false },
      }),
    });
    const section = await screen.findByRole('region', { name: 'Engagement' });
    const hours = await within(section).findByRole('figure', { name: 'Views by hour of day' });
    expect(hours.querySelectorAll('rect.chart__bar')).toHaveLength(24);
    const svg = within(hours).getByRole('img');
    expect(svg.getAttribute('aria-label')).toBe('Views by hour of day: 52 in total, most (17) at 09:00.');
    const table = within(hours).getByRole('table', { name: 'Views by hour of day' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(24);
    expect(rows[9]!.textContent).toBe('09:0017');
    const toggle = within(hours).getByRole('button', { name: 'Show as a table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.setup().click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const daily = within(section).getByRole('figure', { name: 'Views per day' });
    expect(daily.querySelectorAll('rect.chart__bar')).toHaveLength(30);
    expect(
      within(daily)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Day', 'Views', 'Likes', 'Saves']);
    const orgs = within(section).getByRole('figure', { name: 'Views by organization' });
    expect(
      within(orgs)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Jubail Pumps30', 'Red Sea Plastics12']);
  });

  it('lets a moderator feature the case', async () => {
    const featured = useCase(1, {
      featured: true,
      can: { edit: true, delete: true, publish: true, moderate: true, viewEngagement: false, like: true, report: true },
    });
    const api = renderCase({
      current: useCase(1, { can: featured.can }),
      route: (r) => (r.url === `${BASE}/moderation` ? json(featured) : undefined),
    });
    const user = userEvent.setup();
    const panel = await screen.findByRole('region', { name: 'Moderation' });
    const button = within(panel).getByRole('button', { name: 'Featured' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await user.click(button);
    await waitFor(() => expect(within(panel).getByRole('button', { name: 'Featured' }).getAttribute('aria-pressed')).toBe('true'));
    expect(api.requests.find((r) => r.url === `${BASE}/moderation`)).toMatchObject({ method: 'PATCH', body: { featured: true } });
  });

  it('tells a guest the case is not available and offers to sign in', async () => {
    renderCase({ me: null, route: (r) => (r.url === BASE ? problem(404, 'NOT_FOUND') : undefined) });
    await screen.findByRole('heading', { level: 1, name: 'Use case not available' });
    expect(screen.getByRole('link', { name: 'Sign in to see cases shared with your organization' }).getAttribute('href')).toBe(
      `/sign-in?next=${encodeURIComponent(`/use-cases/${CASE_ID}`)}`,
    );
  });
});
