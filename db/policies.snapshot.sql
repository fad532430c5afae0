-- The row-level security in force, generated from the migrations in drizzle/ by `npm run db:policies`.
-- Do not edit by hand: change the database with a new migration, then regenerate this file.
-- db/policies-snapshot.test.ts fails while it differs from a freshly migrated database (PGlite and PostgreSQL).
-- Every request runs as role casusregie_app, made the user's by app_become(): current_setting('app.user_id'),
-- with the user's role and organisation beside it (section 5).

-- 1. Tables: row-level security enabled / forced (forced: applies to the table owner too)
--   access_grants                      enabled   -
--   agenda_items                       enabled   -
--   agreement_actions                  enabled   -
--   agreement_confirmations            enabled   -
--   agreement_due_changes              enabled   -
--   agreement_status_reports           enabled   -
--   agreements                         enabled   -
--   audit_chain_anchors                disabled  -
--   audit_head                         disabled  -
--   audit_log                          enabled   -
--   case_contacts                      enabled   -
--   case_events                        enabled   -
--   case_number_counters               disabled  -
--   case_partners                      enabled   -
--   case_search_tokens                 enabled   -
--   cases                              enabled   -
--   dashboard_agreement_month_changes  enabled   -
--   dashboard_agreement_months         enabled   -
--   dashboard_agreement_open           enabled   -
--   dashboard_agreement_open_changes   enabled   -
--   dashboard_agreement_week_changes   enabled   -
--   dashboard_agreement_weeks          enabled   -
--   dashboard_agreements               enabled   -
--   dashboard_case_days                enabled   -
--   dashboard_case_month_changes       enabled   -
--   dashboard_case_months              enabled   -
--   dashboard_case_status              enabled   -
--   dashboard_now                      enabled   -
--   dashboard_now_changes              enabled   -
--   dashboard_signal_days              enabled   -
--   dashboard_signal_open              enabled   -
--   data_subject_request_cases         enabled   -
--   data_subject_request_tasks         enabled   -
--   data_subject_requests              enabled   -
--   field_key_check                    disabled  -
--   home_visits                        enabled   -
--   idp_email_domains                  disabled  -
--   mail_outbox                        enabled   -
--   meeting_events                     enabled   -
--   meeting_invitees                   enabled   -
--   meeting_presence                   enabled   -
--   meeting_report_items               enabled   -
--   meeting_reports                    enabled   -
--   meeting_status_requests            enabled   -
--   meetings                           enabled   -
--   minute_drafts                      enabled   -
--   municipalities                     disabled  -
--   notifications                      enabled   -
--   oidc_sign_in_requests              disabled  -
--   organisation_contacts              enabled   -
--   organisation_idps                  disabled  -
--   organisations                      enabled   -
--   rate_limits                        disabled  -
--   recovery_codes                     disabled  -
--   referral_matches                   enabled   -
--   safety_regions                     disabled  -
--   settings                           enabled   -
--   signal_escalations                 enabled   -
--   signals                            enabled   -
--   user_idp_subjects                  disabled  -
--   user_invitations                   enabled   -
--   user_sessions                      disabled  -
--   user_totp                          disabled  -
--   users                              enabled   -

-- 2. Policies (81), by table and name

-- access_grants
CREATE POLICY access_grants_select ON access_grants AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = ANY (ARRAY['admin'::user_role, 'regisseur'::user_role, 'manager'::user_role]));

-- agenda_items
CREATE POLICY agenda_items_select ON agenda_items AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (meeting_id IN (SELECT app_invited_meeting_ids() AS app_invited_meeting_ids))
             AND ((case_id IS NULL)
                  OR (EXISTS (SELECT 1 FROM case_partners p WHERE ((p.case_id = agenda_items.case_id) AND (p.organisation_id = (SELECT app_user_org() AS app_user_org)) AND (p.ended_at IS NULL)))))));
CREATE POLICY agenda_items_write ON agenda_items AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);

-- agreement_actions
CREATE POLICY agreement_actions_insert ON agreement_actions AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK ((author_user_id = (SELECT app_user_id() AS app_user_id))
              AND (author_organisation_id = (SELECT app_user_org() AS app_user_org))
              AND (EXISTS (SELECT 1 FROM agreements a WHERE ((a.id = agreement_actions.agreement_id) AND (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role) OR (a.owner_organisation_id = (SELECT app_user_org() AS app_user_org)))))));
CREATE POLICY agreement_actions_select ON agreement_actions AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (EXISTS (SELECT 1 FROM agreements a WHERE (a.id = agreement_actions.agreement_id)));

-- agreement_confirmations
CREATE POLICY agreement_confirmations_insert ON agreement_confirmations AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT (app_user_role() = 'professional'::user_role))
              AND (user_id = (SELECT app_user_id() AS app_user_id))
              AND (organisation_id = (SELECT app_user_org() AS app_user_org))
              AND (EXISTS (SELECT 1 FROM agreements a WHERE ((a.id = agreement_confirmations.agreement_id) AND (a.owner_organisation_id = (SELECT app_user_org() AS app_user_org))))));
CREATE POLICY agreement_confirmations_select ON agreement_confirmations AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (agreement_id IN (SELECT agreements.id FROM agreements));
CREATE POLICY agreement_confirmations_update ON agreement_confirmations AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING ((SELECT (app_user_role() = 'professional'::user_role))
         AND (organisation_id = (SELECT app_user_org() AS app_user_org)))
  WITH CHECK ((SELECT (app_user_role() = 'professional'::user_role))
              AND (user_id = (SELECT app_user_id() AS app_user_id))
              AND (organisation_id = (SELECT app_user_org() AS app_user_org))
              AND (EXISTS (SELECT 1 FROM agreements a WHERE ((a.id = agreement_confirmations.agreement_id) AND (a.owner_organisation_id = (SELECT app_user_org() AS app_user_org))))));

-- agreement_due_changes
CREATE POLICY agreement_due_changes_insert ON agreement_due_changes AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
              AND (changed_by_user_id = (SELECT app_user_id() AS app_user_id)));
CREATE POLICY agreement_due_changes_select ON agreement_due_changes AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (EXISTS (SELECT 1 FROM agreements a WHERE (a.id = agreement_due_changes.agreement_id)));

-- agreement_status_reports
CREATE POLICY agreement_status_reports_insert ON agreement_status_reports AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK ((author_user_id = (SELECT app_user_id() AS app_user_id))
              AND (organisation_id = (SELECT app_user_org() AS app_user_org))
              AND (EXISTS (SELECT 1 FROM agreements a WHERE ((a.id = agreement_status_reports.agreement_id) AND ((SELECT (app_user_role() = 'regisseur'::user_role)) OR (a.owner_organisation_id = (SELECT app_user_org() AS app_user_org)))))));
CREATE POLICY agreement_status_reports_select ON agreement_status_reports AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (agreement_id IN (SELECT agreements.id FROM agreements));

-- agreements
CREATE POLICY agreements_insert ON agreements AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
              AND (created_by_user_id = (SELECT app_user_id() AS app_user_id)));
CREATE POLICY agreements_select ON agreements AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (EXISTS (SELECT 1 FROM case_partners p WHERE ((p.case_id = agreements.case_id) AND (p.organisation_id = (SELECT app_user_org() AS app_user_org)) AND (p.ended_at IS NULL)) OFFSET 0))));
CREATE POLICY agreements_update ON agreements AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (owner_organisation_id = (SELECT app_user_org() AS app_user_org))
             AND (EXISTS (SELECT 1 FROM case_partners p WHERE ((p.case_id = agreements.case_id) AND (p.organisation_id = (SELECT app_user_org() AS app_user_org)) AND (p.ended_at IS NULL))))))
  WITH CHECK ((SELECT (app_user_role() = 'regisseur'::user_role))
              OR ((SELECT (app_user_role() = 'professional'::user_role))
                  AND (owner_organisation_id = (SELECT app_user_org() AS app_user_org))));

-- audit_log
CREATE POLICY audit_log_select ON audit_log AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'admin'::user_role))
         OR ((SELECT (app_user_role() = 'regisseur'::user_role)) AND (case_id IS NOT NULL)));

-- case_contacts
CREATE POLICY case_contacts_insert ON case_contacts AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
              AND (author_user_id = (SELECT app_user_id() AS app_user_id)));
CREATE POLICY case_contacts_select ON case_contacts AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role)) AND app_is_convened(case_id)));

-- case_events
CREATE POLICY case_events_insert ON case_events AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK ((actor_user_id = (SELECT app_user_id() AS app_user_id))
              AND (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
                   OR ((kind = 'status'::case_event_kind)
                       AND (to_status = 'aangemeld'::case_status)
                       AND app_is_referrer(case_id))));
