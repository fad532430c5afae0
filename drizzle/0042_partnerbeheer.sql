-- A partner organisation's own administrator (issue 18 item 2): role partnerbeheer manages the users of
-- its own organisation only, and sees no case content (no case policy names the role, so every case table
-- stays closed to it). The migrator runs all pending migrations in one transaction, where a new enum value
-- cannot be used yet: the policies below compare the role as text, never as a user_role literal.
ALTER TYPE "user_role" ADD VALUE IF NOT EXISTS 'partnerbeheer';--> statement-breakpoint
-- Every other role still reads every account (names on cases, meetings, agreements); a partnerbeheerder
-- reads only the accounts of its own organisation, so a guessed id of another organisation's user finds
-- nothing, whatever the application asks. (IS DISTINCT FROM: no signed-in user is no partnerbeheerder.)
CREATE POLICY users_partnerbeheer_scope ON users AS RESTRICTIVE FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role())::text IS DISTINCT FROM 'partnerbeheer'
         OR organisation_id = (SELECT app_user_org()));--> statement-breakpoint
-- It blocks and unblocks the professionals and partnerbeheerders of its own organisation (not itself,
-- lib/users refuses that with a message); role and organisation stay as they were (app_role_of, app_org_of),
-- as for an admin: those change only by an approved grant, as the owner.
CREATE POLICY users_partnerbeheer_update ON users FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role())::text = 'partnerbeheer'
         AND organisation_id = (SELECT app_user_org())
         AND role::text IN ('professional', 'partnerbeheer'))
  WITH CHECK ((SELECT app_user_role())::text = 'partnerbeheer'
              AND organisation_id = (SELECT app_user_org())
              AND role = app_role_of(id)
              AND organisation_id = app_org_of(id));
