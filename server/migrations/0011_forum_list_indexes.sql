-- The schema now declares the list indexes 0010 created (nulls first, id last), so the sort indexes of
-- 0005 — never usable for a page, since their DESC NULLS LAST order is not the queries' — go, and
-- the by-date indexes of posts and topics are rebuilt in the order searches and profiles ask for.
DROP INDEX "forum_topics_activity_idx";--> statement-breakpoint
DROP INDEX "forum_topics_newest_idx";--> statement-breakpoint
DROP INDEX "forum_topics_views_idx";--> statement-breakpoint
DROP INDEX "forum_topics_likes_idx";--> statement-breakpoint
DROP INDEX "forum_topics_replies_idx";--> statement-breakpoint
DROP INDEX "forum_topics_category_activity_idx";--> statement-breakpoint
DROP INDEX "forum_posts_author_idx";--> statement-breakpoint
DROP INDEX "forum_posts_created_idx";--> statement-breakpoint
DROP INDEX "forum_topics_author_idx";--> statement-breakpoint
CREATE INDEX "forum_posts_author_idx" ON "forum_posts" USING btree ("author_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "forum_posts_created_idx" ON "forum_posts" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "forum_topics_author_idx" ON "forum_topics" USING btree ("author_id","created_at" DESC NULLS FIRST);