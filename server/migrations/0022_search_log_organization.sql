ALTER TABLE "forum_search_log" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "forum_search_log" ADD CONSTRAINT "forum_search_log_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
-- Searches logged before this column: the searcher's organization as their membership gives it now.
UPDATE "forum_search_log" l SET "organization_id" = m."organization_id" FROM "memberships" m WHERE m."user_id" = l."user_id";
