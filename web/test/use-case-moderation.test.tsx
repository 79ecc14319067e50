import type { Me, UseCaseReport } from '@p2p/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { ModerationPage } from '../src/features/use-cases/moderation-page.js';
import { ORGANIZATIONS, type RecordedRequest, json, mockApi, page, uuid } from './use-case-fixtures.js';

function person(platformRole: Me['platformRole']): Me {
  return {
    id: uuid(4100),
    email: 'mod@example.com',
    emailVerified: true,
    name: 'Huda Al-Harbi',
    firstName: 'Huda',
    lastName: 'Al-Harbi',
    jobTitle: null,
    department: null,
    phone: null,
    bio: null,
    avatarUrl: null,
    language: 'en',
    platformRole,
    status: 'active',
    createdAt: '2026-01-01T10:00:00.000Z',
    verificationDeadline: null,
    orgRole: 'member',
    organization: {
      id: uuid(3100),
      name: 'Platform',
      nameAr: 'المنصة',
      logoUrl: null,
      industry: null,
      status: 'active',
      subscriptionTier: 'enterprise',
      trialEndsAt: null,
    },
  };
}

function report(n: number, overrides: Partial<UseCaseReport> = {}): UseCaseReport {
  return {
    id: uuid(600 + n),
    useCaseId: uuid(n),
    useCaseTitle: `Predictive maintenance on line ${n}`,
    organization: ORGANIZATIONS.jubail,
    reporter: {
      id: uuid(4200 + n),
      name: 'Badr Al-Shehri',
      avatarUrl: null,
      jobTitle: null,
      organization: ORGANIZATIONS.jeddah,
      formerMember: false,
    },
    reason: 'inaccurate',
    details: 'The savings are larger than the plant’s energy bill.',
    status: 'open',
    resolution: null,
    resolvedAt: null,
    openReportsOnCase: 3,
    createdAt: '2026-01-12T09:30:00.000Z',
    ...overrides,
  };
}

function renderQueue(me: Me, route: (request: RecordedRequest) => Response | undefined = () => undefined, entry = '/admin/moderation') {
  const api = mockApi((request) => {
    if (request.url === '/api/v1/users/me') return json(me);
    return route(request);
  });
  const router = createMemoryRouter([{ path: '/admin/moderation', element: <ModerationPage /> }], { initialEntries: [entry] });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...api, router };
}

describe('moderation queue', () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  });

  it('lists open reports with their case, reason, reporter and open count, and hides a case with a note', async () => {
    let resolved = false;
    const api = renderQueue(person('moderator'), (r) => {
      if (r.url.startsWith('/api/v1/use-cases/reports?'))
        return json(page(resolved ? [] : [report(1), report(2, { reason: 'spam', details: null, openReportsOnCase: 1 })]));
      if (r.url === `/api/v1/use-cases/reports/${uuid(601)}/resolve`) {
        resolved = true;
        return json(report(1, { status: 'hidden', resolution: 'Figures under review', resolvedAt: '2026-01-13T10:00:00.000Z' }));
      }
      return undefined;
    });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Moderation queue' });
    expect(screen.getByRole('tab', { name: 'Open' }).getAttribute('aria-selected')).toBe('true');
    const first = (await screen.findByRole('link', { name: 'Predictive maintenance on line 1' })).closest('li')!;
    expect(within(first).getByRole('link', { name: 'Predictive maintenance on line 1' }).getAttribute('href')).toBe(
      `/use-cases/${uuid(1)}`,
    );
    expect(within(first).getByText('Inaccurate or misleading figures')).toBeTruthy();
    expect(within(first).getByText('The savings are larger than the plant’s energy bill.')).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Badr Al-Shehri' })).toBeTruthy();
    expect(within(first).getByText('Open reports on this case').nextElementSibling?.textContent).toBe('3');
    expect(api.requests.find((r) => r.url.startsWith('/api/v1/use-cases/reports?'))?.url).toContain('status=open');

    await user.type(within(first).getByRole('textbox', { name: /Note/ }), 'Figures under review');
    await user.click(within(first).getByRole('button', { name: 'Hide the case' }));
    await screen.findByText('No open reports. Well done.');
    expect(api.requests.find((r) => r.url.endsWith('/resolve'))).toMatchObject({
      method: 'POST',
      body: { action: 'hide', note: 'Figures under review' },
    });
  });

  it('asks before removing a case, then sends the remove action without an empty note', async () => {
    const api = renderQueue(person('superadmin'), (r) => {
      if (r.url.startsWith('/api/v1/use-cases/reports?')) return json(page([report(1)]));
      if (r.url.endsWith('/resolve')) return json(report(1, { status: 'removed' }));
      return undefined;
    });
    const user = userEvent.setup();
    const entry = (await screen.findByRole('link', { name: 'Predictive maintenance on line 1' })).closest('li')!;
    await user.click(within(entry).getByRole('button', { name: 'Remove the case' }));
    expect(api.requests.some((r) => r.url.endsWith('/resolve'))).toBe(false);
    await user.click(within(entry).getByRole('button', { name: 'Yes, remove it' }));
    await waitFor(() => expect(api.requests.find((r) => r.url.endsWith('/resolve'))?.body).toEqual({ action: 'remove' }));
  });

  it('switches tabs with the arrow keys and asks for the resolved reports of that status', async () => {
    const api = renderQueue(person('moderator'), (r) =>
      r.url.startsWith('/api/v1/use-cases/reports?')
        ? json(
            page(
              r.url.includes('status=dismissed') ? [report(4, { status: 'dismissed', resolution: 'Figures confirmed by the plant' })] : [],
            ),
          )
        : undefined,
    );
    const user = userEvent.setup();
    const open = await screen.findByRole('tab', { name: 'Open' });
    await screen.findByText('No open reports. Well done.');
    open.focus();
    await user.keyboard('{ArrowRight}');
    const dismissed = screen.getByRole('tab', { name: 'Dismissed' });
    expect(dismissed.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(dismissed);
    expect(await screen.findByText('Figures confirmed by the plant')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    expect(api.router.state.location.search).toBe('?status=dismissed');
  });

  it('is not available to members who are not moderators', async () => {
    const api = renderQueue(person('member'));
    await screen.findByRole('heading', { level: 1, name: 'Page not available' });
    expect(screen.getByRole('alert').textContent).toBe('This page is for platform moderators.');
    expect(api.requests.some((r) => r.url.includes('/reports'))).toBe(false);
  });
});
