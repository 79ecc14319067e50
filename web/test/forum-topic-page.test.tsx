import type { ForumTopic, ForumThread } from '@p2p/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, initI18n } from '../src/app/i18n.js';
import { createQueryClient } from '../src/app/providers.js';
import { TopicPage, bestAnswerLink } from '../src/features/forum/topic-page.js';
import { author, post, uuid } from './forum-fixtures.js';
import { requestUrl } from './fetch-helpers.js';

const amal = author('Amal Al-Qahtani');
const badr = author('Badr Al-Shehri');
const topicId = uuid(9999);
const categoryId = uuid(8888);

function topic(overrides: Partial<ForumTopic> = {}): ForumTopic {
  return {
    id: topicId,
    categoryId,
    title: 'Pump maintenance schedule — جدول صيانة المضخات',
    excerpt: 'How often',
    author: amal,
    pinned: false,
    locked: true,
    solved: true,
    viewsCount: 12,
    likesCount: 3,
    postsCount: 8,
    lastActivityAt: '2026-01-10T10:00:00.000Z',
    createdAt: '2026-01-09T10:00:00.000Z',
    body: 'How often?',
    bodyHtml: '<p>How often do you service <strong>centrifugal pumps</strong>?</p>',
    bestPostId: uuid(2),
    bestAnswer: { postId: uuid(2), author: badr, excerpt: 'Every 2,000 running hours', position: 0 },
    likedByMe: false,
    editedAt: null,
    can: { edit: true, delete: true, moderate: false, markBestAnswer: true, reply: false },
    ...overrides,
  };
}

function thread(): ForumThread {
  const items = [
    post(1, 0, null, null, { deleted: true, body: '', bodyHtml: '', repliesCount: 1 }),
    post(2, 1, 1, badr, {
      isBestAnswer: true,
      bodyHtml: '<p>Every 2,000 running hours</p>',
      can: { edit: false, delete: false, moderate: false, markBestAnswer: true, reply: false },
    }),
    post(3, 2, 2, amal),
    post(4, 3, 3, badr),
    post(5, 4, 4, amal),
    post(6, 5, 5, badr),
    post(7, 6, 6, amal, { editedAt: '2026-01-11T10:00:00.000Z' }),
  ];
  return { items, total: 1, page: 1, pageSize: 20, totalPages: 1, hasNext: false, hasPrevious: false };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function renderTopic(current: ForumTopic) {
  const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = requestUrl(input);
    if (url === '/api/v1/forum/categories')
      return json({
        items: [
          {
            id: categoryId,
            slug: 'maintenance',
            nameEn: 'Maintenance',
            nameAr: 'الصيانة',
            descriptionEn: null,
            descriptionAr: null,
            position: 0,
            organizationId: null,
            topicsCount: 1,
            postsCount: 8,
            lastActivityAt: null,
          },
        ],
      });
    if (url.startsWith(`/api/v1/forum/topics/${topicId}/posts`)) return json(thread());
    if (url === `/api/v1/forum/topics/${topicId}`) return json(current);
    if (url === `/api/v1/forum/posts/${uuid(3)}/like` && init?.method === 'POST') return json({ liked: true, likesCount: 1 });
    return json({ type: 't', title: 'Not Found', status: 404, code: 'NOT_FOUND' }, 404);
  });
  const router = createMemoryRouter([{ path: '/forum/topics/:id', element: <TopicPage /> }], {
    initialEntries: [`/forum/topics/${topicId}`],
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return fetchMock;
}

describe('topic page', () => {
  beforeEach(async () => {
    initI18n('en');
    await applyLanguage('en');
  });

  it('shows the solved banner, the thread with capped indent, tombstones and "replying to", and the locked note', async () => {
    renderTopic(topic());
    await screen.findByRole('heading', { level: 1, name: 'Pump maintenance schedule — جدول صيانة المضخات' });
    expect(document.querySelector('.topic__body strong')?.textContent).toBe('centrifugal pumps');

    const banner = screen.getByRole('complementary', { name: 'Solved' });
    expect(within(banner).getByText('Every 2,000 running hours')).toBeTruthy();
    expect(within(banner).getByRole('link', { name: 'Go to the best answer' }).getAttribute('href')).toBe(
      `/forum/topics/${topicId}#post-${uuid(2)}`,
    );

    await screen.findByText('This post was deleted');
    const rows = [...document.querySelectorAll('li.post')];
    expect(rows.map((li) => li.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `post-${uuid(n)}`));
    expect(rows.map((li) => /post--indent-(\d)/.exec(li.className)?.[1])).toEqual(['0', '1', '2', '3', '4', '4', '4']);

    const best = document.getElementById(`post-${uuid(2)}`)!;
    expect(best.className).toContain('post--best');
    expect(within(best).getByText('Best answer')).toBeTruthy();
    expect(within(best).getByRole('button', { name: 'Remove best answer' })).toBeTruthy();
    // The reply to the deleted post says so (for screen readers; the indent shows it to the eye).
    expect(within(best).getByText('Replying to a deleted post').className).toBe('visually-hidden');

    const deep = document.getElementById(`post-${uuid(6)}`)!;
    const marker = within(deep).getByRole('link', { name: 'Replying to Amal Al-Qahtani' });
    expect(marker.getAttribute('href')).toBe(`#post-${uuid(5)}`);
    expect(within(document.getElementById(`post-${uuid(7)}`)!).getByText(/edited/)).toBeTruthy();

    expect(screen.getByText('This topic is locked: new replies are closed.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Reply to the topic' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Reply to / })).toBeNull();
  });

  it('toggles a like with aria-pressed and the new count', async () => {
    const fetchMock = renderTopic(
      topic({ locked: false, can: { edit: false, delete: false, moderate: false, markBestAnswer: false, reply: true } }),
    );
    const user = userEvent.setup();
    await screen.findByText('This post was deleted');
    const third = document.getElementById(`post-${uuid(3)}`)!;
    const like = within(third).getByRole('button', { name: 'Like the post by Amal Al-Qahtani (0)' });
    expect(like.getAttribute('aria-pressed')).toBe('false');
    await user.click(like);
    await waitFor(() =>
      expect(within(third).getByRole('button', { name: 'Like the post by Amal Al-Qahtani (1)' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect(fetchMock.mock.calls.some(([u, i]) => requestUrl(u) === `/api/v1/forum/posts/${uuid(3)}/like` && i?.method === 'POST')).toBe(
      true,
    );
    expect(screen.getByRole('textbox', { name: 'Reply to the topic' })).toBeTruthy();
  });
});

describe('the link to the best answer', () => {
  it('opens the thread page that holds the answer', () => {
    const answer = { postId: uuid(2), author: badr, excerpt: '' };
    expect(bestAnswerLink({ ...answer, position: 0 })).toEqual({ search: '', hash: `post-${uuid(2)}` });
    expect(bestAnswerLink({ ...answer, position: 19 })).toEqual({ search: '', hash: `post-${uuid(2)}` });
    expect(bestAnswerLink({ ...answer, position: 20 })).toEqual({ search: '?page=2', hash: `post-${uuid(2)}` });
    expect(bestAnswerLink({ ...answer, position: 45 })).toEqual({ search: '?page=3', hash: `post-${uuid(2)}` });
  });
});
