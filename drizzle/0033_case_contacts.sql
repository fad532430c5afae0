-- The case journal of contacts (a phone call, a mail, a consultation) with whom and when: written by
-- regisseurs, read by whoever reads the case timeline (regisseurs, convened professionals). Organisation
-- and note are encrypted by the application (db/encrypted-text.ts).
CREATE TABLE "case_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
	"kind" text NOT NULL,
	"contact_date" date NOT NULL,
	"organisation" text NOT NULL,
	"note" text NOT NULL,
	"author_user_id" uuid NOT NULL REFERENCES "users"("id"),
	"author_name" text DEFAULT null NOT NULL,
	"created_at" timestamp with time zone NOT NULL DEFAULT now(),
	CONSTRAINT "case_contacts_kind" CHECK ("kind" IN ('telefoon', 'mail', 'overleg'))
);--> statement-breakpoint
CREATE INDEX "case_contacts_case_idx" ON "case_contacts" USING btree ("case_id", "contact_date");--> statement-breakpoint
CREATE FUNCTION snapshot_case_contact_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.author_name := staff_name(NEW.author_user_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_contacts_author_snapshot BEFORE INSERT ON case_contacts
  FOR EACH ROW WHEN (NEW.author_name IS NULL) EXECUTE FUNCTION snapshot_case_contact_author();
--> statement-breakpoint
ALTER TABLE case_contacts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY case_contacts_select ON case_contacts FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role)) AND app_is_convened(case_id)));--> statement-breakpoint
CREATE POLICY case_contacts_insert ON case_contacts FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role()) = 'regisseur' AND author_user_id = (SELECT app_user_id()));--> statement-breakpoint
-- A journal: what was written stays as written.
REVOKE UPDATE, DELETE, TRUNCATE ON case_contacts FROM casusregie_app;
