import type { PlatformRole } from '@p2p/contracts';
import { eq } from 'drizzle-orm';
import { forumCategories } from '../../src/modules/forum/forum.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import type { Db } from '../../src/platform/db.js';
import type { TestClient } from '../helpers/app.js';

let categorySequence = 0;

/** A forum category, public or private to an organization. */
export async function createCategory(db: Db, input: { organizationId?: string; nameEn?: string } = {}): Promise<string> {
  categorySequence += 1;
  const [row] = await db
    .insert(forumCategories)
    .values({
      slug: `test-category-${Date.now().toString(36)}-${categorySequence}`,
      nameEn: input.nameEn ?? `Category ${categorySequence}`,
      nameAr: `فئة ${categorySequence}`,
      position: categorySequence,
      organizationId: input.organizationId ?? null,
    })
    .returning({ id: forumCategories.id });
  return row!.id;
}

export async function setPlatformRole(db: Db, userId: string, platformRole: PlatformRole): Promise<void> {
  await db.update(users).set({ platformRole }).where(eq(users.id, userId));
}

/** Starts a topic and returns its id; fails loudly when the API refuses. */
export async function startTopic(client: TestClient, categoryId: string, input: { title?: string; body?: string } = {}): Promise<string> {
  const response = await client.post('/api/v1/forum/topics', {
    categoryId,
    title: input.title ?? 'Vibration on the cooling pump',
    body: input.body ?? 'Bearings run hot after 200 hours.',
  });
  if (response.statusCode !== 201) throw new Error(`topic failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/** Replies in a topic (to a post with parentPostId) and returns the post's id. */
export async function reply(
  client: TestClient,
  topicId: string,
  body = 'Check the alignment first.',
  parentPostId?: string,
): Promise<string> {
  const response = await client.post(`/api/v1/forum/topics/${topicId}/posts`, { body, ...(parentPostId ? { parentPostId } : {}) });
  if (response.statusCode !== 201) throw new Error(`reply failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}
