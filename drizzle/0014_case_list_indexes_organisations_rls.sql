-- The case list pages newest first, with or without a status filter. referrer_user_id is included because
-- the cases_select policy reads it (with id): the policy can then be checked from the index alone.
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at","id") INCLUDE ("referrer_user_id");--> statement-breakpoint
CREATE INDEX "cases_status_updated_idx" ON "cases" USING btree ("status","updated_at","id") INCLUDE ("referrer_user_id");--> statement-breakpoint
-- Organisations decide who may sign in and which cases a professional sees: everyone reads them, only an
-- admin creates or changes one (lib/admin/organisations.ts checks it too; this holds if that check is lost).
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY organisations_select ON organisations FOR SELECT TO casusregie_app USING (true);--> statement-breakpoint
CREATE POLICY organisations_write ON organisations FOR ALL TO casusregie_app
  USING ((SELECT app_user_role()) = 'admin') WITH CHECK ((SELECT app_user_role()) = 'admin');