CREATE POLICY case_events_select ON case_events AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (EXISTS (SELECT 1 FROM case_partners p WHERE ((p.case_id = case_events.case_id) AND (p.organisation_id = (SELECT app_user_org() AS app_user_org)) AND (p.ended_at IS NULL))))));

-- case_partners
CREATE POLICY case_partners_select ON case_partners AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (((organisation_id = (SELECT app_user_org() AS app_user_org)) AND (ended_at IS NULL))
                  OR app_is_convened(case_id))));
CREATE POLICY case_partners_update ON case_partners AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);
CREATE POLICY case_partners_write ON case_partners AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
              AND (added_by_user_id = (SELECT app_user_id() AS app_user_id)));

-- cases
CREATE POLICY cases_insert ON cases AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK (((SELECT app_user_role() AS app_user_role) = ANY (ARRAY['regisseur'::user_role, 'professional'::user_role]))
              AND (referrer_user_id = (SELECT app_user_id() AS app_user_id))
              AND (referrer_organisation_id = (SELECT app_user_org() AS app_user_org))
              AND (status = 'aangemeld'::case_status)
              AND (triage_decision IS NULL)
              AND (triaged_at IS NULL)
              AND (case_lead_user_id IS NULL)
              AND (closed_at IS NULL)
              AND ((regisseur_user_id IS NULL)
                   OR ((regisseur_user_id = (SELECT app_user_id() AS app_user_id))
                       AND ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role))));
CREATE POLICY cases_select ON cases AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND ((referrer_user_id = (SELECT app_user_id() AS app_user_id))
                  OR (EXISTS (SELECT 1 FROM case_partners p WHERE ((p.case_id = cases.id) AND (p.organisation_id = (SELECT app_user_org() AS app_user_org)) AND (p.ended_at IS NULL)))))));
CREATE POLICY cases_update ON cases AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);

-- dashboard_agreement_month_changes
CREATE POLICY dashboard_agreement_month_changes_select ON dashboard_agreement_month_changes AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_agreement_months
CREATE POLICY dashboard_agreement_months_select ON dashboard_agreement_months AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_agreement_open
CREATE POLICY dashboard_agreement_open_select ON dashboard_agreement_open AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_agreement_open_changes
CREATE POLICY dashboard_agreement_open_changes_select ON dashboard_agreement_open_changes AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_agreement_week_changes
CREATE POLICY dashboard_agreement_week_changes_select ON dashboard_agreement_week_changes AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_agreement_weeks
CREATE POLICY dashboard_agreement_weeks_select ON dashboard_agreement_weeks AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_agreements
CREATE POLICY dashboard_agreements_select ON dashboard_agreements AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_case_days
CREATE POLICY dashboard_case_days_select ON dashboard_case_days AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_case_month_changes
CREATE POLICY dashboard_case_month_changes_select ON dashboard_case_month_changes AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_case_months
CREATE POLICY dashboard_case_months_select ON dashboard_case_months AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_case_status
CREATE POLICY dashboard_case_status_select ON dashboard_case_status AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_now
CREATE POLICY dashboard_now_select ON dashboard_now AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_now_changes
CREATE POLICY dashboard_now_changes_select ON dashboard_now_changes AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_signal_days
CREATE POLICY dashboard_signal_days_select ON dashboard_signal_days AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- dashboard_signal_open
CREATE POLICY dashboard_signal_open_select ON dashboard_signal_open AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['manager'::user_role, 'regisseur'::user_role])));

-- data_subject_request_cases
CREATE POLICY data_subject_request_cases_regisseur ON data_subject_request_cases AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);

-- data_subject_request_tasks
CREATE POLICY data_subject_request_tasks_insert ON data_subject_request_tasks AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);
CREATE POLICY data_subject_request_tasks_select ON data_subject_request_tasks AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
         OR (organisation_id = (SELECT app_user_org() AS app_user_org)));
CREATE POLICY data_subject_request_tasks_update ON data_subject_request_tasks AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
         OR (organisation_id = (SELECT app_user_org() AS app_user_org)))
  WITH CHECK (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
              OR (organisation_id = (SELECT app_user_org() AS app_user_org)));

-- data_subject_requests
CREATE POLICY data_subject_requests_regisseur ON data_subject_requests AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);

-- home_visits
CREATE POLICY home_visits_own ON home_visits AS PERMISSIVE FOR ALL TO casusregie_app
  USING (user_id = (SELECT app_user_id() AS app_user_id))
  WITH CHECK (user_id = (SELECT app_user_id() AS app_user_id));

-- mail_outbox
CREATE POLICY mail_outbox_admin_read ON mail_outbox AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role);

-- meeting_invitees
CREATE POLICY meeting_invitees_select ON meeting_invitees AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (meeting_id IN (SELECT app_invited_meeting_ids() AS app_invited_meeting_ids))));
CREATE POLICY meeting_invitees_write ON meeting_invitees AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);

-- meeting_report_items
CREATE POLICY meeting_report_items_insert ON meeting_report_items AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK (SELECT (app_user_role() = 'regisseur'::user_role));
CREATE POLICY meeting_report_items_select ON meeting_report_items AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (meeting_id IN (SELECT app_invited_meeting_ids() AS app_invited_meeting_ids))
             AND ((case_id IS NULL)
                  OR (EXISTS (SELECT 1 FROM case_partners p WHERE ((p.case_id = meeting_report_items.case_id) AND (p.organisation_id = (SELECT app_user_org() AS app_user_org)) AND (p.ended_at IS NULL)))))));

-- meeting_reports
CREATE POLICY meeting_reports_insert ON meeting_reports AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT (app_user_role() = 'regisseur'::user_role))
              AND (sealed_by_user_id = (SELECT app_user_id() AS app_user_id)));
CREATE POLICY meeting_reports_reopen ON meeting_reports AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING (SELECT (app_user_role() = 'regisseur'::user_role))
  WITH CHECK (SELECT (app_user_role() = 'regisseur'::user_role));
CREATE POLICY meeting_reports_select ON meeting_reports AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (meeting_id IN (SELECT app_invited_meeting_ids() AS app_invited_meeting_ids))));

-- meeting_status_requests
CREATE POLICY meeting_status_requests_select ON meeting_status_requests AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (organisation_id = (SELECT app_user_org() AS app_user_org))));
CREATE POLICY meeting_status_requests_write ON meeting_status_requests AS PERMISSIVE FOR ALL TO casusregie_app
  USING (SELECT (app_user_role() = 'regisseur'::user_role))
  WITH CHECK (SELECT (app_user_role() = 'regisseur'::user_role));

-- meetings
CREATE POLICY meetings_insert ON meetings AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK (((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
              AND (created_by_user_id = (SELECT app_user_id() AS app_user_id)));
CREATE POLICY meetings_select ON meetings AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT (app_user_role() = 'regisseur'::user_role))
         OR ((SELECT (app_user_role() = 'professional'::user_role))
             AND (id IN (SELECT app_invited_meeting_ids() AS app_invited_meeting_ids))));
CREATE POLICY meetings_update ON meetings AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);

-- minute_drafts
CREATE POLICY minute_drafts_own ON minute_drafts AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((user_id = (SELECT app_user_id() AS app_user_id))
         AND ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role))
  WITH CHECK ((user_id = (SELECT app_user_id() AS app_user_id))
              AND ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role));

-- notifications
CREATE POLICY notifications_insert ON notifications AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_id() AS app_user_id) IS NOT NULL);
CREATE POLICY notifications_own ON notifications AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (user_id = (SELECT app_user_id() AS app_user_id));
CREATE POLICY notifications_read ON notifications AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING (user_id = (SELECT app_user_id() AS app_user_id))
  WITH CHECK (user_id = (SELECT app_user_id() AS app_user_id));

-- organisation_contacts
CREATE POLICY organisation_contacts_select ON organisation_contacts AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = ANY (ARRAY['admin'::user_role, 'regisseur'::user_role, 'manager'::user_role]));
CREATE POLICY organisation_contacts_write ON organisation_contacts AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role);

-- organisations
CREATE POLICY organisations_select ON organisations AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (true);
CREATE POLICY organisations_write ON organisations AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role);

-- referral_matches
CREATE POLICY referral_matches_insert ON referral_matches AS PERMISSIVE FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);
CREATE POLICY referral_matches_select ON referral_matches AS PERMISSIVE FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = ANY (ARRAY['regisseur'::user_role, 'manager'::user_role]));

-- settings
CREATE POLICY settings_select ON settings AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (true);
CREATE POLICY settings_write ON settings AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role);

-- signal_escalations
CREATE POLICY signal_escalations_select ON signal_escalations AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['regisseur'::user_role, 'manager'::user_role])));

-- signals
CREATE POLICY signals_select ON signals AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (SELECT (app_user_role() = ANY (ARRAY['regisseur'::user_role, 'manager'::user_role])));
CREATE POLICY signals_update ON signals AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'regisseur'::user_role);

