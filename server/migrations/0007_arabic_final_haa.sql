-- Taa marbuta and haa, reversed: p2p_fold_arabic now writes a word-final ه as ة (and every ة stays ة)
-- instead of turning ة into ه. Both spellings still fold to one, but to the one the snowball `arabic`
-- stemmer strips as a feminine ending: المضخه and المضخة now both stem to مضخ, الدوريه and الدورية to
-- دور (with ه they stayed مضخه and دوريه, and missed the correctly spelled words). Words that really end
-- in ه (مياه, كتابه) fold the same way on both sides, so they still match themselves.
-- Everything else is unchanged: alef variants أ إ آ ٱ → ا, ى → ي, ؤ → و, ئ → ي, harakat, superscript alef
-- and tatweel removed.
CREATE OR REPLACE FUNCTION p2p_fold_arabic(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace(
    translate(
      regexp_replace(input, '[\u064B-\u065F\u0670\u0640]', '', 'g'),
      'أإآٱةىؤئ',
      'ااااهيوي'
    ),
    'ه([^\u0621-\u064A]|$)',
    'ة\1',
    'g'
  );
--> statement-breakpoint
-- Stored vectors and the title index were computed with the old folding.
UPDATE forum_topics SET title = title;
--> statement-breakpoint
UPDATE forum_posts SET body = body;
--> statement-breakpoint
REINDEX INDEX forum_topics_title_trgm_idx;
