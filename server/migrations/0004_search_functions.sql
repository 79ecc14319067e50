-- Bilingual (Arabic + English) full-text search building blocks, shared by the forum and later modules.
-- Plain SQL only (no extensions): identical on PGlite (PostgreSQL 18) and PostgreSQL 15+, whose
-- built-in `arabic` and `english` configurations were checked to produce the same lexemes.
--
-- p2p_fold_arabic(text): folds what a native reader treats as the same letter, applied to both the
-- stored text and the query:
--   alef variants  أ U+0623, إ U+0625, آ U+0622, ٱ U+0671  → ا U+0627
--   taa marbuta    ة U+0629                               → ه U+0647
--   alef maqsura   ى U+0649                               → ي U+064A
--   hamza on waw   ؤ U+0624                               → و U+0648
--   hamza on yaa   ئ U+0626                               → ي U+064A
--   removed: harakat and other combining marks U+064B–U+065F (tanween, fatha, damma, kasra, shadda,
--   sukun, maddah, combining hamza above/below …), superscript alef U+0670 and tatweel U+0640.
-- ؤ → و and ئ → ي keep the seat letter, which is what the snowball `arabic` stemmer does itself
-- (to_tsvector('arabic','مسؤول') = 'مسوول'), so folding and stemming agree; the price is that the
-- two spellings مسؤول / مسئول stay different words (as they do for the stemmer). Latin text and
-- letter case are untouched; the text search configurations lower-case.
CREATE FUNCTION p2p_fold_arabic(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN translate(
    regexp_replace(input, '[\u064B-\u065F\u0670\u0640]', '', 'g'),
    'أإآٱةىؤئ',
    'ااااهيوي'
  );
--> statement-breakpoint
-- One configuration that stems each token by its script: ASCII words (and the ASCII parts of
-- hyphenated words) with english_stem, everything else as `arabic` does. Used by p2p_search_query so
-- that a query mixing both languages ("صيانة pumps") keeps its AND across languages, and usable
-- for ts_headline over mixed text (a headline runs with a single configuration).
CREATE TEXT SEARCH CONFIGURATION public.p2p_bilingual (COPY = pg_catalog.arabic);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.p2p_bilingual
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH english_stem;
--> statement-breakpoint
-- p2p_search_vector(title, body): title weight A, body weight B; each parsed by `arabic` (Arabic
-- stemmed, Latin kept as is) and by `english` (English stemmed, Arabic kept as is), so a word is
-- found by its stem in either language. Null parts count as empty. Immutable: usable in generated
-- columns and expression indexes.
CREATE FUNCTION p2p_search_vector(title text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN setweight(to_tsvector('pg_catalog.arabic'::regconfig, p2p_fold_arabic(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('pg_catalog.english'::regconfig, p2p_fold_arabic(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('pg_catalog.arabic'::regconfig, p2p_fold_arabic(coalesce(body, ''))), 'B')
    || setweight(to_tsvector('pg_catalog.english'::regconfig, p2p_fold_arabic(coalesce(body, ''))), 'B');
--> statement-breakpoint
-- p2p_search_query(q): web-search syntax ("phrases", or, -not) on the folded query, parsed three ways
-- and OR-ed: by `arabic`, by `english`, and by p2p_bilingual. Each branch keeps its own AND, so
-- "صيانة مضخات" needs both words (arabic branch) and "pump maintenance" both words (english branch);
-- the bilingual branch matches a query mixing an Arabic and an English word, each by its stem,
-- against the arabic and english lexemes of the vector. A query of stop words only gives an empty
-- tsquery, which matches nothing.
CREATE FUNCTION p2p_search_query(q text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN websearch_to_tsquery('pg_catalog.arabic'::regconfig, p2p_fold_arabic(coalesce(q, '')))
    || websearch_to_tsquery('pg_catalog.english'::regconfig, p2p_fold_arabic(coalesce(q, '')))
    || websearch_to_tsquery('public.p2p_bilingual'::regconfig, p2p_fold_arabic(coalesce(q, '')));
