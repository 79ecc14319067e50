ALTER TABLE "forum_categories" ADD COLUMN "topics_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "forum_categories" c SET "topics_count" = (SELECT count(*) FROM "forum_topics" t WHERE t."category_id" = c."id" AND t."deleted_at" IS NULL);
