-- The WGS contact point (issue 18): a data-subject request registered once by the house, the cases of the
-- person it involves, and one task per partner organisation convened to those cases. Requester, contact,
-- identity note, extension reason and answers are encrypted by the application (db/encrypted-text.ts).
CREATE TABLE "data_subject_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_contact" text NOT NULL,
	"received_on" date NOT NULL,
	"identity_check" text NOT NULL,
	"identity_note" text NOT NULL,
	"due_on" date NOT NULL,
	"extended_due_on" date,
	"extension_reason" text,
	"extended_at" timestamp with time zone,
	"extended_by" uuid REFERENCES "users"("id"),
	"answer_text" text,
	"answered_on" date,
	"closed_at" timestamp with time zone,
	"closed_by" uuid REFERENCES "users"("id"),
	"registered_by" uuid NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL DEFAULT now(),
	"version" integer NOT NULL DEFAULT 1,
	CONSTRAINT "data_subject_requests_kind" CHECK ("kind" IN ('inzage', 'rectificatie', 'wissing', 'beperking', 'bezwaar')),
	CONSTRAINT "data_subject_requests_identity" CHECK ("identity_check" IN ('balie', 'kopie', 'digid', 'anders')),
	-- Extended once, by at most two months: never beyond three months from receipt.
	CONSTRAINT "data_subject_requests_extension" CHECK ("extended_due_on" IS NULL OR ("extended_due_on" > "due_on" AND "extended_due_on" <= "received_on" + interval '3 months')),
	CONSTRAINT "data_subject_requests_closed" CHECK (("closed_at" IS NULL) = ("answered_on" IS NULL))
);--> statement-breakpoint
CREATE INDEX "data_subject_requests_received_idx" ON "data_subject_requests" USING btree ("received_on");--> statement-breakpoint
CREATE TABLE "data_subject_request_cases" (
	"request_id" uuid NOT NULL REFERENCES "data_subject_requests"("id") ON DELETE cascade,
	"case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
	CONSTRAINT "data_subject_request_cases_pk" PRIMARY KEY ("request_id", "case_id")
);--> statement-breakpoint
CREATE TABLE "data_subject_request_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL REFERENCES "data_subject_requests"("id") ON DELETE cascade,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL DEFAULT 'open',
	"no_data" boolean NOT NULL DEFAULT false,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid REFERENCES "users"("id"),
	"version" integer NOT NULL DEFAULT 1,
	CONSTRAINT "data_subject_request_tasks_status" CHECK ("status" IN ('open', 'answered'))
);--> statement-breakpoint
CREATE UNIQUE INDEX "data_subject_request_tasks_one_per_org" ON "data_subject_request_tasks" USING btree ("request_id", "organisation_id");--> statement-breakpoint
CREATE INDEX "data_subject_request_tasks_org_idx" ON "data_subject_request_tasks" USING btree ("organisation_id") WHERE "status" = 'open';--> statement-breakpoint
-- The request itself (who asked, how to reach them, the cases, the combined answer) is the contact point's:
-- regisseurs only. Managers count requests through the dashboard's own figures, never read a row.
ALTER TABLE data_subject_requests ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY data_subject_requests_regisseur ON data_subject_requests FOR ALL TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur')
  WITH CHECK ((SELECT app_user_role()) = 'regisseur');--> statement-breakpoint
ALTER TABLE data_subject_request_cases ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY data_subject_request_cases_regisseur ON data_subject_request_cases FOR ALL TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur')
  WITH CHECK ((SELECT app_user_role()) = 'regisseur');--> statement-breakpoint
-- A task: the contact point reads and creates all; a partner's people read and answer their own
-- organisation's task only (which roles of the organisation may answer is lib/access's decision).
ALTER TABLE data_subject_request_tasks ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY data_subject_request_tasks_select ON data_subject_request_tasks FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur' OR organisation_id = (SELECT app_user_org()));--> statement-breakpoint
CREATE POLICY data_subject_request_tasks_insert ON data_subject_request_tasks FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role()) = 'regisseur');--> statement-breakpoint
CREATE POLICY data_subject_request_tasks_update ON data_subject_request_tasks FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur' OR organisation_id = (SELECT app_user_org()))
  WITH CHECK ((SELECT app_user_role()) = 'regisseur' OR organisation_id = (SELECT app_user_org()));--> statement-breakpoint
-- Nothing of a request is deleted by the app: retention removes it with its cases.
REVOKE DELETE, TRUNCATE ON data_subject_requests, data_subject_request_cases, data_subject_request_tasks FROM casusregie_app;
--> statement-breakpoint
-- The dashboard line: counts only, for managers (who may read no request) and regisseurs. Received in the
-- period; open = not answered and still in term; overdue = past the term, answered late or not at all.
CREATE FUNCTION data_subject_request_figures(p_from date, p_to date, p_today date)
RETURNS TABLE (open integer, answered_in_time integer, overdue integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT
    (count(*) FILTER (WHERE answered_on IS NULL AND coalesce(extended_due_on, due_on) >= p_today))::int,
    (count(*) FILTER (WHERE answered_on IS NOT NULL AND answered_on <= coalesce(extended_due_on, due_on)))::int,
    (count(*) FILTER (WHERE coalesce(answered_on, p_today) > coalesce(extended_due_on, due_on)))::int
  FROM data_subject_requests
  WHERE received_on BETWEEN p_from AND p_to
    AND app_user_role() IN ('manager', 'regisseur')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION data_subject_request_figures(date, date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION data_subject_request_figures(date, date, date) TO casusregie_app;
