import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { PrivacySection } from '../src/features/account/privacy-section.js';
import { PrivacyPage } from '../src/features/privacy/privacy-page.js';
import { requestUrl, sentJson } from './fetch-helpers.js';

function renderAt(element: ReactElement) {
  const router = createMemoryRouter(
    [
      { path: '/page', element },
      { path: '/', element: <p>start page</p> },
    ],
    { initialEntries: ['/page'] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

function problem(status: number, code: string, errors?: Array<{ path: string; code: string; message: string }>, headers = {}) {
  return new Response(JSON.stringify({ type: 't', title: 'x', status, code, requestId: 'rid', ...(errors ? { errors } : {}) }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

describe('the privacy page', () => {
  it('tells in English what is kept and for how long, and how to download or delete', async () => {
    initI18n('en');
    await applyLanguage('en');
    renderAt(<PrivacyPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy' })).toBeTruthy();
    const kept = screen.getByRole('region', { name: 'What we keep, and for how long' });
    expect(kept.textContent).toContain('7 days after your last visit, 30 days if you chose “remember me”');
    expect(kept.textContent).toContain('90 days, then deleted');
    expect(kept.textContent).toContain('cleared from our outbox as soon as it is delivered');
    expect(kept.textContent).toContain('anonymised at once');
    expect(screen.getByRole('heading', { name: 'Download your data' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Delete your account' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to my profile' }).getAttribute('href')).toBe('/profile#your-data');
  });

  it('is in Arabic too, with the same numbers', async () => {
    initI18n('ar');
    await applyLanguage('ar');
    renderAt(<PrivacyPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'الخصوصية' })).toBeTruthy();
    const kept = screen.getByRole('region', { name: 'ما نحتفظ به ومدته' });
    expect(kept.textContent).toContain('7 أيام');
    expect(kept.textContent).toContain('30 يومًا');
    expect(kept.textContent).toContain('90 يومًا');
  });
});

describe('the account page’s “Your data”', () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  });

  it('downloads my data as a JSON file', async () => {
    const data = {
      format: 'p2p-sandbox-personal-data',
      version: 1,
      exportedAt: '2026-12-02T01:00:00.000Z',
      profile: { email: 'me@example.com' },
    };
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify(data), { status: 200, headers: { 'content-type': 'application/json' } }));
    const createUrl = vi.fn(() => 'blob:export');
    const revokeUrl = vi.fn();
    Object.assign(URL, { createObjectURL: createUrl, revokeObjectURL: revokeUrl });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const user = userEvent.setup();
    renderAt(<PrivacySection />);
    expect(screen.getByRole('link', { name: 'What we keep and for how long' }).getAttribute('href')).toBe('/privacy');
    await user.click(screen.getByRole('button', { name: 'Download my data' }));
    await screen.findByText('Your data is downloaded.');
    expect(requestUrl(fetchMock.mock.calls[0]![0])).toBe('/api/v1/users/me/export');
    expect(clicked).toEqual(['p2p-sandbox-my-data-2026-12-02.json']);
    const blob = (createUrl.mock.calls[0] as unknown as [Blob])[0];
    expect(JSON.parse(await blob.text())).toEqual(data);
    expect(revokeUrl).toHaveBeenCalledWith('blob:export');
  });

  it('says when to come back after too many downloads', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(problem(429, 'RATE_LIMITED', undefined, { 'retry-after': '1200' }));
    const user = userEvent.setup();
    renderAt(<PrivacySection />);
    await user.click(screen.getByRole('button', { name: 'Download my data' }));
    expect((await screen.findByRole('alert')).textContent).toContain('1200');
  });

  it('deletes my account only with my password, after a clear warning, and leaves for the start page', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    const user = userEvent.setup();
    const router = renderAt(<PrivacySection />);
    expect(screen.getByText(/This cannot be undone/).textContent).toContain('shown as written by a former member');

    // Without a password nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Your current password').getAttribute('aria-invalid')).toBe('true');

    // A wrong password is named next to the field.
    fetchMock.mockResolvedValueOnce(problem(400, 'VALIDATION_FAILED', [{ path: 'password', code: 'invalid_password', message: 'x' }]));
    await user.type(screen.getByLabelText('Your current password'), 'not-my-password');
    await user.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    await screen.findByText('This is not your current password.');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(requestUrl(url)).toBe('/api/v1/users/me');
    expect(init?.method).toBe('DELETE');
    expect(sentJson(init)).toEqual({ password: 'not-my-password' });

    // The last admin is told what to do first.
    fetchMock.mockResolvedValueOnce(problem(409, 'LAST_ADMIN'));
    await user.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Make someone else an administrator first');

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await user.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(screen.getByText('start page')).toBeTruthy();
  });
});
