import type { CreateForumCategoryBody, ForumCategory, ForumStats, UpdateForumCategoryBody } from '@p2p/contracts';
import { type Db, toNumber } from '../../platform/db.js';
import { AppError, isForeignKeyViolation, isUniqueViolation, notFound } from '../../platform/errors.js';
import { type Actor } from '../../platform/actor.js';
import { countForumStats, insertCategory, listCategoryRows, updateCategoryRow } from './queries/categories.queries.js';
import { isoOrNull } from '../../platform/time.js';

/** The categories the reader may see, in order, with their topic and post counts and latest activity. */
export async function listCategories(db: Db, actor: Actor): Promise<ForumCategory[]> {
  const rows = await listCategoryRows(db, actor);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    nameEn: row.name_en,
    nameAr: row.name_ar,
    descriptionEn: row.description_en,
    descriptionAr: row.description_ar,
    position: row.position,
    organizationId: row.organization_id,
    topicsCount: row.topics_count,
    postsCount: toNumber(row.posts_count),
    lastActivityAt: isoOrNull(row.last_activity_at),
  }));
}

async function findCategory(db: Db, actor: Actor, id: string): Promise<ForumCategory> {
  const found = (await listCategories(db, actor)).find((category) => category.id === id);
  if (!found) throw notFound('Category');
  return found;
}

function assertSuperadmin(actor: Actor): void {
  if (actor.platformRole !== 'superadmin') throw new AppError('FORBIDDEN', 'Only a platform administrator can manage categories');
}

async function saveCategory(write: () => Promise<string>, organizationId: string | null | undefined): Promise<string> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('VALIDATION_FAILED', 'This slug is taken', [
        { path: 'slug', message: 'Another category uses this slug', code: 'taken' },
      ]);
    if (isForeignKeyViolation(error))
      throw new AppError('VALIDATION_FAILED', 'No such organization', [
        { path: 'organizationId', message: `Organization ${organizationId} does not exist`, code: 'not_found' },
      ]);
    throw error;
  }
}

export async function createCategory(db: Db, actor: Actor, body: CreateForumCategoryBody): Promise<ForumCategory> {
  assertSuperadmin(actor);
  const id = await saveCategory(async () => {
    return insertCategory(db, { ...body, organizationId: body.organizationId ?? null });
  }, body.organizationId);
  return findCategory(db, actor, id);
}

export async function updateCategory(db: Db, actor: Actor, id: string, body: UpdateForumCategoryBody): Promise<ForumCategory> {
  await findCategory(db, actor, id);
  assertSuperadmin(actor);
  await saveCategory(async () => {
    await updateCategoryRow(db, id, { ...body, updatedAt: new Date() });
    return id;
  }, body.organizationId);
  return findCategory(db, actor, id);
}

/** Topics, replies, people active in the last 30 days and the solved share, over what the reader may see. */
export async function getForumStats(db: Db, actor: Actor): Promise<ForumStats> {
  const row = await countForumStats(db, actor);
  const topics = toNumber(row?.topics);
  const solvedTopics = toNumber(row?.solved);
  return {
    topics,
    posts: toNumber(row?.posts),
    activeMembers: toNumber(row?.active),
    solvedTopics,
    solvedShare: topics === 0 ? 0 : solvedTopics / topics,
  };
}
