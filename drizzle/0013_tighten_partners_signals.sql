-- A manager steers on figures and may know which organisations work on a case, never why: the reason a
-- partner was convened can describe the person. Managers now read partners only through this view,
-- without the reason columns; the table itself is for regisseurs and convened professionals.
CREATE VIEW case_partner_facts AS
  SELECT id, case_id, organisation_id, added_by_user_id, added_at, ended_at
  FROM case_partners
  WHERE (SELECT app_user_role()) IN ('manager', 'regisseur');
--> statement-breakpoint
GRANT SELECT ON case_partner_facts TO casusregie_app;
--> statement-breakpoint
DROP POLICY case_partners_select ON case_partners;
--> statement-breakpoint
CREATE POLICY case_partners_select ON case_partners FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) = 'regisseur'
  OR ((SELECT app_user_role()) = 'professional' AND case_id IN (SELECT app_convened_case_ids()))
);
--> statement-breakpoint
-- A regisseur resolves or snoozes a signal; the rule, the case, the level and the escalation history are
-- the sweep's (it runs as the owner). The policy chose rows; these grants choose the columns.
REVOKE UPDATE ON signals FROM casusregie_app;
--> statement-breakpoint
GRANT UPDATE (status, snoozed_until, snooze_reason, resolved_at, resolved_by_user_id, resolution_note, auto_resolved, updated_at, version)
  ON signals TO casusregie_app;
