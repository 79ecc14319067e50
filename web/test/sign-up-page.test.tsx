import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { SignUpPage } from '../src/features/auth/sign-up-page.js';
import { requestUrl, sentJson } from './fetch-helpers.js';

function renderSignUp() {
  const router = createMemoryRouter(
    [
      { path: '/sign-up', element: <SignUpPage /> },
      { path: '/dashboard', element: <p>dashboard reached</p> },
    ],
    { initialEntries: ['/sign-up'] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

function problem(status: number, code: string, errors?: Array<{ path: string; code: string; message: string }>) {
  return new Response(JSON.stringify({ type: 't', title: 'x', status, code, requestId: 'rid', ...(errors ? { errors } : {}) }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

async function fill(user: ReturnType<typeof userEvent.setup>, labels: Record<string, string>) {
  for (const [label, value] of Object.entries(labels)) await user.type(screen.getByLabelText(label, { exact: false }), value);
}

describe('sign-up form', () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  });

  it('validates before sending: every missing field gets its own message and the first one takes focus', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    const user = userEvent.setup();
    renderSignUp();
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(fetchMock).not.toHaveBeenCalled();
    const firstName = screen.getByLabelText('First name');
    expect(firstName.getAttribute('aria-invalid')).toBe('true');
    const describedBy = firstName.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toBe('This field is required.');
    expect(screen.getByLabelText('Work email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Password', { exact: false }).getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(firstName));
  });

  it('shows the server’s field error next to the password field', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      problem(400, 'VALIDATION_FAILED', [{ path: 'password', code: 'PASSWORD_TOO_COMMON', message: 'too common' }]),
    );
    const user = userEvent.setup();
    renderSignUp();
    await fill(user, {
      'First name': 'Reem',
      'Last name': 'Al-Harbi',
      'Work email': 'reem@example.com',
      Password: 'Quartz-Falcon-2931',
      'Company name': 'Tabuk Foods',
    });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const password = screen.getByLabelText('Password', { exact: false });
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const ids = password.getAttribute('aria-describedby')!.split(' ');
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toContain('This password is too common or too easy to guess.');
  });

  it('says the email is taken, in Arabic when the interface is Arabic', async () => {
    await applyLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(problem(409, 'EMAIL_TAKEN'));
    const user = userEvent.setup();
    renderSignUp();
    await fill(user, {
      'الاسم الأول': 'ريم',
      'اسم العائلة': 'الحربي',
      'البريد الإلكتروني للعمل': 'reem@example.com',
      'كلمة المرور': 'Quartz-Falcon-2931',
      'اسم الشركة': 'أغذية تبوك',
    });
    await user.click(screen.getByRole('button', { name: 'إنشاء الحساب' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('يوجد حساب بهذا البريد الإلكتروني'));
  });

  it('sends the UI language with the sign-up and goes to the dashboard', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async (input) =>
        requestUrl(input).includes('sign-up')
          ? new Response(JSON.stringify({ user: {} }), { status: 200 })
          : new Response(JSON.stringify({}), { status: 200 }),
      );
    const user = userEvent.setup();
    const router = renderSignUp();
    await fill(user, {
      'First name': 'Reem',
      'Last name': 'Al-Harbi',
      'Work email': ' Reem@Example.com ',
      Password: 'Quartz-Falcon-2931',
      'Company name': 'Tabuk Foods',
    });
    await user.selectOptions(screen.getByLabelText('Industry', { exact: false }), 'food_beverage');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
    const body = sentJson(fetchMock.mock.calls[0]![1]);
    expect(body).toEqual({
      firstName: 'Reem',
      lastName: 'Al-Harbi',
      email: 'reem@example.com',
      password: 'Quartz-Falcon-2931',
      organizationName: 'Tabuk Foods',
      industry: 'food_beverage',
      language: 'en',
    });
  });
});
