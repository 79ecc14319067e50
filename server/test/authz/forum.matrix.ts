import type { TestClient } from '../helpers/app.js';
import { createCategory } from '../forum/factories.js';
import type { MatrixEntry, MatrixSetup, Role, World } from './harness.js';

/**
 * The forum. The owner is A's resource-owning member, who wrote the topic or post. Every entry runs
 * twice: in a public category (everyone signed in reads; only the author and moderators change), and
 * in a category private to organization A (organization B answers 404, A's admins may change content
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

type Expect = Record<Role, number>;

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
      expect: { ...expect, otherOrgAdmin: 404, ...privateExpect },
    },
  ];
}

const everyoneSignedIn = (status: number): Expect => ({
  owner: status,
  sameOrgAdmin: status,
  sameOrgMember: status,
  otherOrgAdmin: status,
  moderator: status,
  guest: 401,
});
const authorAndModerator = (status: number): Expect => ({
  owner: status,
  sameOrgAdmin: 403,
  sameOrgMember: 403,
  otherOrgAdmin: 403,
  moderator: status,
  guest: 401,
});
const moderatorOnly = (status: number): Expect => ({
  owner: 403,
  sameOrgAdmin: 403,
  sameOrgMember: 403,
  otherOrgAdmin: 403,
  moderator: status,
  guest: 401,
});

export const entries: MatrixEntry[] = [
  ...both(
    '/api/v1/forum/categories/:id',
    'PATCH',
    async (world, visibility) => ({
      url: `/api/v1/forum/categories/${await category(world, visibility)}`,
      body: { descriptionEn: 'Edited' },
      owner: world.platform.superadmin.client,
    }),
    // Only superadmins (the owner here) manage categories; moderators see them but may not edit.
    { owner: 200, sameOrgAdmin: 403, sameOrgMember: 403, otherOrgAdmin: 403, moderator: 403, guest: 401 },
  ),
  ...both(
    '/api/v1/forum/topics/:id',
    'GET',
    async (world, visibility) => ({ url: `/api/v1/forum/topics/${await topic(world, visibility)}` }),
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
    { sameOrgAdmin: 200 },
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
    async (world, visibility) => ({ url: `/api/v1/forum/topics/${await topic(world, visibility)}/like`, body: {} }),
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
    async (world, visibility) => ({ url: `/api/v1/forum/topics/${await topic(world, visibility)}/posts` }),
    everyoneSignedIn(200),
  ),
  ...both(
    '/api/v1/forum/topics/:id/posts',
    'POST',
    async (world, visibility) => ({ url: `/api/v1/forum/topics/${await topic(world, visibility)}/posts`, body: { body: 'A reply' } }),
    everyoneSignedIn(201),
  ),
  ...both(
    '/api/v1/forum/posts/:id/replies',
    'GET',
    async (world, visibility) => ({ url: `/api/v1/forum/posts/${(await post(world, visibility)).postId}/replies` }),
    everyoneSignedIn(200),
  ),
  ...both(
    '/api/v1/forum/posts/:id',
    'PUT',
    async (world, visibility) => ({ url: `/api/v1/forum/posts/${(await post(world, visibility)).postId}`, body: { body: 'Edited reply' } }),
    authorAndModerator(200),
    { sameOrgAdmin: 200 },
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
    async (world, visibility) => ({ url: `/api/v1/forum/posts/${(await post(world, visibility)).postId}/like`, body: {} }),
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
