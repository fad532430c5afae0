-- Row-level security for meetings and agreements, in the same style as the case tables (0003):
-- regisseurs see everything; a professional sees the meetings their organisation is invited to, and
-- within them only the agenda items of cases their organisation is convened to; agreements and their
-- progress follow the case.

CREATE OR REPLACE FUNCTION app_invited_meeting_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.meeting_id FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id
  WHERE i.organisation_id = app_user_org() AND m.status <> 'concept'
$$;
--> statement-breakpoint
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meetings_select ON meetings FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) = 'regisseur'
  OR ((SELECT app_user_role()) = 'professional' AND id IN (SELECT app_invited_meeting_ids()))
);
--> statement-breakpoint
CREATE POLICY meetings_insert ON meetings FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role()) = 'regisseur' AND created_by_user_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY meetings_update ON meetings FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur') WITH CHECK ((SELECT app_user_role()) = 'regisseur');
--> statement-breakpoint
ALTER TABLE meeting_invitees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_invitees_select ON meeting_invitees FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) = 'regisseur'
  OR ((SELECT app_user_role()) = 'professional' AND meeting_id IN (SELECT app_invited_meeting_ids()))
);
--> statement-breakpoint
CREATE POLICY meeting_invitees_write ON meeting_invitees FOR ALL TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur') WITH CHECK ((SELECT app_user_role()) = 'regisseur');
--> statement-breakpoint
ALTER TABLE agenda_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agenda_items_select ON agenda_items FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) = 'regisseur'
  OR ((SELECT app_user_role()) = 'professional'
      AND meeting_id IN (SELECT app_invited_meeting_ids())
      AND (case_id IS NULL OR case_id IN (SELECT app_convened_case_ids())))
);
--> statement-breakpoint
CREATE POLICY agenda_items_write ON agenda_items FOR ALL TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur') WITH CHECK ((SELECT app_user_role()) = 'regisseur');
--> statement-breakpoint
-- The shape of an agenda (positions and durations) for anyone invited; what an item is about only
-- where the caller may see it. Other items show as "besloten agendapunt".
CREATE OR REPLACE FUNCTION meeting_agenda_outline(p_meeting uuid)
RETURNS TABLE (id uuid, "position" integer, duration_minutes integer, status agenda_item_status, visible boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id, a.position, a.duration_minutes, a.status,
         (app_user_role() = 'regisseur' OR a.case_id IS NULL OR a.case_id IN (SELECT app_convened_case_ids()))
  FROM agenda_items a
  WHERE a.meeting_id = p_meeting
    AND (app_user_role() = 'regisseur' OR p_meeting IN (SELECT app_invited_meeting_ids()))
  ORDER BY a.position
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION meeting_agenda_outline(uuid) TO casusregie_app;
--> statement-breakpoint
ALTER TABLE agreements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agreements_select ON agreements FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) = 'regisseur'
  OR ((SELECT app_user_role()) = 'professional' AND case_id IN (SELECT app_convened_case_ids()))
);
--> statement-breakpoint
CREATE POLICY agreements_insert ON agreements FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role()) = 'regisseur' AND created_by_user_id = (SELECT app_user_id()));
--> statement-breakpoint
-- The owning organisation's professionals update status and progress of their own agreements only.
CREATE POLICY agreements_update ON agreements FOR UPDATE TO casusregie_app
  USING (
    (SELECT app_user_role()) = 'regisseur'
    OR ((SELECT app_user_role()) = 'professional' AND owner_organisation_id = (SELECT app_user_org())
        AND case_id IN (SELECT app_convened_case_ids()))
  )
  WITH CHECK (
    (SELECT app_user_role()) = 'regisseur'
    OR ((SELECT app_user_role()) = 'professional' AND owner_organisation_id = (SELECT app_user_org()))
  );
--> statement-breakpoint
ALTER TABLE agreement_due_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agreement_due_changes_select ON agreement_due_changes FOR SELECT TO casusregie_app
  USING (agreement_id IN (SELECT id FROM agreements));
--> statement-breakpoint
CREATE POLICY agreement_due_changes_insert ON agreement_due_changes FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role()) = 'regisseur' AND changed_by_user_id = (SELECT app_user_id()));
--> statement-breakpoint
ALTER TABLE agreement_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agreement_actions_select ON agreement_actions FOR SELECT TO casusregie_app
  USING (agreement_id IN (SELECT id FROM agreements));
--> statement-breakpoint
CREATE POLICY agreement_actions_insert ON agreement_actions FOR INSERT TO casusregie_app WITH CHECK (
  author_user_id = (SELECT app_user_id())
  AND author_organisation_id = (SELECT app_user_org())
  AND EXISTS (
    SELECT 1 FROM agreements a WHERE a.id = agreement_id
      AND ((SELECT app_user_role()) = 'regisseur' OR a.owner_organisation_id = (SELECT app_user_org()))
  )
);
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notifications_own ON notifications FOR SELECT TO casusregie_app USING (user_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY notifications_read ON notifications FOR UPDATE TO casusregie_app
  USING (user_id = (SELECT app_user_id())) WITH CHECK (user_id = (SELECT app_user_id()));
--> statement-breakpoint
-- Any signed-in request may notify someone (a blocked agreement notifies the regisseur).
CREATE POLICY notifications_insert ON notifications FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_id()) IS NOT NULL);
--> statement-breakpoint
REVOKE DELETE ON meetings, agreements, agreement_actions, agreement_due_changes, notifications FROM casusregie_app;
--> statement-breakpoint
-- Managers steer on agreement facts only: no description, note or reason.
CREATE VIEW agreement_facts AS
  SELECT id, case_id, owner_organisation_id, status, due_date, original_due_date, due_date_moves,
         created_at, completed_at, blocked_at, last_progress_at
  FROM agreements
  WHERE (SELECT app_user_role()) IN ('manager', 'regisseur');
--> statement-breakpoint
GRANT SELECT ON agreement_facts TO casusregie_app;
