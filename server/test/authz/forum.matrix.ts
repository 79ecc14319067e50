import type { TestClient } from '../helpers/app.js';
import { createCategory } from '../forum/factories.js';
import { type Expect, type MatrixEntry, type MatrixSetup, type World, shared, signedIn } from './harness.js';
import { revealsOnly } from './leaks.js';

/**
 * The forum. The owner is A's resource-owning member, who wrote the topic or post. Every entry runs
 * twice: in a public category (everyone signed in reads; only the author and moderators change), and
 * in a category private to organization A (organization B's people get 404, A's admins may change content
 * too, platform moderators see and moderate it).
 */
type Visibility = 'public' | 'private';

async function category(world: World, visibility: Visibility): Promise<string> {
  return createCategory(world.db, visibility === 'private' ? { organizationId: world.a.organizationId } : {});
}

async function topic(world: World, visibility: Visibility, author: TestClient = world.a.owner.client): Promise<string> {
  const response = await author.post('/api/v1/forum/topics', {
    categoryId: await category(world, visibility),
    title: 'Matrix topic title',
    body: 'Matrix topic body',
  });
  if (response.statusCode !== 201) throw new Error(`topic failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

async function post(
  world: World,
  visibility: Visibility,
  author: TestClient = world.a.owner.client,
  topicAuthor?: TestClient,
): Promise<{ topicId: string; postId: string }> {
  const topicId = await topic(world, visibility, topicAuthor);
  const parent = await author.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'Matrix parent' });
  const response = await author.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'Matrix reply', parentPostId: parent.json().id });
  if (response.statusCode !== 201) throw new Error(`post failed: ${response.statusCode} ${response.body}`);
  return { topicId, postId: parent.json().id as string };
}

/** One topic (or post) per visibility for all the roles of an entry whose requests change nothing another role's run depends on. */
const sharedTopic = () => shared((world, visibility) => topic(world, visibility as Visibility));
const sharedPost = () => shared((world, visibility) => post(world, visibility as Visibility));
const readTopic = sharedTopic();
const likeTopic = sharedTopic();
const readThread = sharedTopic();
const replyToTopic = sharedTopic();
const readReplies = sharedPost();
const likePost = sharedPost();

/** The same expectations, except that organization B cannot see a private category's content. */
function both(
  route: string,
  method: MatrixEntry['method'],
  setup: (world: World, visibility: Visibility) => Promise<MatrixSetup>,
  expect: Expect,
  privateExpect?: Partial<Expect>,
): MatrixEntry[] {
  return [
    { method, route, variant: 'public category', setup: (world) => setup(world, 'public'), expect },
    {
      method,
      route,
      variant: 'private category',
      setup: (world) => setup(world, 'private'),
      expect: { ...expect, otherOrgAdmin: 404, otherOrgMember: 404, ...privateExpect },
    },
  ];
}

const everyoneSignedIn = (status: number): Expect => ({
  owner: status,
  sameOrgAdmin: status,
  sameOrgMember: status,
  otherOrgAdmin: status,
  otherOrgMember: status,
  moderator: status,
  guest: 401,
});
const authorAndModerator = (status: number): Expect => ({
  owner: status,
  sameOrgAdmin: 403,
  sameOrgMember: 403,
  otherOrgAdmin: 403,
  otherOrgMember: 403,
  moderator: status,
  guest: 401,
});
const moderatorOnly = (status: number): Expect => ({
  owner: 403,
  sameOrgAdmin: 403,
  sameOrgMember: 403,
  otherOrgAdmin: 403,
  otherOrgMember: 403,
  moderator: status,
  guest: 401,
});

let slugSequence = 0;

export const entries: MatrixEntry[] = [
  // Lists and searches: every signed-in person, each seeing the public categories, their own
  // organization's private ones and (moderators) all of them; the checks look for the other
  // organization's private category, topic and reply (see leaks.ts).
  {
    method: 'GET',
    route: '/api/v1/forum/categories',
    setup: async () => ({ url: '/api/v1/forum/categories' }),
    expect: signedIn(200),
    check: revealsOnly((s) => s.categories),
  },
  {
    method: 'POST',
    route: '/api/v1/forum/categories',
    setup: async (world) => {
      slugSequence += 1;
      return {
        url: '/api/v1/forum/categories',
        body: { slug: `matrix-${Date.now().toString(36)}-${slugSequence}`, nameEn: 'Matrix category', nameAr: 'فئة المصفوفة' },
        owner: world.platform.superadmin.client,
      };
    },
    // Only superadmins (the owner here) manage categories.
    expect: { owner: 201, sameOrgAdmin: 403, sameOrgMember: 403, otherOrgAdmin: 403, otherOrgMember: 403, moderator: 403, guest: 401 },
  },
  {
    method: 'GET',
    route: '/api/v1/forum/topics',
    // The secret topics are pinned, so the pinned list's first page holds them.
    setup: async () => ({ url: '/api/v1/forum/topics?pinned=true&pageSize=100' }),
    expect: signedIn(200),
    check: revealsOnly((s) => s.topics),
  },
  ...both(
    '/api/v1/forum/topics',
    'POST',
    async (world, visibility) => ({
      url: '/api/v1/forum/topics',
      body: { categoryId: await category(world, visibility), title: 'Matrix topic title', body: 'Matrix topic body' },
    }),
    everyoneSignedIn(201),
    // A category that B's people cannot see is, for them, a field naming nothing (the body's categoryId);
    // the moderator sees it but writes in no other organization's private category.
    { otherOrgAdmin: 400, otherOrgMember: 400, moderator: 403 },
  ),
  {
    method: 'GET',
    route: '/api/v1/forum/search',
    setup: async () => ({ url: '/api/v1/forum/search?q=kestrel&pageSize=100' }),
    expect: signedIn(200),
    check: revealsOnly((s) => s.topics),
  },
  {
    method: 'GET',
    route: '/api/v1/forum/search/suggestions',
    setup: async () => ({ url: '/api/v1/forum/search/suggestions?q=kestrel%20gearbox&limit=20' }),
    expect: signedIn(200),
    check: revealsOnly((s) => s.topics, { shown: false }),
  },
  // Nobody is offered another person's searches: neither as a suggestion nor as a trending term.
  {
    method: 'GET',
    route: '/api/v1/forum/search/suggestions',
    variant: "another person's searches",
    setup: async () => ({ url: '/api/v1/forum/search/suggestions?q=zqforumhistory&limit=20' }),
    expect: signedIn(200),
    check: revealsOnly((s) => s.ownerForumSearches),
  },
  {
    method: 'GET',
    route: '/api/v1/forum/search/trending',
    setup: async () => ({ url: '/api/v1/forum/search/trending?period=week&limit=50' }),
    expect: signedIn(200),
    check: revealsOnly((s) => s.ownerForumSearches),
  },
  { method: 'GET', route: '/api/v1/forum/stats', setup: async () => ({ url: '/api/v1/forum/stats' }), expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/v1/forum/preview',
    setup: async () => ({ url: '/api/v1/forum/preview', body: { body: '**Bold** and a [link](https://example.com)' } }),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/v1/forum/people', setup: async () => ({ url: '/api/v1/forum/people?q=Sa' }), expect: signedIn(200) },
  ...both(
    '/api/v1/forum/categories/:id',
    'PATCH',
    async (world, visibility) => ({
      url: `/api/v1/forum/categories/${await category(world, visibility)}`,
      body: { descriptionEn: 'Edited' },
      owner: world.platform.superadmin.client,
    }),
    // Only superadmins (the owner here) manage categories; moderators see them but may not edit.
    { owner: 200, sameOrgAdmin: 403, sameOrgMember: 403, otherOrgAdmin: 403, otherOrgMember: 403, moderator: 403, guest: 401 },
  ),
  ...both(
    '/api/v1/forum/topics/:id',
    'GET',
    async (world, visibility) => ({ url: `/api/v1/forum/topics/${await readTopic(world, visibility)}` }),
    everyoneSignedIn(200),
  ),
  ...both(
    '/api/v1/forum/topics/:id',
    'PUT',
    async (world, visibility) => {
      const topicId = await topic(world, visibility);
      const categoryId = (await world.a.owner.client.get(`/api/v1/forum/topics/${topicId}`)).json().categoryId as string;
      return { url: `/api/v1/forum/topics/${topicId}`, body: { categoryId, title: 'Edited matrix topic', body: 'Edited' } };
    },
    authorAndModerator(200),
    // A's admin edits in A's private category; the moderator moderates there but does not write.
    { sameOrgAdmin: 200, moderator: 403 },
  ),
  ...both(
    '/api/v1/forum/topics/:id',
    'DELETE',
    async (world, visibility) => ({ url: `/api/v1/forum/topics/${await topic(world, visibility)}` }),
    authorAndModerator(204),
    { sameOrgAdmin: 204 },
  ),
  ...both(
    '/api/v1/forum/topics/:id/like',
    'POST',
    async (world, visibility) => ({ url: `/api/v1/forum/topics/${await likeTopic(world, visibility)}/like`, body: {} }),
    everyoneSignedIn(200),
  ),
  ...(['pin', 'unpin', 'lock', 'unlock'] as const).flatMap((action) =>
    both(
      `/api/v1/forum/topics/:id/${action}`,
      'POST',
      async (world, visibility) => ({ url: `/api/v1/forum/topics/${await topic(world, visibility)}/${action}`, body: {} }),
      moderatorOnly(200),
    ),
  ),
  ...both(
    '/api/v1/forum/topics/:id/posts',
    'GET',
    async (world, visibility) => ({ url: `/api/v1/forum/topics/${await readThread(world, visibility)}/posts` }),
    everyoneSignedIn(200),
  ),
  ...both(
    '/api/v1/forum/topics/:id/posts',
    'POST',
    async (world, visibility) => ({
      url: `/api/v1/forum/topics/${await replyToTopic(world, visibility)}/posts`,
      body: { body: 'A reply' },
    }),
    everyoneSignedIn(201),
    { moderator: 403 },
  ),
  ...both(
    '/api/v1/forum/posts/:id/replies',
    'GET',
    async (world, visibility) => ({ url: `/api/v1/forum/posts/${(await readReplies(world, visibility)).postId}/replies` }),
    everyoneSignedIn(200),
  ),
  ...both(
    '/api/v1/forum/posts/:id',
    'PUT',
    async (world, visibility) => ({ url: `/api/v1/forum/posts/${(await post(world, visibility)).postId}`, body: { body: 'Edited reply' } }),
    authorAndModerator(200),
    { sameOrgAdmin: 200, moderator: 403 },
  ),
  ...both(
    '/api/v1/forum/posts/:id',
    'DELETE',
    async (world, visibility) => ({ url: `/api/v1/forum/posts/${(await post(world, visibility)).postId}` }),
    authorAndModerator(204),
    { sameOrgAdmin: 204 },
  ),
  ...both(
    '/api/v1/forum/posts/:id/like',
    'POST',
    async (world, visibility) => ({ url: `/api/v1/forum/posts/${(await likePost(world, visibility)).postId}/like`, body: {} }),
    everyoneSignedIn(200),
  ),
  // Best answers belong to the topic's author (the owner here); the reply is A's plain member's.
  ...(['POST', 'DELETE'] as const).flatMap((method) =>
    both(
      '/api/v1/forum/posts/:id/best-answer',
      method,
      async (world, visibility) => ({
        url: `/api/v1/forum/posts/${(await post(world, visibility, world.a.member.client, world.a.owner.client)).postId}/best-answer`,
        body: method === 'POST' ? {} : undefined,
      }),
      authorAndModerator(200),
    ),
  ),
];
