-- Row-level security that the planner can see through, measured at national scale (200,000 cases).
--
-- 1. "Is the actor's organisation convened to this case?" was `case_id IN (SELECT app_convened_case_ids())`:
--    an opaque set function, so every statement built the whole set (17,000 ids for the police, 20–70 ms)
--    even to check one row. As an EXISTS on case_partners the planner sees the index and picks a probe per
--    row for a few rows or a hash for many. case_partners cannot query itself in its own policy (recursion),
--    so that policy keeps a definer function, reached only when the row is not plainly the actor's own.
-- 2. The role tests are one boolean each, `(SELECT app_user_role() = 'regisseur')`, instead of
--    `(SELECT app_user_role()) = 'regisseur'`. Both are decided once per statement, but the planner
--    estimated the second as true for 0.5% of rows, so it expected 11 rows where a regisseur reads 1,246
--    and chose nested loops over sequential scans. A bare boolean it estimates at one half.

CREATE OR REPLACE FUNCTION app_is_convened(p_case uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_partners
    WHERE case_id = p_case AND organisation_id = app_user_org() AND ended_at IS NULL
  )
$$;
--> statement-breakpoint
DROP POLICY case_partners_select ON case_partners;
--> statement-breakpoint
CREATE POLICY case_partners_select ON case_partners FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional')
      AND ((organisation_id = (SELECT app_user_org()) AND ended_at IS NULL) OR app_is_convened(case_id)))
);
--> statement-breakpoint
DROP POLICY cases_select ON cases;
--> statement-breakpoint
CREATE POLICY cases_select ON cases FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional')
      AND (referrer_user_id = (SELECT app_user_id())
           OR EXISTS (SELECT 1 FROM case_partners p
                      WHERE p.case_id = cases.id AND p.organisation_id = (SELECT app_user_org()) AND p.ended_at IS NULL)))
);
--> statement-breakpoint
DROP POLICY case_events_select ON case_events;
--> statement-breakpoint
CREATE POLICY case_events_select ON case_events FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional')
      AND EXISTS (SELECT 1 FROM case_partners p
                  WHERE p.case_id = case_events.case_id AND p.organisation_id = (SELECT app_user_org()) AND p.ended_at IS NULL))
);
--> statement-breakpoint
DROP POLICY agenda_items_select ON agenda_items;
--> statement-breakpoint
CREATE POLICY agenda_items_select ON agenda_items FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional')
      AND meeting_id IN (SELECT app_invited_meeting_ids())
      AND (case_id IS NULL
           OR EXISTS (SELECT 1 FROM case_partners p
                      WHERE p.case_id = agenda_items.case_id AND p.organisation_id = (SELECT app_user_org()) AND p.ended_at IS NULL)))
);
--> statement-breakpoint
DROP POLICY agreements_select ON agreements;
--> statement-breakpoint
CREATE POLICY agreements_select ON agreements FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional')
      AND EXISTS (SELECT 1 FROM case_partners p
                  WHERE p.case_id = agreements.case_id AND p.organisation_id = (SELECT app_user_org()) AND p.ended_at IS NULL))
);
--> statement-breakpoint
DROP POLICY agreements_update ON agreements;
--> statement-breakpoint
CREATE POLICY agreements_update ON agreements FOR UPDATE TO casusregie_app
  USING (
    (SELECT app_user_role() = 'regisseur')
    OR ((SELECT app_user_role() = 'professional') AND owner_organisation_id = (SELECT app_user_org())
        AND EXISTS (SELECT 1 FROM case_partners p
                    WHERE p.case_id = agreements.case_id AND p.organisation_id = (SELECT app_user_org()) AND p.ended_at IS NULL))
  )
  WITH CHECK (
    (SELECT app_user_role() = 'regisseur')
    OR ((SELECT app_user_role() = 'professional') AND owner_organisation_id = (SELECT app_user_org()))
  );
--> statement-breakpoint
DROP POLICY meetings_select ON meetings;
--> statement-breakpoint
CREATE POLICY meetings_select ON meetings FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional') AND id IN (SELECT app_invited_meeting_ids()))
);
--> statement-breakpoint
DROP POLICY meeting_invitees_select ON meeting_invitees;
--> statement-breakpoint
CREATE POLICY meeting_invitees_select ON meeting_invitees FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional') AND meeting_id IN (SELECT app_invited_meeting_ids()))
);
--> statement-breakpoint
DROP POLICY signals_select ON signals;
--> statement-breakpoint
CREATE POLICY signals_select ON signals FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('regisseur', 'manager')));
--> statement-breakpoint
DROP POLICY signal_escalations_select ON signal_escalations;
--> statement-breakpoint
CREATE POLICY signal_escalations_select ON signal_escalations FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('regisseur', 'manager')));
--> statement-breakpoint
DROP POLICY audit_log_select ON audit_log;
--> statement-breakpoint
CREATE POLICY audit_log_select ON audit_log FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'admin') OR ((SELECT app_user_role() = 'regisseur') AND case_id IS NOT NULL)
);
--> statement-breakpoint
CREATE OR REPLACE VIEW case_facts AS
  SELECT id, number, status, target_group, municipality_code, regisseur_user_id, triage_decision,
         pause_reason, created_at, updated_at, triaged_at, closed_at, version
  FROM cases
  WHERE (SELECT app_user_role() IN ('manager', 'regisseur'));
--> statement-breakpoint
CREATE OR REPLACE VIEW agreement_facts AS
  SELECT id, case_id, owner_organisation_id, status, due_date, original_due_date, due_date_moves,
         created_at, completed_at, blocked_at, last_progress_at
  FROM agreements
  WHERE (SELECT app_user_role() IN ('manager', 'regisseur'));
--> statement-breakpoint
CREATE OR REPLACE VIEW case_partner_facts AS
  SELECT id, case_id, organisation_id, added_by_user_id, added_at, ended_at
  FROM case_partners
  WHERE (SELECT app_user_role() IN ('manager', 'regisseur'));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION meeting_agenda_outline(p_meeting uuid)
RETURNS TABLE (id uuid, "position" integer, duration_minutes integer, status agenda_item_status, visible boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id, a.position, a.duration_minutes, a.status,
         (app_user_role() = 'regisseur' OR a.case_id IS NULL OR app_is_convened(a.case_id))
  FROM agenda_items a
  WHERE a.meeting_id = p_meeting
    AND (app_user_role() = 'regisseur' OR p_meeting IN (SELECT app_invited_meeting_ids()))
  ORDER BY a.position
$$;
--> statement-breakpoint
DROP FUNCTION app_convened_case_ids();
