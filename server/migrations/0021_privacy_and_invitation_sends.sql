CREATE TABLE "user_data_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitation_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"sent_by_id" uuid,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_data_exports" ADD CONSTRAINT "user_data_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_sends" ADD CONSTRAINT "invitation_sends_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_sends" ADD CONSTRAINT "invitation_sends_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_sends" ADD CONSTRAINT "invitation_sends_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_data_exports_user_idx" ON "user_data_exports" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invitation_sends_organization_idx" ON "invitation_sends" USING btree ("organization_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invitation_sends_sender_idx" ON "invitation_sends" USING btree ("sent_by_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invitation_sends_invitation_idx" ON "invitation_sends" USING btree ("invitation_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "invitation_sends_address_idx" ON "invitation_sends" USING btree ("organization_id","email","created_at" DESC NULLS LAST);--> statement-breakpoint
-- Invitations sent before this table existed count against the limits as one send each, at their last send.
INSERT INTO "invitation_sends" ("invitation_id", "organization_id", "email", "sent_by_id", "kind", "created_at")
SELECT "id", "organization_id", "email", "invited_by_id", 'invite', "last_sent_at" FROM "invitations";
