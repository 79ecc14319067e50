import type { Me } from '@p2p/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet, RouterProvider, createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GuestOnly, RequireAuth } from '../src/app/guards.js';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { DEFAULT_LANDING, safeNext } from '../src/features/auth/next-path.js';
import { SignInPage } from '../src/features/auth/sign-in-page.js';
import { SignUpPage } from '../src/features/auth/sign-up-page.js';
import { requestUrl } from './fetch-helpers.js';

const ORIGIN = 'http://127.0.0.1:3000';

describe('safeNext', () => {
  it('follows a path of this app, normalised', () => {
    expect(safeNext('/forum/topics/42', ORIGIN)).toBe('/forum/topics/42');
    expect(safeNext('/use-cases/search?q=solar%20panels&page=2#results', ORIGIN)).toBe('/use-cases/search?q=solar%20panels&page=2#results');
    expect(safeNext('/forum/../security', ORIGIN)).toBe('/security');
  });

  it.each([
    null,
    '',
    'dashboard',
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'http://127.0.0.1:3000.evil.example/',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' /dashboard',
    '/\t/evil.example',
    '/\n/evil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5Cevil.example',
    '/%5c%5cevil.example',
    '%2F%2Fevil.example',
    'data:text/html,<script>alert(1)</script>',
    '/%E0%A4%A',
  ])('sends %j to the dashboard instead', (next) => {
    expect(safeNext(next, ORIGIN)).toBe(DEFAULT_LANDING);
  });
});

function person(): Me {
  return {
    id: '00000000-0000-4000-8000-000000000001',
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
    organization: {
      id: '00000000-0000-4000-8000-000000000002',
      name: 'Riyadh Steel',
      industry: 'metals_steel',
      status: 'active',
      subscriptionTier: 'basic',
      trialEndsAt: null,
    },
  } as Me;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unauthenticated = () =>
  new Response(JSON.stringify({ type: 't', title: 'x', status: 401, code: 'UNAUTHENTICATED', requestId: 'r' }), {
    status: 401,
    headers: { 'content-type': 'application/problem+json' },
  });

/** A server where the visitor is a guest until they sign in (or up). */
function mockServer() {
  let signedIn = false;
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = requestUrl(input);
    if (url.includes('/api/auth/sign-in/email') || url.includes('/api/auth/sign-up/email')) {
      signedIn = true;
      return json({ user: { id: person().id } });
    }
    if (url.includes('/api/v1/users/me')) return signedIn ? json(person()) : unauthenticated();
    return json({});
  });
}

function renderApp(initialEntry: string) {
  const landed = (name: string) => <p>{name} reached</p>;
  const router = createMemoryRouter(
    [
      {
        element: <Outlet />,
        children: [
          {
            element: <GuestOnly />,
            children: [
              { path: '/sign-in', element: <SignInPage /> },
              { path: '/sign-up', element: <SignUpPage /> },
            ],
          },
          { path: '/dashboard', element: landed('dashboard') },
          { path: '/forum/topics/:id', element: landed('topic') },
          { path: '/use-cases/search', element: landed('search') },
          { element: <RequireAuth />, children: [{ path: '/security', element: landed('security') }] },
        ],
      },
    ],
    { initialEntries: [initialEntry] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

async function signIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Work email'), 'amal@example.com');
  await user.type(screen.getByLabelText('Password', { exact: false }), 'Quartz-Falcon-2931');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

// Typing into the forms is slow on a busy machine.
describe('signing in lands on next', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  });

  it('lands on the page given in next, with its query', async () => {
    mockServer();
    const user = userEvent.setup();
    const router = renderApp(`/sign-in?next=${encodeURIComponent('/use-cases/search?q=solar%20panels&page=2')}`);
    await signIn(user);
    await waitFor(() => expect(router.state.location.pathname).toBe('/use-cases/search'));
    expect(router.state.location.search).toBe('?q=solar%20panels&page=2');
    expect(await screen.findByText('search reached')).toBeTruthy();
  });

  it.each(['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/%2F%2Fevil.example'])(
    'lands on the dashboard for next=%j',
    async (next) => {
      mockServer();
      const user = userEvent.setup();
      const router = renderApp(`/sign-in?next=${encodeURIComponent(next)}`);
      await signIn(user);
      await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
    },
  );

  it('sends a guest from a page for signed-in people to sign-in with next, and back after signing in', async () => {
    mockServer();
    const user = userEvent.setup();
    const router = renderApp('/security');
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/security');
    await signIn(user);
    await waitFor(() => expect(router.state.location.pathname).toBe('/security'));
  });

  it('keeps next through the link to sign-up, and signing up lands on it', async () => {
    mockServer();
    const user = userEvent.setup();
    const router = renderApp(`/sign-in?next=${encodeURIComponent('/forum/topics/42')}`);
    await user.click(await screen.findByRole('link', { name: 'Register your company' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-up'));
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/forum/topics/42');
    for (const [label, value] of Object.entries({
      'First name': 'Reem',
      'Last name': 'Al-Harbi',
      'Work email': 'reem@example.com',
      Password: 'Quartz-Falcon-2931',
      'Company name': 'Tabuk Foods',
    }))
      await user.type(screen.getByLabelText(label, { exact: false }), value);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/forum/topics/42'));
  });
});
