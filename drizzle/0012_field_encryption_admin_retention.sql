ALTER TYPE "public"."audit_action" ADD VALUE 'delete';--> statement-breakpoint
CREATE TABLE "audit_chain_anchors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_chain_anchors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"purged_through_id" integer NOT NULL,
	"anchor_hash" text NOT NULL,
	"purged_count" integer NOT NULL,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "subject_birth_date" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject_name_tokens" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "retention_extended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "retention_extension_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "retention_extended_by" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "retention_extended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "personal_data_removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_invitations_token_unique" ON "user_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "user_invitations_email_idx" ON "user_invitations" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_retention_extended_by_users_id_fk" FOREIGN KEY ("retention_extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_subject_name_tokens_idx" ON "cases" USING gin ("subject_name_tokens");--> statement-breakpoint
CREATE INDEX "cases_closed_idx" ON "cases" USING btree ("closed_at");--> statement-breakpoint
-- Invitations are an admin's business only; accepting one runs as the owner (the invitee has no session).
ALTER TABLE user_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_invitations_admin ON user_invitations FOR ALL TO casusregie_app
  USING ((SELECT app_user_role()) = 'admin') WITH CHECK ((SELECT app_user_role()) = 'admin');
--> statement-breakpoint
-- Only the retention job (as the owner) moves the start of the audit chain.
REVOKE ALL ON audit_chain_anchors FROM casusregie_app;
--> statement-breakpoint
-- Settings steer stagnation and retention for the whole house: everyone reads them, only an admin writes.
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY settings_select ON settings FOR SELECT TO casusregie_app USING (true);
--> statement-breakpoint
CREATE POLICY settings_write ON settings FOR ALL TO casusregie_app
  USING ((SELECT app_user_role()) = 'admin') WITH CHECK ((SELECT app_user_role()) = 'admin');
