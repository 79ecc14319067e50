-- The title's words as a stored column: with 0013's expression index, a plan that scanned topics in
-- another order had to compute each title's vector again, row after row (seconds for a rare prefix).
ALTER TABLE "forum_topics" ADD COLUMN "title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic(title))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "forum_topics_title_vector_idx" ON "forum_topics" USING gin ("title_vector") WHERE deleted_at is null;--> statement-breakpoint
DROP INDEX IF EXISTS "forum_topics_title_words_idx";
