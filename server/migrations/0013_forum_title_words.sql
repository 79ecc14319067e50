-- Suggestions complete the words of topic titles as they are typed. The topics' search vector also
-- holds every body word, so a prefix like "pu" matched most topics there; this index holds the
-- title's words only (folded, stemmed by script like the search query), for prefix queries.
CREATE INDEX "forum_topics_title_words_idx" ON "forum_topics" USING gin (to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic("title"))) WHERE "deleted_at" IS NULL;
