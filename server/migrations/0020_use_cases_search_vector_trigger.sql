-- The use-case search vectors stop being generated columns: PostgreSQL recomputes a stored generated
-- column on every update of the row, so each counted view, like or save re-parsed the whole case
-- text. A trigger now computes them on insert and when a text column is written (UPDATE OF …); a
-- counter update leaves them alone. Same values as before (same expressions), kept in place.
ALTER TABLE "use_cases" ALTER COLUMN "search_vector" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "use_cases" ALTER COLUMN "search_vector" SET DEFAULT ''::tsvector;--> statement-breakpoint
ALTER TABLE "use_cases" ALTER COLUMN "title_vector" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "use_cases" ALTER COLUMN "title_vector" SET DEFAULT ''::tsvector;--> statement-breakpoint
CREATE FUNCTION use_cases_search_vectors() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.search_vector := p2p_use_case_vector(NEW.title, NEW.title_ar, NEW.technologies, NEW.tags, NEW.summary, NEW.summary_ar,
    NEW.challenge || ' ' || NEW.solution || ' ' || NEW.results, NEW.vendors);
  NEW.title_vector := to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic(NEW.title || ' ' || coalesce(NEW.title_ar, '')));
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER use_cases_search_vectors_insert BEFORE INSERT ON "use_cases"
  FOR EACH ROW EXECUTE FUNCTION use_cases_search_vectors();--> statement-breakpoint
CREATE TRIGGER use_cases_search_vectors_update BEFORE UPDATE OF title, title_ar, technologies, tags, summary, summary_ar, challenge, solution, results, vendors ON "use_cases"
  FOR EACH ROW EXECUTE FUNCTION use_cases_search_vectors();
