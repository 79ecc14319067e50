-- p2p_search_query(q) OR-ed its three parses even when they were the same query: for a plain word
-- ("pump", "مضخة") all three give one lexeme, and 'pump' | 'pump' | 'pump' makes a GIN search walk
-- that posting list three times (a third of a common word's search time). Same meaning, each
-- distinct parse once.
CREATE OR REPLACE FUNCTION p2p_search_query(q text) RETURNS tsquery
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
DECLARE
  folded text := p2p_fold_arabic(coalesce(q, ''));
  by_arabic tsquery := websearch_to_tsquery('pg_catalog.arabic'::regconfig, folded);
  by_english tsquery := websearch_to_tsquery('pg_catalog.english'::regconfig, folded);
  by_both tsquery := websearch_to_tsquery('public.p2p_bilingual'::regconfig, folded);
  result tsquery := by_arabic;
BEGIN
  IF by_english <> by_arabic THEN
    result := result || by_english;
  END IF;
  IF by_both <> by_arabic AND by_both <> by_english THEN
    result := result || by_both;
  END IF;
  RETURN result;
END
$$;
