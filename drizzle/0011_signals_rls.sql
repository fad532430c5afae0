-- Signals carry no personal data (a rule, numbers, a case id), but only the people who steer on them see
-- them: regisseurs (who resolve or snooze) and managers. The sweep writes them as the owner.
ALTER TABLE signals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY signals_select ON signals FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role()) IN ('regisseur', 'manager'));
--> statement-breakpoint
CREATE POLICY signals_update ON signals FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur') WITH CHECK ((SELECT app_user_role()) = 'regisseur');
--> statement-breakpoint
REVOKE INSERT, DELETE ON signals FROM casusregie_app;
--> statement-breakpoint
ALTER TABLE signal_escalations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY signal_escalations_select ON signal_escalations FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role()) IN ('regisseur', 'manager'));
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON signal_escalations FROM casusregie_app;
--> statement-breakpoint
ALTER TABLE organisation_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organisation_contacts_select ON organisation_contacts FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role()) IN ('admin', 'regisseur', 'manager'));
--> statement-breakpoint
CREATE POLICY organisation_contacts_write ON organisation_contacts FOR ALL TO casusregie_app
  USING ((SELECT app_user_role()) = 'admin') WITH CHECK ((SELECT app_user_role()) = 'admin');
--> statement-breakpoint
-- Mail is written by the sweep and delivered by the worker as the owner; admins read it in the dev mailbox.
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mail_outbox_admin_read ON mail_outbox FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role()) = 'admin');
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON mail_outbox FROM casusregie_app;
