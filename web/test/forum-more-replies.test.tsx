import type { ForumPost } from '@p2p/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { Branch } from '../src/features/forum/components/branch.js';
import { readingOrder } from '../src/features/forum/thread.js';
import { author, post, uuid } from './forum-fixtures.js';
import { requestUrl } from './fetch-helpers.js';

const amal = author('Amal Al-Qahtani');
const badr = author('Badr Al-Shehri');
const at = (minute: number) => `2026-01-10T10:${String(minute).padStart(2, '0')}:00.000Z`;

// A top-level post (1) whose page shows two replies (2, 3) and leaves out three: 4 and 6 answer the
// post, 5 answers reply 2.
const root = post(1, 0, null, amal, { createdAt: at(0), moreReplies: 3, repliesCursor: 'c3RhcnQ' });
const shown = [post(2, 1, 1, badr, { createdAt: at(1) }), post(3, 1, 1, amal, { createdAt: at(2) })];
const left: ForumPost[] = [
  post(4, 1, 1, badr, { createdAt: at(3) }),
  post(5, 2, 2, amal, { createdAt: at(4) }),
  post(6, 1, 1, badr, { createdAt: at(5) }),
];

function renderBranch() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter>
        <ol>
          <Branch root={root} replies={shown} topicId={uuid(9999)} canReplyToTopic onReplied={() => {}} />
        </ol>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const shownIds = () => [...document.querySelectorAll('li[id^="post-"]')].map((li) => li.id.replace('post-', ''));

describe('a branch with more replies than its page shows', () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  });

  it('loads the rest in place with the keyboard, under their parents, focuses the first and announces them', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = requestUrl(input);
      if (url.includes('cursor=c3RhcnQ')) return Response.json({ items: left.slice(0, 2), nextCursor: 'bmV4dA' });
      if (url.includes('cursor=bmV4dA')) return Response.json({ items: left.slice(2), nextCursor: null });
      return new Response('{}', { status: 404 });
    });
    renderBranch();
    const user = userEvent.setup();
    expect(shownIds()).toEqual([uuid(1), uuid(2), uuid(3)]);

    const button = screen.getByRole('button', { name: 'Show 3 more replies to the post by Amal Al-Qahtani' });
    expect(button.textContent).toBe('Show more replies (3)');
    button.focus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(shownIds()).toEqual([uuid(1), uuid(2), uuid(5), uuid(3), uuid(4)]));
    expect(requestUrl(fetchMock.mock.calls[0]![0])).toBe(`/api/v1/forum/posts/${uuid(1)}/replies?cursor=c3RhcnQ&pageSize=50`);
    expect(document.activeElement?.id).toBe(`post-${uuid(5)}`);
    expect(screen.getByRole('status').textContent).toBe('More replies shown: 2');

    await user.click(screen.getByRole('button', { name: 'Show 1 more replies to the post by Amal Al-Qahtani' }));
    await waitFor(() => expect(shownIds()).toEqual([uuid(1), uuid(2), uuid(5), uuid(3), uuid(4), uuid(6)]));
    expect(screen.queryByRole('button', { name: /more replies/ })).toBeNull();
    expect(document.activeElement?.id).toBe(`post-${uuid(6)}`);
  });

  it('shows no button when the page left nothing out', () => {
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <ol>
            <Branch
              root={{ ...root, moreReplies: 0, repliesCursor: null }}
              replies={shown}
              topicId={uuid(9999)}
              canReplyToTopic
              onReplied={() => {}}
            />
          </ol>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(screen.queryByRole('button', { name: /more replies/ })).toBeNull();
  });

  it('puts replies loaded later under their parents, oldest first', () => {
    expect(readingOrder([root, ...shown, ...left.toReversed()]).map((p) => p.id)).toEqual([1, 2, 5, 3, 4, 6].map(uuid));
  });
});