-- user_invitations
CREATE POLICY user_invitations_admin ON user_invitations AS PERMISSIVE FOR ALL TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role)
  WITH CHECK ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role);

-- users
CREATE POLICY users_delete ON users AS PERMISSIVE FOR DELETE TO casusregie_app
  USING ((SELECT app_user_role() AS app_user_role) = 'admin'::user_role);
CREATE POLICY users_partnerbeheer_scope ON users AS RESTRICTIVE FOR SELECT TO casusregie_app
  USING ((((SELECT app_user_role() AS app_user_role))::text IS DISTINCT FROM 'partnerbeheer'::text)
         OR (organisation_id = (SELECT app_user_org() AS app_user_org)));
CREATE POLICY users_partnerbeheer_update ON users AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING ((((SELECT app_user_role() AS app_user_role))::text = 'partnerbeheer'::text)
         AND (organisation_id = (SELECT app_user_org() AS app_user_org))
         AND ((role)::text = ANY (ARRAY['professional'::text, 'partnerbeheer'::text])))
  WITH CHECK ((((SELECT app_user_role() AS app_user_role))::text = 'partnerbeheer'::text)
              AND (organisation_id = (SELECT app_user_org() AS app_user_org))
              AND (role = app_role_of(id))
              AND (organisation_id = app_org_of(id)));
CREATE POLICY users_select ON users AS PERMISSIVE FOR SELECT TO casusregie_app
  USING (true);
CREATE POLICY users_update ON users AS PERMISSIVE FOR UPDATE TO casusregie_app
  USING (((SELECT app_user_role() AS app_user_role) = 'admin'::user_role)
         OR (id = (SELECT app_user_id() AS app_user_id)))
  WITH CHECK ((((SELECT app_user_role() AS app_user_role) = 'admin'::user_role)
               AND (role = app_role_of(id))
               AND (organisation_id = app_org_of(id)))
              OR ((id = (SELECT app_user_id() AS app_user_id))
                  AND (role = (SELECT app_user_role() AS app_user_role))
                  AND (organisation_id = (SELECT app_user_org() AS app_user_org))
                  AND active));

-- 3. Grants to casusregie_app
GRANT SELECT ON access_grants TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON agenda_items TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON agreement_actions TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON agreement_confirmations TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON agreement_due_changes TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON agreement_facts TO casusregie_app;
GRANT INSERT, SELECT ON agreement_status_reports TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON agreements TO casusregie_app;
GRANT SELECT, USAGE ON SEQUENCE audit_chain_anchors_id_seq TO casusregie_app;
GRANT SELECT ON audit_log TO casusregie_app;
GRANT SELECT, USAGE ON SEQUENCE audit_log_id_seq TO casusregie_app;
GRANT INSERT, SELECT ON case_contacts TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON case_events TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON case_facts TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON case_number_counters TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON case_partner_facts TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON case_partners TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON cases TO casusregie_app;
GRANT SELECT ON dashboard_agreement_month_changes TO casusregie_app;
GRANT SELECT ON dashboard_agreement_months TO casusregie_app;
GRANT SELECT ON dashboard_agreement_open TO casusregie_app;
GRANT SELECT ON dashboard_agreement_open_changes TO casusregie_app;
GRANT SELECT ON dashboard_agreement_week_changes TO casusregie_app;
GRANT SELECT ON dashboard_agreement_weeks TO casusregie_app;
GRANT SELECT ON dashboard_agreements TO casusregie_app;
GRANT SELECT ON dashboard_case_days TO casusregie_app;
GRANT SELECT ON dashboard_case_month_changes TO casusregie_app;
GRANT SELECT ON dashboard_case_months TO casusregie_app;
GRANT SELECT ON dashboard_case_status TO casusregie_app;
GRANT SELECT ON dashboard_now TO casusregie_app;
GRANT SELECT ON dashboard_now_changes TO casusregie_app;
GRANT SELECT ON dashboard_signal_days TO casusregie_app;
GRANT SELECT ON dashboard_signal_open TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON data_subject_request_cases TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON data_subject_request_tasks TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON data_subject_requests TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON home_visits TO casusregie_app;
GRANT SELECT ON mail_outbox TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON meeting_invitees TO casusregie_app;
GRANT INSERT, SELECT ON meeting_report_items TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON meeting_reports TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON meeting_status_requests TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON meetings TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON minute_drafts TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON municipalities TO casusregie_app;
GRANT INSERT, SELECT, UPDATE ON notifications TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON organisation_contacts TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON organisations TO casusregie_app;
GRANT INSERT, SELECT ON referral_matches TO casusregie_app;
GRANT SELECT ON safety_regions TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON settings TO casusregie_app;
GRANT SELECT ON signal_escalations TO casusregie_app;
GRANT SELECT ON signals TO casusregie_app;
GRANT DELETE, INSERT, SELECT, UPDATE ON user_invitations TO casusregie_app;
GRANT DELETE, INSERT, UPDATE ON users TO casusregie_app;
-- no table grant: audit_chain_anchors, audit_head, case_search_tokens, field_key_check, idp_email_domains, meeting_events, meeting_presence, oidc_sign_in_requests, organisation_idps, rate_limits, recovery_codes, user_idp_subjects, user_sessions, user_totp

-- column grants
GRANT UPDATE (auto_resolved, resolution_note, resolved_at, resolved_by_user_id, snooze_reason, snoozed_until, status, updated_at, version) ON signals TO casusregie_app;
GRANT SELECT (active, created_at, email, id, last_sign_in_at, locale, name, organisation_id, role, session_version, updated_at, version) ON users TO casusregie_app;

-- 4. Security-definer functions (59): run with their owner's rights, past RLS

-- casusregie_app may execute
CREATE FUNCTION agreement_case_id(p_agreement uuid) RETURNS uuid LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT case_id FROM agreements WHERE id = p_agreement
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_become(p_user uuid) RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT set_config('app.user_id', coalesce(p_user::text, ''), true)
      || set_config('app.user_role', coalesce(u.role::text, ''), true)
      || set_config('app.user_org', coalesce(u.organisation_id::text, ''), true)
      || set_config('app.actor_of', coalesce(p_user::text, ''), true)
  FROM (SELECT 1) one LEFT JOIN users u ON u.id = p_user AND u.active
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_count_own_agreements(p_statuses agreement_status[], p_owner_user uuid, p_due_before date, p_cap integer) RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT count(*)::integer FROM (
    SELECT 1 FROM agreements a
    WHERE a.owner_organisation_id = (SELECT app_user_org())
      AND (SELECT app_user_role()) = 'professional'
      AND a.status = ANY (p_statuses)
      AND (p_owner_user IS NULL OR a.owner_user_id = p_owner_user)
      AND (p_due_before IS NULL OR a.due_date < p_due_before)
      AND EXISTS (SELECT 1 FROM case_partners p
                  WHERE p.case_id = a.case_id AND p.organisation_id = a.owner_organisation_id AND p.ended_at IS NULL)
    LIMIT p_cap + 1
  ) matches
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_invited_meeting_ids() RETURNS SETOF uuid LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT i.meeting_id FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id
  WHERE i.organisation_id = app_user_org() AND m.status <> 'concept'
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_is_convened(p_case uuid) RETURNS boolean LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT EXISTS (
    SELECT 1 FROM case_partners
    WHERE case_id = p_case AND organisation_id = app_user_org() AND ended_at IS NULL
  )
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_is_referrer(p_case uuid) RETURNS boolean LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT EXISTS (SELECT 1 FROM cases WHERE id = p_case AND referrer_user_id = app_user_id())
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_org_of(p_user uuid) RETURNS uuid LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT organisation_id FROM users WHERE id = p_user
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_raise_blocked_signal(p_agreement uuid, p_message text, p_now timestamp with time zone) RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE v_id uuid;
BEGIN
  INSERT INTO signals (key, rule, subject_type, subject_id, case_id, organisation_id, since, message, level_since, created_at, updated_at)
  SELECT 'agreement_blocked:' || a.id, 'agreement_blocked', 'agreement', a.id, a.case_id, a.owner_organisation_id,
         a.blocked_at, p_message, p_now, p_now, p_now
  FROM agreements a JOIN cases c ON c.id = a.case_id
  WHERE a.id = p_agreement AND a.blocked_at IS NOT NULL
    AND a.status IN ('open', 'in_uitvoering')
    AND c.status NOT IN ('afgesloten', 'afgewezen')
    AND EXISTS (SELECT 1 FROM agreement_actions x WHERE x.agreement_id = a.id AND x.kind = 'geblokkeerd'
                AND x.author_user_id = app_user_id() AND x.created_at = a.blocked_at)
    AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.key = 'agreement_blocked:' || a.id AND s.status <> 'resolved')
    AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.key = 'agreement_blocked:' || a.id AND s.status = 'resolved'
                    AND NOT s.auto_resolved AND s.since = a.blocked_at)
  RETURNING id INTO v_id;
  RETURN v_id;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_role_of(p_user uuid) RETURNS user_role LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT role FROM users WHERE id = p_user
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_search_cases(p_number text, p_tokens text[]) RETURNS TABLE(id uuid, number text, status case_status, target_group target_group, municipality_code text, regisseur_user_id uuid, created_at timestamp with time zone, updated_at timestamp with time zone) LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
#variable_conflict use_column
DECLARE
  r user_role := app_user_role();
  me uuid := app_user_id();
  org uuid := app_user_org();
