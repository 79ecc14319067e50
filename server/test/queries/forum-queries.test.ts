import { encodeCursor, FORUM_BRANCH_REPLIES, forumSearchQuerySchema, forumTopicListQuerySchema } from '@p2p/contracts';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { repliesQuery, threadQuery } from '../../src/modules/forum/queries/posts.queries.js';
import {
  searchQuery,
  similarTitlesQuery,
  titleSuggestionsQuery,
  trendingTermsQuery,
} from '../../src/modules/forum/queries/search.queries.js';
import { topicKey, topicListQuery } from '../../src/modules/forum/queries/topics.queries.js';
import { toActor } from '../../src/platform/actor.js';

// The forum's hand-tuned readers as PostgreSQL receives them, checked in: a change to their SQL shows
// in review as a change to these files (update them with `npx vitest run test/queries -u`).

const dialect = new PgDialect();

const reader = toActor({
  userId: '00000000-0000-4000-8000-000000000001',
  sessionId: '00000000-0000-4000-8000-000000000002',
  email: 'reader@example.com',
  emailVerified: true,
  platformRole: 'member',
  status: 'active',
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  membership: { organizationId: '00000000-0000-4000-8000-000000000003', role: 'member', organizationStatus: 'active' },
});
const moderator = toActor({
  userId: '00000000-0000-4000-8000-000000000004',
  sessionId: '00000000-0000-4000-8000-000000000005',
  email: 'moderator@example.com',
  emailVerified: true,
  platformRole: 'moderator',
  status: 'active',
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  membership: { organizationId: '00000000-0000-4000-8000-000000000006', role: 'admin', organizationStatus: 'active' },
});
const TOPIC_ID = '00000000-0000-4000-8000-000000000010';
const CATEGORY_ID = '00000000-0000-4000-8000-000000000011';
const AUTHOR_ID = '00000000-0000-4000-8000-000000000012';
const POST_ID = '00000000-0000-4000-8000-000000000013';

/** Statements as text with their parameters, one after the other. */
function render(...statements: [string, SQL][]): string {
  return statements
    .map(([title, statement]) => {
      const { sql, params } = dialect.sqlToQuery(statement);
      return `-- ${title}\n${sql}\n-- params: ${JSON.stringify(params)}\n`;
    })
    .join('\n');
}

describe('the forum readers’ SQL', () => {
  it('the thread (a page of top-level posts with the first replies of each branch) and the replies beneath a post', async () => {
    const after = { at: '2026-02-01T08:30:00.123456Z', id: POST_ID };
    await expect(
      render(
        ['page 2 of 20, a member', threadQuery(reader, TOPIC_ID, 2, 20, FORUM_BRANCH_REPLIES)],
        ['page 1 of 50, a moderator', threadQuery(moderator, TOPIC_ID, 1, 50, FORUM_BRANCH_REPLIES)],
        ['20 after a cursor', threadQuery(reader, TOPIC_ID, 1, 20, FORUM_BRANCH_REPLIES, after)],
        ["a top-level post's branch after a cursor", repliesQuery(reader, { id: POST_ID, isTopLevel: true }, 51, after)],
        ["a reply's descendants, first page", repliesQuery(reader, { id: POST_ID, isTopLevel: false }, 51)],
      ),
    ).toMatchFileSnapshot('./__queries__/forum-thread.sql');
  });

  it('the topic list', async () => {
    const byCategory = forumTopicListQuerySchema.parse({ categoryId: CATEGORY_ID });
    const filtered = forumTopicListQuerySchema.parse({
      authorId: AUTHOR_ID,
      solved: 'true',
      from: '2026-01-01',
      to: '2026-03-31',
      sort: 'likes',
      page: '3',
      pageSize: '10',
    });
    const walkByActivity = forumTopicListQuerySchema.parse({
      categoryId: CATEGORY_ID,
      cursor: encodeCursor([false, '2026-02-01T08:30:00.123456Z', TOPIC_ID]),
    });
    const walkByViews = forumTopicListQuerySchema.parse({ sort: 'views', cursor: encodeCursor([false, 42, TOPIC_ID]) });
    await expect(
      render(
        ['a category, by activity, counted by the categories', topicListQuery(reader, byCategory)],
        ['filtered, by likes, counted up to the limit', topicListQuery(reader, filtered)],
        ['everything, a moderator', topicListQuery(moderator, forumTopicListQuerySchema.parse({ sort: 'replies' }))],
        ['a category, by activity, after a cursor', topicListQuery(reader, walkByActivity, topicKey(walkByActivity))],
        ['everything, by views, after a cursor', topicListQuery(reader, walkByViews, topicKey(walkByViews))],
      ),
    ).toMatchFileSnapshot('./__queries__/forum-topic-list.sql');
  });

  it('the search', async () => {
    const relevance = forumSearchQuerySchema.parse({ q: 'pump vibration' });
    const dated = forumSearchQuerySchema.parse({
      q: 'صيانة المضخة',
      scope: 'posts',
      categoryId: CATEGORY_ID,
      authorId: AUTHOR_ID,
      from: '2026-01-01',
      to: '2026-03-31',
      sort: 'date',
      page: '2',
    });
    const liked = forumSearchQuerySchema.parse({ q: 'bearing', scope: 'topics', sort: 'likes' });
    await expect(
      render(
        ['everything by relevance, first page (logged)', searchQuery(reader, relevance)],
        ['posts by date, filtered, second page', searchQuery(reader, dated)],
        ['topics by likes, a moderator', searchQuery(moderator, liked)],
      ),
    ).toMatchFileSnapshot('./__queries__/forum-search.sql');
  });

  it('the suggestions while typing', async () => {
    const titles = titleSuggestionsQuery(reader, 'pump vib', 8);
    expect(titles).not.toBeNull();
    expect(titleSuggestionsQuery(reader, '  ', 8)).toBeNull();
    await expect(
      render(['titles completing the typed words', titles!], ['similar titles (typos)', similarTitlesQuery(reader, 'pmup vibraton', 8)]),
    ).toMatchFileSnapshot('./__queries__/forum-suggestions.sql');
  });

  it('the trending terms', async () => {
    await expect(render(['the week’s, at most 10', trendingTermsQuery('week', 10)])).toMatchFileSnapshot(
      './__queries__/forum-trending.sql',
    );
  });
});
