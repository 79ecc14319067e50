-- Typo-tolerant suggestions: trigram index over the folded, lower-cased topic titles
-- (matched with p2p_fold_arabic(lower(q)) and the word-similarity operator).
CREATE INDEX "forum_topics_title_trgm_idx" ON "forum_topics" USING gin (p2p_fold_arabic(lower("title")) gin_trgm_ops) WHERE "deleted_at" IS NULL;
