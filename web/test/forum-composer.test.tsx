import { MENTION_PATTERN } from '@p2p/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { Composer } from '../src/features/forum/components/composer.js';
import { findMentionQuery, insertMention, mentionMarkdown } from '../src/features/forum/mention.js';
import { uuid } from './forum-fixtures.js';
import { requestUrl, sentJson } from './fetch-helpers.js';

const amal = {
  id: uuid(501),
  name: 'Amal Al-Qahtani',
  jobTitle: 'Reliability Engineer',
  avatarUrl: null,
  organizationName: 'Jubail Pumps',
};
const amin = { id: uuid(502), name: 'Amin Haddad', jobTitle: null, avatarUrl: null, organizationName: 'Yanbu Steel' };

describe('finding the mention being typed', () => {
  it('finds an @ at the start or after a space, up to the caret', () => {
    expect(findMentionQuery('@Am', 3)).toEqual({ start: 0, query: 'Am' });
    expect(findMentionQuery('Thanks @Amal Al', 15)).toEqual({ start: 7, query: 'Amal Al' });
    expect(findMentionQuery('شكرًا @أمل', 10)).toEqual({ start: 6, query: 'أمل' });
  });

  it('ignores e-mail addresses, finished mentions, new lines and a third word', () => {
    expect(findMentionQuery('mail amal@example.com', 21)).toBeNull();
    const written = `${mentionMarkdown(amal)} `;
    expect(findMentionQuery(written, written.length)).toBeNull();
    expect(findMentionQuery('@Amal\nnext', 10)).toBeNull();
    expect(findMentionQuery('@Amal Al Qahtani', 16)).toBeNull();
    expect(findMentionQuery('no mention here', 15)).toBeNull();
  });
});

describe('inserting a mention', () => {
  it('replaces the typed @query with @[Name](id) and a space, and puts the caret after it', () => {
    const text = 'Ask @Am about the pump';
    const result = insertMention(text, { start: 4, query: 'Am' }, 7, amal);
    expect(result.text).toBe(`Ask @[Amal Al-Qahtani](${amal.id}) about the pump`);
    expect(result.text.slice(0, result.caret)).toBe(`Ask @[Amal Al-Qahtani](${amal.id}) `);
    expect([...result.text.matchAll(MENTION_PATTERN)].map((m) => [m[1], m[2]])).toEqual([['Amal Al-Qahtani', amal.id]]);
  });

  it('keeps brackets out of the name so the mention still parses', () => {
    expect(mentionMarkdown({ id: amal.id, name: 'Amal [QA]\nTeam' })).toBe(`@[Amal QA Team](${amal.id})`);
  });
});

function Harness({ onValue }: { onValue: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <Composer
      label="Details"
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

function renderComposer() {
  let latest = '';
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Harness onValue={(v) => (latest = v)} />
    </QueryClientProvider>,
  );
  return () => latest;
}

describe('composer', () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  });

  it('suggests people after @ and two letters and inserts the chosen one with the keyboard', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = requestUrl(input);
      if (url.startsWith('/api/v1/forum/people')) return new Response(JSON.stringify({ items: [amal, amin] }), { status: 200 });
      return new Response('{}', { status: 404 });
    });
    const value = renderComposer();
    const user = userEvent.setup();
    const textarea = screen.getByLabelText('Details');
    await user.type(textarea, 'Hello @A');
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(textarea, 'm');
    const listbox = await screen.findByRole('listbox', { name: 'People to mention' });
    expect(fetchMock.mock.calls.map(([u]) => requestUrl(u))).toContain('/api/v1/forum/people?q=Am');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(textarea.getAttribute('aria-controls')).toBe(listbox.id);
    expect(textarea.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    await user.keyboard('{ArrowDown}');
    expect(textarea.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(value()).toBe(`Hello @[Amal Al-Qahtani](${amal.id}) `));
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(textarea, 'can you check?');
    expect(value()).toBe(`Hello @[Amal Al-Qahtani](${amal.id}) can you check?`);
  });

  it('closes the suggestions on Escape without changing the text', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ items: [amal] }), { status: 200 }));
    const value = renderComposer();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Details'), '@Am');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(value()).toBe('@Am');
  });

  it('previews through the server renderer, shown as the published post would be', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify({ html: '<p><strong>Bold</strong> text</p>' }), { status: 200 }));
    renderComposer();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Details'), '**Bold** text');
    const previewTab = screen.getByRole('tab', { name: 'Preview' });
    await user.click(previewTab);
    expect(previewTab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: 'Preview' });
    await waitFor(() => expect(panel.querySelector('.markdown strong')?.textContent).toBe('Bold'));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(requestUrl(url)).toBe('/api/v1/forum/preview');
    expect(sentJson(init)).toEqual({ body: '**Bold** text' });
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Write' }).getAttribute('aria-selected')).toBe('true');
  });
});
