-- p2p_use_case_vector: the use-case search document, weighted title A (English and Arabic titles),
-- technologies and tags B, summaries C, the challenge/solution/results sections and vendors D. Parsed
-- with p2p_bilingual on folded text: Arabic words stemmed by `arabic`, ASCII words by `english`,
-- exactly the lexemes p2p_search_query produces, so use cases and the forum fold and match alike.
-- array_to_string is only STABLE in general but immutable for text[], which is all this takes.
CREATE FUNCTION p2p_use_case_vector(title text, title_ar text, technologies text[], tags text[], summary text, summary_ar text, body text, vendors text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN setweight(to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic(coalesce(title, '') || ' ' || coalesce(title_ar, ''))), 'A')
    || setweight(to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic(array_to_string(coalesce(technologies, '{}'::text[]) || coalesce(tags, '{}'::text[]), ' '))), 'B')
    || setweight(to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic(coalesce(summary, '') || ' ' || coalesce(summary_ar, ''))), 'C')
    || setweight(to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic(coalesce(body, '') || ' ' || array_to_string(coalesce(vendors, '{}'::text[]), ' '))), 'D');
--> statement-breakpoint
CREATE TABLE "use_case_files" (
	"use_case_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "use_case_files_use_case_id_file_id_pk" PRIMARY KEY("use_case_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "use_case_likes" (
	"use_case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "use_case_likes_use_case_id_user_id_pk" PRIMARY KEY("use_case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "use_case_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"use_case_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reason" text NOT NULL,
	"details" text,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "use_case_saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"search" jsonb NOT NULL,
	"last_run_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "use_case_saves" (
	"use_case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "use_case_saves_use_case_id_user_id_pk" PRIMARY KEY("use_case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "use_case_search_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"q" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"results_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "use_case_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"normalized" text NOT NULL,
	"uses_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "use_case_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"use_case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"editor_id" uuid,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "use_case_viewers" (
	"use_case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "use_case_viewers_use_case_id_user_id_pk" PRIMARY KEY("use_case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "use_case_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"use_case_id" uuid NOT NULL,
	"user_id" uuid,
	"organization_id" uuid,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "use_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"title_ar" text,
	"summary" text NOT NULL,
	"summary_ar" text,
	"challenge" text DEFAULT '' NOT NULL,
	"solution" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"challenge_html" text DEFAULT '' NOT NULL,
	"solution_html" text DEFAULT '' NOT NULL,
	"results_html" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"industry" text NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"vendors" text[] DEFAULT '{}'::text[] NOT NULL,
	"roi_percent" numeric,
	"payback_months" numeric,
	"investment_sar" numeric,
	"annual_savings_sar" numeric,
	"efficiency_gain_percent" numeric,
	"quality_improvement_percent" numeric,
	"downtime_reduction_percent" numeric,
	"energy_savings_percent" numeric,
	"extra_outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"implementation_months" numeric,
	"city" text,
	"region" text,
	"country" text DEFAULT 'SA' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"visibility" text DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"hidden_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"views_count" integer DEFAULT 0 NOT NULL,
	"likes_count" integer DEFAULT 0 NOT NULL,
	"saves_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (p2p_use_case_vector(title, title_ar, technologies, tags, summary, summary_ar, challenge || ' ' || solution || ' ' || results, vendors)) STORED NOT NULL,
	"title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic(title || ' ' || coalesce(title_ar, '')))) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "use_case_files" ADD CONSTRAINT "use_case_files_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_files" ADD CONSTRAINT "use_case_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_likes" ADD CONSTRAINT "use_case_likes_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_likes" ADD CONSTRAINT "use_case_likes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_reports" ADD CONSTRAINT "use_case_reports_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_reports" ADD CONSTRAINT "use_case_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_reports" ADD CONSTRAINT "use_case_reports_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_saved_searches" ADD CONSTRAINT "use_case_saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_saves" ADD CONSTRAINT "use_case_saves_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_saves" ADD CONSTRAINT "use_case_saves_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_search_log" ADD CONSTRAINT "use_case_search_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_versions" ADD CONSTRAINT "use_case_versions_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_versions" ADD CONSTRAINT "use_case_versions_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_viewers" ADD CONSTRAINT "use_case_viewers_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_viewers" ADD CONSTRAINT "use_case_viewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_views" ADD CONSTRAINT "use_case_views_use_case_id_use_cases_id_fk" FOREIGN KEY ("use_case_id") REFERENCES "public"."use_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_views" ADD CONSTRAINT "use_case_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_case_views" ADD CONSTRAINT "use_case_views_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_cases" ADD CONSTRAINT "use_cases_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "use_cases" ADD CONSTRAINT "use_cases_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "use_case_files_file_idx" ON "use_case_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "use_case_likes_created_idx" ON "use_case_likes" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "use_case_reports_open_idx" ON "use_case_reports" USING btree ("use_case_id","reporter_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "use_case_reports_status_idx" ON "use_case_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "use_case_saved_searches_user_idx" ON "use_case_saved_searches" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "use_case_saves_user_idx" ON "use_case_saves" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "use_case_saves_created_idx" ON "use_case_saves" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "use_case_search_log_user_idx" ON "use_case_search_log" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "use_case_terms_kind_normalized_idx" ON "use_case_terms" USING btree ("kind","normalized");--> statement-breakpoint
CREATE INDEX "use_case_terms_trgm_idx" ON "use_case_terms" USING gin ("normalized" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "use_case_versions_case_version_idx" ON "use_case_versions" USING btree ("use_case_id","version");--> statement-breakpoint
CREATE INDEX "use_case_views_case_idx" ON "use_case_views" USING btree ("use_case_id","viewed_at");--> statement-breakpoint
CREATE INDEX "use_case_views_user_idx" ON "use_case_views" USING btree ("user_id","use_case_id","viewed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "use_case_views_viewed_idx" ON "use_case_views" USING btree ("viewed_at");--> statement-breakpoint
CREATE INDEX "use_cases_newest_idx" ON "use_cases" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'published' and deleted_at is null and hidden_at is null;--> statement-breakpoint
CREATE INDEX "use_cases_views_idx" ON "use_cases" USING btree ("views_count" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'published' and deleted_at is null and hidden_at is null;--> statement-breakpoint
CREATE INDEX "use_cases_likes_idx" ON "use_cases" USING btree ("likes_count" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'published' and deleted_at is null and hidden_at is null;--> statement-breakpoint
CREATE INDEX "use_cases_roi_idx" ON "use_cases" USING btree ("roi_percent" DESC NULLS LAST,"id" DESC NULLS FIRST) WHERE status = 'published' and deleted_at is null and hidden_at is null;--> statement-breakpoint
CREATE INDEX "use_cases_organization_idx" ON "use_cases" USING btree ("organization_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "use_cases_author_idx" ON "use_cases" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "use_cases_category_idx" ON "use_cases" USING btree ("category","published_at" DESC NULLS FIRST) WHERE status = 'published' and deleted_at is null;--> statement-breakpoint
CREATE INDEX "use_cases_technologies_idx" ON "use_cases" USING gin ("technologies");--> statement-breakpoint
CREATE INDEX "use_cases_tags_idx" ON "use_cases" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "use_cases_search_idx" ON "use_cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "use_cases_title_vector_idx" ON "use_cases" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "use_cases_featured_idx" ON "use_cases" USING btree ("published_at" DESC NULLS FIRST) WHERE featured and status = 'published' and deleted_at is null and hidden_at is null;
--> statement-breakpoint
-- Radius and nearby searches: earthdistance's cube of each located case, searched with earth_box.
CREATE INDEX "use_cases_earth_idx" ON "use_cases" USING gist (ll_to_earth("latitude", "longitude")) WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
--> statement-breakpoint
-- Typo-tolerant title suggestions: trigram similarity on the folded, lower-cased English and Arabic titles.
CREATE INDEX "use_cases_title_trgm_idx" ON "use_cases" USING gin (p2p_fold_arabic(lower("title" || ' ' || coalesce("title_ar", ''))) gin_trgm_ops) WHERE "deleted_at" IS NULL;
