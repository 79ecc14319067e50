-- 0009 declared its columns "DESC NULLS LAST" (what drizzle writes for .desc()), but the lists order by
-- plain "desc", which is DESC NULLS FIRST: PostgreSQL matches index order to ORDER BY including the
-- nulls placement (NOT NULL columns do not change that), so neither 0009's nor 0005's sort indexes
-- served a page. Same indexes, in the order the queries ask for.
DROP INDEX IF EXISTS "forum_topics_activity_page_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "forum_topics_newest_page_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "forum_topics_views_page_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "forum_topics_likes_page_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "forum_topics_replies_page_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "forum_topics_category_activity_page_idx";
--> statement-breakpoint
CREATE INDEX "forum_topics_activity_page_idx" ON "forum_topics" USING btree ("pinned" DESC, "last_activity_at" DESC, "id" DESC) WHERE deleted_at is null;
--> statement-breakpoint
CREATE INDEX "forum_topics_newest_page_idx" ON "forum_topics" USING btree ("pinned" DESC, "created_at" DESC, "id" DESC) WHERE deleted_at is null;
--> statement-breakpoint
CREATE INDEX "forum_topics_views_page_idx" ON "forum_topics" USING btree ("pinned" DESC, "views_count" DESC, "id" DESC) WHERE deleted_at is null;
--> statement-breakpoint
CREATE INDEX "forum_topics_likes_page_idx" ON "forum_topics" USING btree ("pinned" DESC, "likes_count" DESC, "id" DESC) WHERE deleted_at is null;
--> statement-breakpoint
CREATE INDEX "forum_topics_replies_page_idx" ON "forum_topics" USING btree ("pinned" DESC, "posts_count" DESC, "id" DESC) WHERE deleted_at is null;
--> statement-breakpoint
CREATE INDEX "forum_topics_category_activity_page_idx" ON "forum_topics" USING btree ("category_id", "pinned" DESC, "last_activity_at" DESC, "id" DESC) WHERE deleted_at is null;