BEGIN
  -- No role (an inactive user, or none): nothing, as in 0048.
  IF r IS NULL OR r NOT IN ('regisseur', 'professional') THEN
    RETURN;
  END IF;
  -- No words of three letters or more: search the number only (an empty array is contained in every row).
  IF cardinality(p_tokens) = 0 THEN
    p_tokens := NULL;
  END IF;
  IF cardinality(p_tokens) = 1 THEN
    RETURN QUERY
      SELECT m.id, m.number, m.status, m.target_group, m.municipality_code, m.regisseur_user_id, m.created_at, m.updated_at
      FROM (SELECT c.id, c.number, c.status, c.target_group, c.municipality_code, c.regisseur_user_id, c.referrer_user_id,
                   c.created_at, c.updated_at
            FROM cases c WHERE c.number ILIKE p_number
            UNION
            SELECT t.case_id, t.number, t.status, t.target_group, t.municipality_code, t.regisseur_user_id, t.referrer_user_id,
                   t.created_at, t.updated_at
            FROM case_search_tokens t WHERE t.token = p_tokens[1]) m
      WHERE r = 'regisseur'
        OR m.referrer_user_id = me
        OR EXISTS (SELECT 1 FROM case_partners p WHERE p.case_id = m.id AND p.organisation_id = org AND p.ended_at IS NULL);
  ELSIF r = 'regisseur' THEN
    RETURN QUERY SELECT c.id, c.number, c.status, c.target_group, c.municipality_code, c.regisseur_user_id, c.created_at, c.updated_at
      FROM cases c
      WHERE c.number ILIKE p_number OR c.subject_name_tokens @> p_tokens;
  ELSIF r = 'professional' THEN
    RETURN QUERY SELECT c.id, c.number, c.status, c.target_group, c.municipality_code, c.regisseur_user_id, c.created_at, c.updated_at
      FROM cases c
      WHERE (c.number ILIKE p_number OR c.subject_name_tokens @> p_tokens)
        AND (c.referrer_user_id = me
             OR EXISTS (SELECT 1 FROM case_partners p
                        WHERE p.case_id = c.id AND p.organisation_id = org AND p.ended_at IS NULL));
  END IF;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_user_org_of_record() RETURNS uuid LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT organisation_id FROM users WHERE id = app_user_id() AND active
$body$;

-- casusregie_app may execute
CREATE FUNCTION app_user_role_of_record() RETURNS user_role LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT role FROM users WHERE id = app_user_id() AND active
$body$;

-- casusregie_app may execute
CREATE FUNCTION audit_append(p_user uuid, p_organisation uuid, p_role user_role, p_action audit_action, p_entity text, p_entity_id text, p_case uuid, p_case_number text, p_outcome text, p_ip text, p_user_agent text, p_details jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE
  prev text;
  row audit_log;
BEGIN
  IF (current_setting('role', true) = 'casusregie_app' OR session_user = 'casusregie_app' OR app_user_id() IS NOT NULL)
     AND p_user IS DISTINCT FROM app_user_id() THEN
    RAISE EXCEPTION 'audit entry for another user' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM pg_advisory_xact_lock(736300101);
  SELECT last_hash INTO prev FROM audit_head;
  row.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  row.at := clock_timestamp();
  row.user_id := p_user; row.organisation_id := p_organisation; row.role := p_role;
  row.action := p_action; row.entity := p_entity; row.entity_id := p_entity_id; row.case_id := p_case;
  row.case_number := p_case_number; row.outcome := p_outcome; row.ip := p_ip;
  row.user_agent := left(p_user_agent, 400); row.details := p_details;
  row.prev_hash := coalesce(prev, 'genesis');
  row.hash := audit_row_hash(row.prev_hash, row);
  INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT row.*;
  INSERT INTO audit_head (last_id, last_hash) VALUES (row.id, row.hash)
    ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION case_search_tokens_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM case_search_tokens t USING old_rows o WHERE t.case_id = o.id;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Only the cases whose searched or shown columns moved (updated_at among them: the list sorts on it).
    DELETE FROM case_search_tokens t
    USING old_rows o JOIN new_rows n ON n.id = o.id
    WHERE t.case_id = o.id
      AND (o.subject_name_tokens, o.number, o.status, o.target_group, o.municipality_code, o.regisseur_user_id,
           o.referrer_user_id, o.created_at, o.updated_at)
        IS DISTINCT FROM (n.subject_name_tokens, n.number, n.status, n.target_group, n.municipality_code, n.regisseur_user_id,
           n.referrer_user_id, n.created_at, n.updated_at);
    INSERT INTO case_search_tokens
    SELECT DISTINCT k.token, n.id, n.number, n.status, n.target_group, n.municipality_code, n.regisseur_user_id,
           n.referrer_user_id, n.created_at, n.updated_at
    FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL unnest(n.subject_name_tokens) k(token)
    WHERE (o.subject_name_tokens, o.number, o.status, o.target_group, o.municipality_code, o.regisseur_user_id,
           o.referrer_user_id, o.created_at, o.updated_at)
      IS DISTINCT FROM (n.subject_name_tokens, n.number, n.status, n.target_group, n.municipality_code, n.regisseur_user_id,
           n.referrer_user_id, n.created_at, n.updated_at);
  ELSE
    INSERT INTO case_search_tokens
    SELECT DISTINCT k.token, n.id, n.number, n.status, n.target_group, n.municipality_code, n.regisseur_user_id,
           n.referrer_user_id, n.created_at, n.updated_at
    FROM new_rows n CROSS JOIN LATERAL unnest(n.subject_name_tokens) k(token);
  END IF;
  RETURN NULL;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION consume_own_rate_limit(p_name text, p_window_ms integer, p_now timestamp with time zone, OUT o_hits integer, OUT o_window_start timestamp with time zone) RETURNS record LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE
  v_user uuid := app_user_id();
  v_cutoff timestamptz := p_now - make_interval(secs => p_window_ms / 1000.0);
BEGIN
  IF v_user IS NULL OR p_name NOT IN ('search', 'export') THEN
    RAISE EXCEPTION 'no rate limit % for this session', p_name USING ERRCODE = '42501';
  END IF;
  INSERT INTO rate_limits AS r (key, hits, window_start) VALUES (p_name || ':' || v_user, 1, p_now)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.window_start <= v_cutoff THEN 1 ELSE r.hits + 1 END,
    window_start = CASE WHEN r.window_start <= v_cutoff THEN p_now ELSE r.window_start END
  RETURNING r.hits, r.window_start INTO o_hits, o_window_start;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_add_agreement_months(p_owner uuid[], p_due date[], p_sign integer) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  INSERT INTO dashboard_agreement_month_changes (target_group, municipality_code, owner_organisation_id, month,
    n, open, open_due_days, done, done_on_time, expired, not_possible, not_carried_out)
  SELECT coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'), r.owner_organisation_id,
         date_trunc('month', r.due_date)::date,
         p_sign * sum(r.n),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status IN ('open', 'in_uitvoering')), 0),
         p_sign * coalesce(sum(r.n::bigint * (r.due_date - date '2000-01-01')) FILTER (WHERE r.status IN ('open', 'in_uitvoering')), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'gereed'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'gereed' AND r.on_time), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'vervallen'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'niet_nagekomen' AND r.close_reason = 'niet_meer_mogelijk'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'niet_nagekomen' AND r.close_reason = 'niet_uitgevoerd'), 0)
  FROM (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_agreements r WHERE r.owner_organisation_id = b.owner AND r.due_date = b.due) r
  GROUP BY r.owner_organisation_id, date_trunc('month', r.due_date),
    GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ());
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_add_agreement_spans(p_owner uuid[], p_due date[], p_sign integer) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  INSERT INTO dashboard_agreement_week_changes (target_group, municipality_code, owner_organisation_id, week,
    n, done, done_on_time, expired, not_possible, not_carried_out)
  SELECT coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'), r.owner_organisation_id,
         dashboard_week(r.due_date),
         p_sign * sum(r.n),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'gereed'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'gereed' AND r.on_time), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'vervallen'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'niet_nagekomen' AND r.close_reason = 'niet_meer_mogelijk'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'niet_nagekomen' AND r.close_reason = 'niet_uitgevoerd'), 0)
  FROM (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_agreements r WHERE r.owner_organisation_id = b.owner AND r.due_date = b.due) r
  WHERE dashboard_week(r.due_date) IS NOT NULL
  GROUP BY r.owner_organisation_id, dashboard_week(r.due_date),
    GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ());
  INSERT INTO dashboard_agreement_open_changes (target_group, municipality_code, owner_organisation_id, open, open_due_days)
  SELECT coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'), r.owner_organisation_id,
         p_sign * sum(r.n), p_sign * sum(r.n::bigint * (r.due_date - date '2000-01-01'))
  FROM (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_agreements r WHERE r.owner_organisation_id = b.owner AND r.due_date = b.due) r
  WHERE r.status IN ('open', 'in_uitvoering')
  GROUP BY r.owner_organisation_id, GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ());
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_add_case_months(p_days date[], p_sign integer) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  INSERT INTO dashboard_case_month_changes (organisation_id, kind, target_group, municipality_code, month, whole_days, n)
  SELECT r.organisation_id, r.kind, coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'),
         date_trunc('month', r.day)::date, r.whole_days, p_sign * sum(r.n)
  FROM (SELECT DISTINCT day FROM unnest(p_days) day) b
    CROSS JOIN LATERAL (SELECT * FROM dashboard_case_days r WHERE r.day = b.day) r
  GROUP BY r.organisation_id, r.kind, date_trunc('month', r.day), r.whole_days,
    GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ());
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_add_now_signal(p_organisation uuid[], p_level integer[], p_sign integer) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  INSERT INTO dashboard_now_changes (figure, organisation_id, target_group, municipality_code, key, n)
  SELECT 'signal',
         CASE WHEN grouping(r.organisation_id) = 1 THEN '*' ELSE coalesce(r.organisation_id::text, '-') END,
         CASE WHEN grouping(r.target_group) = 1 THEN '*' ELSE coalesce(r.target_group::text, '-') END,
         CASE WHEN grouping(r.municipality_code) = 1 THEN '*' ELSE coalesce(r.municipality_code, '-') END,
         r.level::text, p_sign * sum(r.n)
  FROM (SELECT DISTINCT * FROM unnest(p_organisation, p_level)) b(organisation_id, level)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_signal_open r
      WHERE coalesce(r.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = b.organisation_id AND r.level = b.level) r
  GROUP BY r.level, CUBE (r.organisation_id, r.target_group, r.municipality_code);
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_add_now_status(p_status case_status[], p_group target_group[], p_municipality text[], p_sign integer) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  INSERT INTO dashboard_now_changes (figure, organisation_id, target_group, municipality_code, key, n)
  SELECT 'status', r.organisation_id::text,
         CASE WHEN grouping(r.target_group) = 1 THEN '*' ELSE r.target_group::text END,
         CASE WHEN grouping(r.municipality_code) = 1 THEN '*' ELSE r.municipality_code END,
         r.status::text, p_sign * sum(r.n)
  FROM (SELECT DISTINCT * FROM unnest(p_status, p_group, p_municipality)) b(status, target_group, municipality_code)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_case_status r
      WHERE r.status = b.status AND r.target_group = b.target_group AND r.municipality_code = b.municipality_code) r
  GROUP BY r.organisation_id, r.status, CUBE (r.target_group, r.municipality_code);
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION dashboard_agreements_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE
  v_rows agreements[];
