-- Every case policy trusts users.role and users.organisation_id (app_user_role(), app_user_org()), yet the
-- app role could rewrite them: one forgotten check or injected statement, and a professional made
-- themselves regisseur and saw every case. Now only an admin creates, changes or removes users; anyone may
-- change their own row (name, language) but not their role, organisation or active flag. The checks read
-- role and organisation through the definer functions, which see the row as it was before the statement.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_select ON users FOR SELECT TO casusregie_app USING (true);
--> statement-breakpoint
CREATE POLICY users_insert ON users FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role()) = 'admin');
--> statement-breakpoint
CREATE POLICY users_update ON users FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role()) = 'admin' OR id = (SELECT app_user_id()))
  WITH CHECK (
    (SELECT app_user_role()) = 'admin'
    OR (id = (SELECT app_user_id()) AND role = (SELECT app_user_role())
        AND organisation_id = (SELECT app_user_org()) AND active)
  );
--> statement-breakpoint
CREATE POLICY users_delete ON users FOR DELETE TO casusregie_app
  USING ((SELECT app_user_role()) = 'admin');
