import type { UseCase } from '@p2p/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { EditCasePage, NewCasePage } from '../src/features/use-cases/editor-page.js';
import { parseNumber } from '../src/features/use-cases/editor-draft.js';
import { type RecordedRequest, json, mockApi, useCase, uuid } from './use-case-fixtures.js';

const CREATED = uuid(500);

function renderEditor(path: string, route: (request: RecordedRequest) => Response | undefined) {
  const api = mockApi((request) => {
    if (request.url.startsWith('/api/v1/use-cases/terms?')) {
      const q = new URL(request.url, 'http://localhost').searchParams.get('q') ?? '';
      const items = [
        { name: 'SCADA', usesCount: 12 },
        { name: 'Scale models', usesCount: 1 },
      ].filter((term) => term.name.toLowerCase().startsWith(q.toLowerCase()));
      return json({ items });
    }
    return route(request);
  });
  const router = createMemoryRouter(
    [
      { path: '/use-cases/new', element: <NewCasePage /> },
      { path: '/use-cases/:id/edit', element: <EditCasePage /> },
      { path: '/use-cases/:id', element: <p>Case page</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...api, router };
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  // Pasted rather than typed: the form is large and happy-dom re-renders it per keystroke.
  await user.click(screen.getByRole('textbox', { name: 'Title' }));
  await user.paste('Vibration monitoring on cooling pumps');
  await user.click(screen.getByRole('textbox', { name: 'Summary' }));
  await user.paste('Wireless sensors on twelve pumps warn a week before a bearing fails.');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'maintenance');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Industry' }), 'petrochemicals');
}

// The editor is a large form; under happy-dom each keystroke re-renders it in a few tens of milliseconds.
const SLOW = 20_000;

describe('use case editor', () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  }, SLOW);

  it(
    'publishes a new case with technology chips, a listed place (its region and coordinates) and outcomes',
    async () => {
      const api = renderEditor('/use-cases/new', (r) =>
        r.url === '/api/v1/use-cases' && r.method === 'POST' ? json(useCase(500, { id: CREATED }), 201) : undefined,
      );
      const user = userEvent.setup();
      await screen.findByRole('heading', { level: 1, name: 'New use case' });
      await fillRequired(user);

      const technologies = screen.getByRole('combobox', { name: 'Technologies' });
      await user.type(technologies, 'PLC{Enter}');
      await user.type(technologies, 'sca');
      const listbox = await screen.findByRole('listbox', { name: 'Suggestions for Technologies' });
      expect(technologies.getAttribute('aria-expanded')).toBe('true');
      expect(
        within(listbox)
          .getAllByRole('option')
          .map((o) => o.querySelector('bdi')?.textContent),
      ).toEqual(['SCADA', 'Scale models']);
      await user.keyboard('{ArrowDown}');
      expect(technologies.getAttribute('aria-activedescendant')).toBe(within(listbox).getAllByRole('option')[0]!.id);
      await user.keyboard('{Enter}');
      await user.type(technologies, 'OPC UA,');
      const chosen = screen.getByRole('list', { name: 'Technologies chosen' });
      expect(
        within(chosen)
          .getAllByRole('listitem')
          .map((li) => li.querySelector('bdi')?.textContent),
      ).toEqual(['PLC', 'SCADA', 'OPC UA']);
      // The last chip goes with Backspace in the empty input; another with its own button.
      await user.keyboard('{Backspace}');
      await user.click(screen.getByRole('button', { name: 'Remove PLC' }));
      expect(
        within(chosen)
          .getAllByRole('listitem')
          .map((li) => li.querySelector('bdi')?.textContent),
      ).toEqual(['SCADA']);
      expect(document.activeElement).toBe(technologies);

      await user.type(screen.getByRole('textbox', { name: /Return on investment/ }), '١٨٠');
      await user.type(screen.getByRole('textbox', { name: /Investment \(SAR\)/ }), '1,200,000');
      await user.click(screen.getByRole('radio', { name: /Choose a place/ }));
      await user.selectOptions(screen.getByRole('combobox', { name: 'Place' }), 'jubail');
      expect(screen.getByText(/Region: Eastern Province/)).toBeTruthy();
      await user.click(screen.getByRole('radio', { name: /Organization only/ }));

      await user.click(screen.getByRole('button', { name: 'Publish' }));
      await screen.findByText('Case page');
      const sent = api.requests.find((r) => r.url === '/api/v1/use-cases' && r.method === 'POST')!;
      expect(sent.body).toMatchObject({
        title: 'Vibration monitoring on cooling pumps',
        category: 'maintenance',
        industry: 'petrochemicals',
        technologies: ['SCADA'],
        tags: [],
        city: 'jubail',
        region: 'eastern',
        latitude: 27.0046,
        longitude: 49.646,
        country: 'SA',
        visibility: 'organization',
        publish: true,
      });
      expect((sent.body as { outcomes: Record<string, unknown> }).outcomes).toMatchObject({
        roiPercent: 180,
        investmentSar: 1_200_000,
        paybackMonths: null,
      });
      expect(api.router.state.location.pathname).toBe(`/use-cases/${CREATED}`);
    },
    SLOW,
  );

  it(
    'shows the server’s field error next to its field and keeps the form',
    async () => {
      renderEditor('/use-cases/new', (r) =>
        r.url === '/api/v1/use-cases' && r.method === 'POST'
          ? json(
              {
                type: 'about:blank',
                title: 'Bad Request',
                status: 400,
                code: 'VALIDATION_FAILED',
                requestId: 'r1',
                errors: [{ path: 'tags.0', message: 'Too long', code: 'too_big' }],
              },
              400,
            )
          : undefined,
      );
      const user = userEvent.setup();
      await screen.findByRole('heading', { level: 1, name: 'New use case' });
      await fillRequired(user);
      await user.type(screen.getByRole('combobox', { name: 'Tags' }), 'pumps{Enter}');
      await user.click(screen.getByRole('button', { name: 'Save draft' }));
      const tags = screen.getByRole('combobox', { name: 'Tags' });
      await waitFor(() => expect(tags.getAttribute('aria-invalid')).toBe('true'));
      const describedBy = tags.getAttribute('aria-describedby')!.split(' ');
      expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('This is too long.');
      expect(screen.getByRole('alert').textContent).toContain('Please correct the highlighted fields.');
      expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Vibration monitoring on cooling pumps');
    },
    SLOW,
  );

  it(
    'checks the form before sending: required choices, coordinate ranges and pairs',
    async () => {
      const api = renderEditor('/use-cases/new', () => undefined);
      const user = userEvent.setup();
      await screen.findByRole('heading', { level: 1, name: 'New use case' });
      await user.click(screen.getByRole('radio', { name: /Pick by hand/ }));
      await user.type(screen.getByRole('textbox', { name: /^Latitude/ }), '95');
      await user.click(screen.getByRole('button', { name: 'Save draft' }));
      const category = screen.getByRole('combobox', { name: 'Category' });
      expect(category.getAttribute('aria-invalid')).toBe('true');
      const latitude = screen.getByRole('textbox', { name: /^Latitude/ });
      expect(latitude.getAttribute('aria-invalid')).toBe('true');
      expect(document.getElementById(latitude.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe(
        'Enter a number from -90 to 90.',
      );
      expect(screen.getByRole('textbox', { name: /^Longitude/ }).getAttribute('aria-invalid')).toBe('true');
      expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
    },
    SLOW,
  );

  it('saves only the changed fields of a published case, which makes a version', async () => {
    const stored: UseCase = useCase(7, {
      can: { edit: true, delete: true, publish: true, moderate: false, viewEngagement: true, like: true, report: false },
    });
    const api = renderEditor(`/use-cases/${uuid(7)}/edit`, (r) => {
      if (r.url === `/api/v1/use-cases/${uuid(7)}` && r.method === 'GET') return json(stored);
      if (r.url === `/api/v1/use-cases/${uuid(7)}` && r.method === 'PATCH')
        return json({ ...stored, title: 'Predictive maintenance on line 7, phase two', version: 2 });
      return undefined;
    });
    const user = userEvent.setup();
    const title = await screen.findByRole('textbox', { name: 'Title' });
    expect(screen.getByRole('radio', { name: /Choose a place/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('button', { name: 'Archive' })).toBeTruthy();
    await user.type(title, ', phase two');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Case page');
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual({ title: 'Predictive maintenance on line 7, phase two' });
  });
});

describe('typed numbers', () => {
  it('reads Arabic digits and separators, and refuses what is not a number', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('١٢٫٥')).toBe(12.5);
    expect(parseNumber('1,200,000')).toBe(1_200_000);
    expect(parseNumber('−4')).toBe(-4);
    expect(parseNumber('abc')).toBeNaN();
  });
});
