-- The meeting cycle around the casusoverleg (issue 14, items 4 and 5).
--
-- 1. Statusronde: when a meeting is planned, each invited partner with open agreements on the agenda is
--    asked to report on them before the meeting; each report is one row per agreement (the latest counts).
-- 2. An absent partner may send its information in advance: the regisseur records that it came in.
-- 3. At afronding the report is frozen: a header (meeting, attendance, the agenda's outline) and one row
--    per agenda item with its content. Items are rows, not one document, so that row-level security gives a
--    partner only the items of cases it is convened to, exactly like agenda_items: the frozen report is
--    never read unfiltered. Its SHA-256 goes into the audit chain (the seal); reopening keeps the rows and
--    the next afronding writes version + 1. The subject's name is not copied (it is encrypted at rest in
--    cases): the report keeps the case id and number.
ALTER TABLE "meeting_invitees" ADD COLUMN "information_received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD COLUMN "information_note" text;--> statement-breakpoint
CREATE TABLE "meeting_status_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE cascade,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"due_date" date NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_status_requests_unique" ON "meeting_status_requests" ("meeting_id", "organisation_id");--> statement-breakpoint
CREATE INDEX "meeting_status_requests_org_idx" ON "meeting_status_requests" ("organisation_id", "due_date");--> statement-breakpoint
CREATE TABLE "agreement_status_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE cascade,
	"agreement_id" uuid NOT NULL REFERENCES "agreements"("id") ON DELETE cascade,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"author_user_id" uuid NOT NULL REFERENCES "users"("id"),
	"author_name" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "agreement_status_reports_meeting_idx" ON "agreement_status_reports" ("meeting_id", "agreement_id", "created_at");--> statement-breakpoint
CREATE TABLE "meeting_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE cascade,
	"version" integer NOT NULL,
	"header" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL,
	"sealed_by_user_id" uuid NOT NULL REFERENCES "users"("id"),
	"reopened_at" timestamp with time zone,
	"reopened_by_user_id" uuid REFERENCES "users"("id"),
	"reopen_reason" text
);--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_reports_version_unique" ON "meeting_reports" ("meeting_id", "version");--> statement-breakpoint
CREATE TABLE "meeting_report_items" (
	"report_id" uuid NOT NULL REFERENCES "meeting_reports"("id") ON DELETE cascade,
	"meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE cascade,
	"agenda_item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"case_id" uuid,
	"content" jsonb NOT NULL,
	PRIMARY KEY ("report_id", "agenda_item_id")
);--> statement-breakpoint
CREATE INDEX "meeting_report_items_case_idx" ON "meeting_report_items" ("case_id");--> statement-breakpoint
ALTER TABLE meeting_status_requests ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY meeting_status_requests_select ON meeting_status_requests FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional') AND organisation_id = (SELECT app_user_org()))
);--> statement-breakpoint
CREATE POLICY meeting_status_requests_write ON meeting_status_requests FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() = 'regisseur')) WITH CHECK ((SELECT app_user_role() = 'regisseur'));--> statement-breakpoint
ALTER TABLE agreement_status_reports ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
-- Like progress entries: whoever may see the agreement sees what was reported on it.
CREATE POLICY agreement_status_reports_select ON agreement_status_reports FOR SELECT TO casusregie_app
  USING (agreement_id IN (SELECT id FROM agreements));--> statement-breakpoint
CREATE POLICY agreement_status_reports_insert ON agreement_status_reports FOR INSERT TO casusregie_app WITH CHECK (
  author_user_id = (SELECT app_user_id())
  AND organisation_id = (SELECT app_user_org())
  AND EXISTS (SELECT 1 FROM agreements a WHERE a.id = agreement_id
              AND ((SELECT app_user_role() = 'regisseur') OR a.owner_organisation_id = (SELECT app_user_org())))
);--> statement-breakpoint
ALTER TABLE meeting_reports ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY meeting_reports_select ON meeting_reports FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional') AND meeting_id IN (SELECT app_invited_meeting_ids()))
);--> statement-breakpoint
CREATE POLICY meeting_reports_insert ON meeting_reports FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role() = 'regisseur') AND sealed_by_user_id = (SELECT app_user_id()));--> statement-breakpoint
-- Only the reopening is ever written to a sealed report; the trigger below keeps the rest as it was.
CREATE POLICY meeting_reports_reopen ON meeting_reports FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role() = 'regisseur')) WITH CHECK ((SELECT app_user_role() = 'regisseur'));--> statement-breakpoint
CREATE FUNCTION meeting_reports_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.meeting_id <> OLD.meeting_id OR NEW.version <> OLD.version OR NEW.header <> OLD.header
     OR NEW.sha256 <> OLD.sha256 OR NEW.sealed_at <> OLD.sealed_at OR NEW.sealed_by_user_id <> OLD.sealed_by_user_id
     OR OLD.reopened_at IS NOT NULL THEN
    RAISE EXCEPTION 'a sealed meeting report does not change';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER meeting_reports_sealed BEFORE UPDATE ON meeting_reports FOR EACH ROW EXECUTE FUNCTION meeting_reports_sealed();--> statement-breakpoint
ALTER TABLE meeting_report_items ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY meeting_report_items_select ON meeting_report_items FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional')
      AND meeting_id IN (SELECT app_invited_meeting_ids())
      AND (case_id IS NULL
           OR EXISTS (SELECT 1 FROM case_partners p
                      WHERE p.case_id = meeting_report_items.case_id AND p.organisation_id = (SELECT app_user_org()) AND p.ended_at IS NULL)))
);--> statement-breakpoint
CREATE POLICY meeting_report_items_insert ON meeting_report_items FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role() = 'regisseur'));--> statement-breakpoint
REVOKE UPDATE, DELETE ON meeting_report_items, agreement_status_reports FROM casusregie_app;--> statement-breakpoint
REVOKE DELETE ON meeting_reports FROM casusregie_app;
