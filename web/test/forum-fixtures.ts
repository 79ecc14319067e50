import type { ForumAuthor, ForumPost } from '@p2p/contracts';

let sequence = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function author(name: string, overrides: Partial<ForumAuthor> = {}): ForumAuthor {
  sequence += 1;
  return {
    id: uuid(1000 + sequence),
    name,
    avatarUrl: null,
    jobTitle: 'Maintenance Engineer',
    organization: { id: uuid(2000 + sequence), name: 'Jubail Pumps', nameAr: 'مضخات الجبيل', logoUrl: null },
    formerMember: false,
    ...overrides,
  };
}

/** A post of a thread; `id` is a small number made into a UUID, `parent` likewise. */
export function post(
  id: number,
  depth: number,
  parent: number | null,
  by: ForumAuthor | null,
  overrides: Partial<ForumPost> = {},
): ForumPost {
  return {
    id: uuid(id),
    topicId: uuid(9999),
    parentPostId: parent === null ? null : uuid(parent),
    depth,
    author: by,
    body: `post ${id}`,
    bodyHtml: `<p>post ${id}</p>`,
    likesCount: 0,
    repliesCount: 0,
    likedByMe: false,
    isBestAnswer: false,
    deleted: false,
    createdAt: '2026-01-10T10:00:00.000Z',
    editedAt: null,
    can: { edit: false, delete: false, moderate: false, markBestAnswer: false, reply: true },
    ...overrides,
  };
}

export { uuid };
