-- p2p_search_query(q) is now the p2p_bilingual parse alone (Arabic words by their arabic stem, ASCII
-- words by their english stem: exactly the lexemes p2p_search_vector stores for each script), and
-- the OR of the arabic and english parses only when that one is empty. Even with duplicates removed
-- (0012), the unstemmed copies the other parses add ('صيانة' beside 'صيان') are rarer entries that
-- kept PostgreSQL's gin_fuzzy_search_limit from sampling a common word. What matches is unchanged: an unstemmed form's documents hold its stem too.
CREATE OR REPLACE FUNCTION p2p_search_query(q text) RETURNS tsquery
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
DECLARE
  folded text := p2p_fold_arabic(coalesce(q, ''));
  by_arabic tsquery := websearch_to_tsquery('pg_catalog.arabic'::regconfig, folded);
  by_english tsquery := websearch_to_tsquery('pg_catalog.english'::regconfig, folded);
  by_both tsquery := websearch_to_tsquery('public.p2p_bilingual'::regconfig, folded);
BEGIN
  IF numnode(by_both) > 0 THEN
    RETURN by_both;
  END IF;
  RETURN by_arabic || by_english;
END
$$;
