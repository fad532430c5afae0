-- Closing gaps the RLS suite found: the app role never needs password hashes or session rows (sign-in
-- and session checks run as the owner), and a new referral cannot arrive pre-triaged or pre-assigned.
REVOKE SELECT ON users FROM casusregie_app;
--> statement-breakpoint
GRANT SELECT (id, organisation_id, email, name, role, active, session_version, locale, last_sign_in_at, version, created_at, updated_at)
  ON users TO casusregie_app;
--> statement-breakpoint
REVOKE ALL ON user_sessions FROM casusregie_app;
--> statement-breakpoint
DROP POLICY cases_insert ON cases;
--> statement-breakpoint
CREATE POLICY cases_insert ON cases FOR INSERT TO casusregie_app WITH CHECK (
  (SELECT app_user_role()) IN ('regisseur', 'professional')
  AND referrer_user_id = (SELECT app_user_id())
  AND referrer_organisation_id = (SELECT app_user_org())
  AND status = 'aangemeld'
  AND triage_decision IS NULL AND triaged_at IS NULL AND case_lead_user_id IS NULL AND closed_at IS NULL
  AND (regisseur_user_id IS NULL
       OR (regisseur_user_id = (SELECT app_user_id()) AND (SELECT app_user_role()) = 'regisseur'))
);