BEGIN
  IF TG_OP = 'INSERT' THEN v_rows := array(SELECT n::agreements FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN v_rows := array(SELECT o::agreements FROM old_rows o);
  ELSE
    EXECUTE $q$
      SELECT array(SELECT v.r FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL (VALUES (o::agreements), (n::agreements)) v(r)
                   WHERE (o.id, o.case_id, o.owner_organisation_id, o.due_date, o.status, o.completed_at, o.close_reason)
                     IS DISTINCT FROM (n.id, n.case_id, n.owner_organisation_id, n.due_date, n.status, n.completed_at, n.close_reason))
    $q$ INTO v_rows;
  END IF;
  IF cardinality(v_rows) > 0 THEN
    PERFORM dashboard_refresh_agreements(array(SELECT (r).owner_organisation_id FROM unnest(v_rows) r),
      array(SELECT (r).due_date FROM unnest(v_rows) r));
  END IF;
  RETURN NULL;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION dashboard_case_links_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE
  v_ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'case_partners' THEN
    IF TG_OP = 'INSERT' THEN v_ids := array(SELECT case_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN v_ids := array(SELECT case_id FROM old_rows);
    ELSE EXECUTE $q$
      SELECT array(SELECT o.case_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE (o.case_id, o.organisation_id) IS DISTINCT FROM (n.case_id, n.organisation_id)
                   UNION SELECT n.case_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE (o.case_id, o.organisation_id) IS DISTINCT FROM (n.case_id, n.organisation_id))
    $q$ INTO v_ids;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN v_ids := array(SELECT referral_case_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN v_ids := array(SELECT referral_case_id FROM old_rows);
    ELSE v_ids := array(SELECT referral_case_id FROM old_rows UNION SELECT referral_case_id FROM new_rows);
    END IF;
  END IF;
  PERFORM dashboard_touch_cases(array(SELECT c FROM cases c WHERE c.id = ANY (v_ids)), '{}');
  RETURN NULL;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION dashboard_cases_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE
  v_rows cases[];
  v_moved uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM dashboard_touch_cases(array(SELECT n::cases FROM new_rows n), '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM dashboard_touch_cases(array(SELECT o::cases FROM old_rows o), '{}');
  ELSE
    -- EXECUTE: planned for this statement's row counts. A plan cached from a one-row update would join the
    -- transition tables in a nested loop, quadratic for a bulk update.
    EXECUTE $q$
      SELECT array(SELECT v.r FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL (VALUES (o::cases), (n::cases)) v(r)
                   WHERE (o.id, o.status, o.target_group, o.municipality_code, o.created_at, o.triaged_at, o.closed_at)
                     IS DISTINCT FROM (n.id, n.status, n.target_group, n.municipality_code, n.created_at, n.triaged_at, n.closed_at)),
             array(SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE (o.target_group, o.municipality_code) IS DISTINCT FROM (n.target_group, n.municipality_code))
    $q$ INTO v_rows, v_moved;
    PERFORM dashboard_touch_cases(v_rows, v_moved);
  END IF;
  RETURN NULL;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_day_rollups_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  TRUNCATE dashboard_case_status, dashboard_case_days, dashboard_agreements, dashboard_signal_days, dashboard_signal_open;
  PERFORM dashboard_refresh_case_status(array_agg(status), array_agg(target_group), array_agg(municipality_code), false)
  FROM (SELECT DISTINCT status, target_group, municipality_code FROM cases) b;
  PERFORM dashboard_refresh_case_days(array(
    SELECT (created_at AT TIME ZONE 'Europe/Amsterdam')::date FROM cases
    UNION SELECT (triaged_at AT TIME ZONE 'Europe/Amsterdam')::date FROM cases WHERE triaged_at IS NOT NULL
    UNION SELECT (closed_at AT TIME ZONE 'Europe/Amsterdam')::date FROM cases WHERE closed_at IS NOT NULL), false);
  PERFORM dashboard_refresh_agreements(array_agg(owner_organisation_id), array_agg(due_date), false)
  FROM (SELECT DISTINCT owner_organisation_id, due_date FROM agreements) b;
  PERFORM dashboard_refresh_signal_days(array(
    SELECT (created_at AT TIME ZONE 'Europe/Amsterdam')::date FROM signals
    UNION SELECT (resolved_at AT TIME ZONE 'Europe/Amsterdam')::date FROM signals WHERE resolved_at IS NOT NULL), false);
  PERFORM dashboard_refresh_signal_open(array_agg(organisation_id), array_agg(level), false)
  FROM (SELECT DISTINCT coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) AS organisation_id, level
        FROM signals WHERE status <> 'resolved') b;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_fold_months() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 0);
  WITH moved AS (DELETE FROM dashboard_agreement_month_changes RETURNING *)
  INSERT INTO dashboard_agreement_months AS m
  SELECT target_group, municipality_code, owner_organisation_id, month, sum(n), sum(open), sum(open_due_days), sum(done),
         sum(done_on_time), sum(expired), sum(not_possible), sum(not_carried_out)
  FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (target_group, municipality_code, owner_organisation_id, month)
  DO UPDATE SET n = m.n + excluded.n, open = m.open + excluded.open, open_due_days = m.open_due_days + excluded.open_due_days,
    done = m.done + excluded.done, done_on_time = m.done_on_time + excluded.done_on_time, expired = m.expired + excluded.expired,
    not_possible = m.not_possible + excluded.not_possible, not_carried_out = m.not_carried_out + excluded.not_carried_out;
  DELETE FROM dashboard_agreement_months WHERE n = 0;
  WITH moved AS (DELETE FROM dashboard_case_month_changes RETURNING *)
  INSERT INTO dashboard_case_months AS m
  SELECT organisation_id, kind, target_group, municipality_code, month, whole_days, sum(n)
  FROM moved GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (organisation_id, kind, target_group, municipality_code, month, whole_days) DO UPDATE SET n = m.n + excluded.n;
  DELETE FROM dashboard_case_months WHERE n = 0;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_fold_now() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 1);
  WITH moved AS (DELETE FROM dashboard_now_changes RETURNING *)
  INSERT INTO dashboard_now AS m
  SELECT figure, organisation_id, target_group, municipality_code, key, sum(n)
  FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (figure, organisation_id, target_group, municipality_code, key) DO UPDATE SET n = m.n + excluded.n;
  DELETE FROM dashboard_now WHERE n = 0;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_fold_weeks() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 2);
  WITH moved AS (DELETE FROM dashboard_agreement_week_changes RETURNING *)
  INSERT INTO dashboard_agreement_weeks AS m
  SELECT target_group, municipality_code, owner_organisation_id, week, sum(n), sum(done), sum(done_on_time), sum(expired),
         sum(not_possible), sum(not_carried_out)
  FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (target_group, municipality_code, owner_organisation_id, week)
  DO UPDATE SET n = m.n + excluded.n, done = m.done + excluded.done, done_on_time = m.done_on_time + excluded.done_on_time,
    expired = m.expired + excluded.expired, not_possible = m.not_possible + excluded.not_possible,
    not_carried_out = m.not_carried_out + excluded.not_carried_out;
  DELETE FROM dashboard_agreement_weeks WHERE n = 0;
  WITH moved AS (DELETE FROM dashboard_agreement_open_changes RETURNING *)
  INSERT INTO dashboard_agreement_open AS m
  SELECT target_group, municipality_code, owner_organisation_id, sum(open), sum(open_due_days)
  FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (target_group, municipality_code, owner_organisation_id)
  DO UPDATE SET open = m.open + excluded.open, open_due_days = m.open_due_days + excluded.open_due_days;
  DELETE FROM dashboard_agreement_open WHERE open = 0;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_months_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  TRUNCATE dashboard_agreement_months, dashboard_case_months, dashboard_agreement_month_changes, dashboard_case_month_changes;
  PERFORM dashboard_add_agreement_months(array_agg(owner_organisation_id), array_agg(due_date), 1)
  FROM (SELECT DISTINCT owner_organisation_id, due_date FROM dashboard_agreements) b;
  PERFORM dashboard_add_case_months(array(SELECT DISTINCT day FROM dashboard_case_days), 1);
  PERFORM dashboard_fold_months();
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_now_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 1);
  TRUNCATE dashboard_now, dashboard_now_changes;
  PERFORM dashboard_add_now_status(array_agg(status), array_agg(target_group), array_agg(municipality_code), 1)
  FROM (SELECT DISTINCT status, target_group, municipality_code FROM dashboard_case_status) b;
  PERFORM dashboard_add_now_signal(array_agg(organisation_id), array_agg(level), 1)
  FROM (SELECT DISTINCT coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) AS organisation_id, level
    FROM dashboard_signal_open) b;
  PERFORM dashboard_fold_now();
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_recount_agreements(p_owner uuid[], p_due date[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  IF p_lock THEN PERFORM dashboard_lock_buckets(3, array(SELECT concat_ws('|', o, d) FROM unnest(p_owner, p_due) b(o, d))); END IF;
  DELETE FROM dashboard_agreements r
  USING (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
  WHERE r.owner_organisation_id = b.owner AND r.due_date = b.due;
  INSERT INTO dashboard_agreements (owner_organisation_id, due_date, status, on_time, close_reason, target_group, municipality_code, n)
  SELECT a.owner_organisation_id, a.due_date, a.status,
         coalesce(a.status = 'gereed' AND (a.completed_at AT TIME ZONE 'Europe/Amsterdam')::date <= a.due_date, false),
         a.close_reason, c.target_group, c.municipality_code, count(*)
  FROM (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
    CROSS JOIN LATERAL (SELECT * FROM agreements a WHERE a.owner_organisation_id = b.owner AND a.due_date = b.due
      AND a.status = ANY (enum_range(NULL::agreement_status))) a
    JOIN cases c ON c.id = a.case_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_recount_case_days(p_days date[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  IF p_lock THEN PERFORM dashboard_lock_buckets(2, p_days::text[]); END IF;
  DELETE FROM dashboard_case_days WHERE day = ANY (p_days);
  INSERT INTO dashboard_case_days (organisation_id, kind, day, target_group, municipality_code, whole_days, n)
  WITH d AS (
    SELECT DISTINCT day, day::timestamp AT TIME ZONE 'Europe/Amsterdam' AS starts,
           (day + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS ends
    FROM unnest(p_days) AS day WHERE day IS NOT NULL
  ), events AS (
    SELECT c.id, c.target_group, c.municipality_code, 'referred' AS kind, d.day, 0 AS whole_days
    FROM d CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.created_at >= d.starts AND c.created_at < d.ends) c
    UNION ALL
    SELECT c.id, c.target_group, c.municipality_code, 'repeat', d.day, 0
    FROM d CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.created_at >= d.starts AND c.created_at < d.ends) c
    WHERE EXISTS (SELECT 1 FROM referral_matches m JOIN cases earlier ON earlier.id = m.matched_case_id
                  WHERE m.referral_case_id = c.id AND earlier.status = 'afgesloten'
                    AND c.created_at >= earlier.closed_at AND c.created_at < earlier.closed_at + interval '12 months')
    UNION ALL
    SELECT c.id, c.target_group, c.municipality_code, 'triaged', d.day, floor(date_part('epoch', c.triaged_at - c.created_at) / 86400)::int
    FROM d CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.triaged_at >= d.starts AND c.triaged_at < d.ends) c
    UNION ALL
    SELECT c.id, c.target_group, c.municipality_code, 'closed', d.day, floor(date_part('epoch', c.closed_at - c.created_at) / 86400)::int
    FROM d CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.closed_at >= d.starts AND c.closed_at < d.ends AND c.status = 'afgesloten') c
  )
  SELECT o.id, e.kind, e.day, e.target_group, e.municipality_code, e.whole_days, count(*)
  FROM events e
    CROSS JOIN LATERAL (SELECT '00000000-0000-0000-0000-000000000000'::uuid AS id
                        UNION SELECT p.organisation_id FROM case_partners p WHERE p.case_id = e.id) o
  GROUP BY 1, 2, 3, 4, 5, 6;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_recount_case_status(p_status case_status[], p_group target_group[], p_municipality text[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  IF p_lock THEN PERFORM dashboard_lock_buckets(1, array(SELECT concat_ws('|', s, g, m) FROM unnest(p_status, p_group, p_municipality) b(s, g, m))); END IF;
  DELETE FROM dashboard_case_status r
  USING (SELECT DISTINCT * FROM unnest(p_status, p_group, p_municipality)) b(status, target_group, municipality_code)
  WHERE r.status = b.status AND r.target_group = b.target_group AND r.municipality_code = b.municipality_code;
  INSERT INTO dashboard_case_status (organisation_id, status, target_group, municipality_code, n)
  SELECT o.id, c.status, c.target_group, c.municipality_code, count(*)
  FROM (SELECT DISTINCT * FROM unnest(p_status, p_group, p_municipality)) b(status, target_group, municipality_code)
    CROSS JOIN LATERAL (SELECT c.id, c.status, c.target_group, c.municipality_code FROM cases c
      WHERE c.status = b.status AND c.target_group = b.target_group AND c.municipality_code = b.municipality_code) c
    CROSS JOIN LATERAL (SELECT '00000000-0000-0000-0000-000000000000'::uuid AS id
                        UNION SELECT p.organisation_id FROM case_partners p WHERE p.case_id = c.id) o
  GROUP BY 1, 2, 3, 4;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_recount_signal_open(p_organisation uuid[], p_level integer[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  IF p_lock THEN PERFORM dashboard_lock_buckets(5, array(SELECT concat_ws('|', o, l) FROM unnest(p_organisation, p_level) b(o, l))); END IF;
  DELETE FROM dashboard_signal_open r
  USING (SELECT DISTINCT * FROM unnest(p_organisation, p_level)) b(organisation_id, level)
  WHERE coalesce(r.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = b.organisation_id AND r.level = b.level;
  INSERT INTO dashboard_signal_open (organisation_id, level, target_group, municipality_code, n)
  SELECT s.organisation_id, s.level, c.target_group, c.municipality_code, count(*)
  FROM (SELECT DISTINCT * FROM unnest(p_organisation, p_level)) b(organisation_id, level)
    CROSS JOIN LATERAL (SELECT * FROM signals s
      WHERE coalesce(s.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = b.organisation_id
        AND s.level = b.level AND s.status <> 'resolved') s
    LEFT JOIN cases c ON c.id = s.case_id
  GROUP BY 1, 2, 3, 4;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_refresh_agreements(p_owner uuid[], p_due date[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(3, array(SELECT concat_ws('|', o, d) FROM unnest(p_owner, p_due) b(o, d)));
    PERFORM dashboard_add_agreement_months(p_owner, p_due, -1);
    PERFORM dashboard_add_agreement_spans(p_owner, p_due, -1);
  END IF;
  PERFORM dashboard_recount_agreements(p_owner, p_due, false);
  IF p_lock THEN
    PERFORM dashboard_add_agreement_months(p_owner, p_due, 1);
    PERFORM dashboard_add_agreement_spans(p_owner, p_due, 1);
  END IF;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_refresh_case_days(p_days date[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(2, p_days::text[]);
    PERFORM dashboard_add_case_months(p_days, -1);
  END IF;
  PERFORM dashboard_recount_case_days(p_days, false);
  IF p_lock THEN PERFORM dashboard_add_case_months(p_days, 1); END IF;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_refresh_case_status(p_status case_status[], p_group target_group[], p_municipality text[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(1, array(SELECT concat_ws('|', s, g, m) FROM unnest(p_status, p_group, p_municipality) b(s, g, m)));
    PERFORM dashboard_add_now_status(p_status, p_group, p_municipality, -1);
  END IF;
  PERFORM dashboard_recount_case_status(p_status, p_group, p_municipality, false);
  IF p_lock THEN PERFORM dashboard_add_now_status(p_status, p_group, p_municipality, 1); END IF;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_refresh_signal_days(p_days date[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  IF p_lock THEN PERFORM dashboard_lock_buckets(4, p_days::text[]); END IF;
  DELETE FROM dashboard_signal_days WHERE day = ANY (p_days);
  INSERT INTO dashboard_signal_days (kind, day, organisation_id, target_group, municipality_code, n)
  WITH d AS (
    SELECT DISTINCT day, day::timestamp AT TIME ZONE 'Europe/Amsterdam' AS starts,
           (day + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam' AS ends
    FROM unnest(p_days) AS day WHERE day IS NOT NULL
  ), events AS (
    SELECT 'opened' AS kind, d.day, s.organisation_id, s.case_id
    FROM d CROSS JOIN LATERAL (SELECT * FROM signals s WHERE s.created_at >= d.starts AND s.created_at < d.ends) s
    UNION ALL
    SELECT 'resolved', d.day, s.organisation_id, s.case_id
    FROM d CROSS JOIN LATERAL (SELECT * FROM signals s WHERE s.resolved_at >= d.starts AND s.resolved_at < d.ends) s
  )
  SELECT e.kind, e.day, e.organisation_id, c.target_group, c.municipality_code, count(*)
  FROM events e LEFT JOIN cases c ON c.id = e.case_id
  GROUP BY 1, 2, 3, 4, 5;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_refresh_signal_open(p_organisation uuid[], p_level integer[], p_lock boolean) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(5, array(SELECT concat_ws('|', o, l) FROM unnest(p_organisation, p_level) b(o, l)));
    PERFORM dashboard_add_now_signal(p_organisation, p_level, -1);
  END IF;
  PERFORM dashboard_recount_signal_open(p_organisation, p_level, false);
  IF p_lock THEN PERFORM dashboard_add_now_signal(p_organisation, p_level, 1); END IF;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_rollups_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 0);
  PERFORM pg_advisory_xact_lock(6, 1);
  PERFORM pg_advisory_xact_lock(6, 2);
  PERFORM dashboard_day_rollups_rebuild();
  PERFORM dashboard_months_rebuild();
  PERFORM dashboard_now_rebuild();
  PERFORM dashboard_weeks_rebuild();
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION dashboard_signals_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE
  v_rows signals[];
  v_days date[];
  v_open signals[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_rows := array(SELECT n::signals FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    v_rows := array(SELECT o::signals FROM old_rows o);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- Only the buckets an update moves: an escalation or a resolution does not recount the day of a large
    -- first sweep. EXECUTE, planned for this statement's row counts (see dashboard_cases_changed).
    EXECUTE $q$
      SELECT array(SELECT (t AT TIME ZONE 'Europe/Amsterdam')::date
                   FROM old_rows o JOIN new_rows n ON n.id = o.id
                     CROSS JOIN LATERAL (VALUES (o.resolved_at), (n.resolved_at)) v(t)
                   WHERE (o.resolved_at, o.case_id, o.organisation_id) IS DISTINCT FROM (n.resolved_at, n.case_id, n.organisation_id)
                     AND t IS NOT NULL
                   UNION
                   SELECT (t AT TIME ZONE 'Europe/Amsterdam')::date
                   FROM old_rows o JOIN new_rows n ON n.id = o.id
                     CROSS JOIN LATERAL (VALUES (o.created_at), (n.created_at)) v(t)
                   WHERE (o.created_at, o.case_id, o.organisation_id) IS DISTINCT FROM (n.created_at, n.case_id, n.organisation_id)),
             array(SELECT v.r FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL (VALUES (o::signals), (n::signals)) v(r)
                   WHERE (o.id, o.case_id, o.organisation_id, o.status = 'resolved', o.level)
                     IS DISTINCT FROM (n.id, n.case_id, n.organisation_id, n.status = 'resolved', n.level))
    $q$ INTO v_days, v_open;
  ELSE
    v_days := array(SELECT (t AT TIME ZONE 'Europe/Amsterdam')::date
                    FROM unnest(v_rows) r CROSS JOIN LATERAL (VALUES ((r).created_at), ((r).resolved_at)) v(t) WHERE t IS NOT NULL);
    v_open := v_rows;
  END IF;
  IF cardinality(v_days) > 0 THEN
    PERFORM dashboard_refresh_signal_days(v_days);
  END IF;
  IF cardinality(v_open) > 0 THEN
    PERFORM dashboard_refresh_signal_open(
      array(SELECT coalesce(u.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) FROM unnest(v_open) WITH ORDINALITY AS u ORDER BY u.ordinality),
      array(SELECT u.level FROM unnest(v_open) WITH ORDINALITY AS u ORDER BY u.ordinality));
  END IF;
  RETURN NULL;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_touch_cases(p_rows cases[], p_moved uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE
  v_ids uuid[] := array(SELECT (r).id FROM unnest(p_rows) r);
BEGIN
  IF cardinality(p_rows) = 0 THEN RETURN; END IF;
  PERFORM dashboard_refresh_case_status(array(SELECT (r).status FROM unnest(p_rows) r),
    array(SELECT (r).target_group FROM unnest(p_rows) r), array(SELECT (r).municipality_code FROM unnest(p_rows) r));
  PERFORM dashboard_refresh_case_days(array(
    SELECT (t AT TIME ZONE 'Europe/Amsterdam')::date
    FROM unnest(p_rows) r CROSS JOIN LATERAL (VALUES ((r).created_at), ((r).triaged_at), ((r).closed_at)) v(t)
    WHERE t IS NOT NULL
    UNION
    SELECT (c.created_at AT TIME ZONE 'Europe/Amsterdam')::date
    FROM referral_matches m JOIN cases c ON c.id = m.referral_case_id
    WHERE m.matched_case_id = ANY (v_ids)));
  IF cardinality(p_moved) > 0 THEN
    PERFORM dashboard_refresh_agreements(array(SELECT owner_organisation_id FROM agreements WHERE case_id = ANY (p_moved)),
      array(SELECT due_date FROM agreements WHERE case_id = ANY (p_moved)));
    PERFORM dashboard_refresh_signal_days(array(
      SELECT (t AT TIME ZONE 'Europe/Amsterdam')::date
      FROM signals s CROSS JOIN LATERAL (VALUES (s.created_at), (s.resolved_at)) v(t)
      WHERE s.case_id = ANY (p_moved) AND t IS NOT NULL));
    PERFORM dashboard_refresh_signal_open(
      array(SELECT coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) FROM signals WHERE case_id = ANY (p_moved) AND status <> 'resolved' ORDER BY id),
      array(SELECT level FROM signals WHERE case_id = ANY (p_moved) AND status <> 'resolved' ORDER BY id));
  END IF;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION dashboard_weeks_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public, pg_temp
AS $body$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 2);
  TRUNCATE dashboard_agreement_weeks, dashboard_agreement_week_changes, dashboard_agreement_open, dashboard_agreement_open_changes;
  PERFORM dashboard_add_agreement_spans(array_agg(owner_organisation_id), array_agg(due_date), 1)
  FROM (SELECT DISTINCT owner_organisation_id, due_date FROM dashboard_agreements) b;
  PERFORM dashboard_fold_weeks();
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION data_subject_request_figures(p_from date, p_to date, p_today date) RETURNS TABLE(open integer, answered_in_time integer, overdue integer) LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT
    (count(*) FILTER (WHERE answered_on IS NULL AND coalesce(extended_due_on, due_on) >= p_today))::int,
    (count(*) FILTER (WHERE answered_on IS NOT NULL AND answered_on <= coalesce(extended_due_on, due_on)))::int,
    (count(*) FILTER (WHERE coalesce(answered_on, p_today) > coalesce(extended_due_on, due_on)))::int
  FROM data_subject_requests
  WHERE received_on BETWEEN p_from AND p_to
    AND app_user_role() IN ('manager', 'regisseur')
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_agenda_outline(p_meeting uuid) RETURNS TABLE(id uuid, "position" integer, duration_minutes integer, status agenda_item_status, visible boolean) LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT a.id, a.position, a.duration_minutes, a.status,
         (app_user_role() = 'regisseur' OR a.case_id IS NULL OR app_is_convened(a.case_id))
  FROM agenda_items a
  WHERE a.meeting_id = p_meeting
    AND (app_user_role() = 'regisseur' OR p_meeting IN (SELECT app_invited_meeting_ids()))
  ORDER BY a.position
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_events_after(p_meeting uuid, p_after bigint, p_limit integer) RETURNS TABLE(id bigint, kind text, agenda_item_id uuid, agreement_id uuid) LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT e.id,
         CASE WHEN v.visible THEN e.kind ELSE 'besloten' END,
         CASE WHEN v.visible THEN e.agenda_item_id END,
         CASE WHEN v.visible THEN e.agreement_id END
  FROM meeting_events e
  CROSS JOIN LATERAL (SELECT (app_user_role() = 'regisseur' OR e.case_id IS NULL OR app_is_convened(e.case_id)) AS visible) v
  WHERE e.meeting_id = p_meeting AND e.id > p_after
    AND (app_user_role() = 'regisseur'
         OR (app_user_role() = 'professional' AND p_meeting IN (SELECT app_invited_meeting_ids())))
  ORDER BY e.id
  LIMIT p_limit
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION meeting_events_emit(p_meeting uuid, p_kind text, p_item uuid, p_case uuid, p_agreement uuid, p_org uuid) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE v_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(28, hashtext(p_meeting::text));
  INSERT INTO meeting_events (meeting_id, kind, agenda_item_id, case_id, agreement_id, organisation_id)
  VALUES (p_meeting, p_kind, p_item, p_case, p_agreement, p_org)
  RETURNING id INTO v_id;
  PERFORM pg_notify('meeting_events', p_meeting::text || ':' || v_id::text);
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_events_latest(p_meeting uuid) RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT coalesce(max(e.id), 0) FROM meeting_events e
  WHERE e.meeting_id = p_meeting
    AND (app_user_role() = 'regisseur'
         OR (app_user_role() = 'professional' AND p_meeting IN (SELECT app_invited_meeting_ids())))
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_events_on_agreement() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE v_meeting uuid;
BEGIN
  FOR v_meeting IN SELECT meeting_ids_showing_agreement(NEW.agenda_item_id, NEW.case_id) LOOP
    PERFORM meeting_events_emit(v_meeting, 'agreement', NEW.agenda_item_id, NEW.case_id, NEW.id, NEW.owner_organisation_id);
  END LOOP;
  RETURN NULL;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_events_on_confirmation() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE a record; v_meeting uuid;
BEGIN
  SELECT agenda_item_id, case_id INTO a FROM agreements WHERE id = NEW.agreement_id;
  FOR v_meeting IN SELECT meeting_ids_showing_agreement(a.agenda_item_id, a.case_id) LOOP
    PERFORM meeting_events_emit(v_meeting, 'confirmation', a.agenda_item_id, a.case_id, NEW.agreement_id, NEW.organisation_id);
  END LOOP;
  RETURN NULL;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_events_on_invitee() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE r record;
BEGIN
  r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  PERFORM meeting_events_emit(r.meeting_id, 'meeting', NULL, NULL, NULL, NULL);
  RETURN NULL;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_events_on_item() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE r record;
BEGIN
  r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  -- A meeting deleted as a whole takes its items along; nobody follows it any more.
  IF EXISTS (SELECT 1 FROM meetings WHERE id = r.meeting_id) THEN
    PERFORM meeting_events_emit(r.meeting_id, 'item', r.id, r.case_id, NULL, NULL);
  END IF;
  RETURN NULL;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_events_on_meeting() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.current_item_id IS DISTINCT FROM OLD.current_item_id THEN
    PERFORM meeting_events_emit(NEW.id, 'meeting', NULL, NULL, NULL, NULL);
  END IF;
  RETURN NULL;
END
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION meeting_ids_showing_agreement(p_item uuid, p_case uuid) RETURNS SETOF uuid LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT DISTINCT m FROM (
    SELECT meeting_id AS m FROM agenda_items WHERE id = p_item
    UNION
    SELECT i.meeting_id FROM agenda_items i JOIN meetings mt ON mt.id = i.meeting_id
    WHERE i.case_id = p_case AND mt.status = 'bezig'
  ) x ORDER BY m
$body$;

-- casusregie_app may NOT execute
CREATE FUNCTION meeting_presence_expire(p_now timestamp with time zone) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE v_meeting uuid; v_count integer := 0;
BEGIN
  FOR v_meeting IN
    WITH gone AS (DELETE FROM meeting_presence WHERE last_seen < p_now - interval '45 seconds' RETURNING meeting_id)
    SELECT DISTINCT meeting_id FROM gone ORDER BY meeting_id
  LOOP
    PERFORM meeting_events_emit(v_meeting, 'presence', NULL, NULL, NULL, NULL);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_presence_leave(p_connection uuid) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE v_meeting uuid;
BEGIN
  DELETE FROM meeting_presence WHERE connection_id = p_connection AND user_id = app_user_id()
  RETURNING meeting_id INTO v_meeting;
  IF v_meeting IS NOT NULL THEN PERFORM meeting_events_emit(v_meeting, 'presence', NULL, NULL, NULL, NULL); END IF;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_presence_summary(p_meeting uuid, p_now timestamp with time zone) RETURNS TABLE(organisation_id uuid, organisation_name text, people integer) LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT p.organisation_id, o.name, count(DISTINCT p.user_id)::integer
  FROM meeting_presence p JOIN organisations o ON o.id = p.organisation_id
  WHERE p.meeting_id = p_meeting AND p.last_seen >= p_now - interval '45 seconds'
    AND (app_user_role() = 'regisseur'
         OR (app_user_role() = 'professional' AND p_meeting IN (SELECT app_invited_meeting_ids())))
  GROUP BY p.organisation_id, o.name
  ORDER BY o.name
$body$;

-- casusregie_app may execute
CREATE FUNCTION meeting_presence_touch(p_meeting uuid, p_connection uuid, p_now timestamp with time zone) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path=public
AS $body$
DECLARE v_new boolean;
BEGIN
  IF NOT (app_user_role() = 'regisseur'
          OR (app_user_role() = 'professional' AND p_meeting IN (SELECT app_invited_meeting_ids()))) THEN
    RETURN false;
  END IF;
  INSERT INTO meeting_presence (connection_id, meeting_id, user_id, organisation_id, last_seen)
  VALUES (p_connection, p_meeting, app_user_id(), app_user_org(), p_now)
  ON CONFLICT (connection_id) DO UPDATE SET last_seen = excluded.last_seen
    WHERE meeting_presence.user_id = excluded.user_id
  RETURNING (xmax = 0) INTO v_new;
  IF v_new THEN PERFORM meeting_events_emit(p_meeting, 'presence', NULL, NULL, NULL, NULL); END IF;
  RETURN true;
END
$body$;

-- casusregie_app may execute
CREATE FUNCTION organisation_name(p_organisation uuid) RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT name FROM organisations WHERE id = p_organisation
$body$;

-- casusregie_app may execute
CREATE FUNCTION staff_name(p_user uuid) RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path=public
AS $body$
  SELECT name FROM users WHERE id = p_user
$body$;

-- 5. The actor, as the policies read it (plain SQL, inlined into each statement)

CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql
AS $body$
 SELECT nullif(current_setting('app.user_id', true), '')::uuid
$body$;

CREATE FUNCTION app_user_org() RETURNS uuid LANGUAGE sql
AS $body$
  SELECT CASE WHEN current_setting('app.actor_of', true) = current_setting('app.user_id', true)
    THEN nullif(current_setting('app.user_org', true), '')::uuid
    ELSE public.app_user_org_of_record() END
$body$;

CREATE FUNCTION app_user_role() RETURNS user_role LANGUAGE sql
AS $body$
  SELECT CASE WHEN current_setting('app.actor_of', true) = current_setting('app.user_id', true)
    THEN nullif(current_setting('app.user_role', true), '')::public.user_role
    ELSE public.app_user_role_of_record() END
$body$;
