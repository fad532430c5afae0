-- Four eyes on access (issue 12): an admin invited a regisseur at an address they controlled, accepted,
-- enrolled and read every case, alone. Now every grant of a role, and every change of role or organisation,
-- waits here until a second person approves it (lib/users/access-grants.ts).
CREATE TABLE "access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"user_version" integer,
	"email" text,
	"name" text,
	"role" "user_role" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"invitation_id" uuid,
	CONSTRAINT "access_grants_kind_fields" CHECK (("access_grants"."kind" = 'invitation' and "access_grants"."email" is not null and "access_grants"."name" is not null and "access_grants"."user_id" is null)
      or ("access_grants"."kind" = 'change' and "access_grants"."user_id" is not null and "access_grants"."user_version" is not null and "access_grants"."email" is null)),
	CONSTRAINT "access_grants_decided" CHECK (("access_grants"."decision" is null) = ("access_grants"."decided_at" is null) and ("access_grants"."decision" is null) = ("access_grants"."decided_by" is null)),
	CONSTRAINT "access_grants_decision" CHECK ("access_grants"."decision" is null or "access_grants"."decision" in ('approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_invitation_id_user_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."user_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_grants_pending_user" ON "access_grants" USING btree ("user_id") WHERE "access_grants"."decided_at" is null and "access_grants"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "access_grants_pending_email" ON "access_grants" USING btree (lower("email")) WHERE "access_grants"."decided_at" is null and "access_grants"."email" is not null;--> statement-breakpoint
CREATE INDEX "access_grants_requested_idx" ON "access_grants" USING btree ("requested_at");--> statement-breakpoint
-- Admins, regisseurs and managers read the pending grants (lib/users decides which they may approve);
-- only the owner writes them (approval runs as the owner, with the checks in lib/users).
ALTER TABLE access_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY access_grants_select ON access_grants FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role()) IN ('admin', 'regisseur', 'manager'));
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON access_grants FROM casusregie_app;
--> statement-breakpoint
-- The second line of defence: the app role can no longer give anyone a role, not even as an admin. Role
-- and organisation change only as the owner, when a grant is approved; accounts are created only as the
-- owner, when an approved invitation is accepted. These read a user's row as it was before the statement.
CREATE FUNCTION app_role_of(p_user uuid) RETURNS user_role
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT role FROM users WHERE id = p_user
$$;
--> statement-breakpoint
CREATE FUNCTION app_org_of(p_user uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT organisation_id FROM users WHERE id = p_user
$$;
--> statement-breakpoint
DROP POLICY users_insert ON users;
--> statement-breakpoint
DROP POLICY users_update ON users;
--> statement-breakpoint
CREATE POLICY users_update ON users FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role()) = 'admin' OR id = (SELECT app_user_id()))
  WITH CHECK (
    ((SELECT app_user_role()) = 'admin' AND role = app_role_of(id) AND organisation_id = app_org_of(id))
    OR (id = (SELECT app_user_id()) AND role = (SELECT app_user_role())
        AND organisation_id = (SELECT app_user_org()) AND active)
  );
