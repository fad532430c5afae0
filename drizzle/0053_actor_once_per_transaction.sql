-- Row-level security asked the users table for the actor's role and organisation in every policy clause.
-- app_user_role() and app_user_org() were definer functions with their own search_path, which PostgreSQL
-- cannot inline: each of a statement's policy references ran a lookup of its own (bench:explain at
-- 1,000,000 cases: some 0.03 ms each, 27 of them in the statement that logs progress). Removing them made
-- no difference to PostgreSQL's CPU per answer that the bench could tell from its noise (docs/performance.md,
-- round 7); it stays for plans without a lookup per policy reference.
--
-- app_become(user) now looks the actor up once, when a transaction becomes the user's, and keeps role and
-- organisation beside app.user_id (transaction-local, like app.user_id itself). The two functions read them
-- there, as plain SQL that is inlined, as long as app.user_id is still the user they were looked up for
-- (app.actor_of); otherwise they look the user up as before, so a transaction that sets app.user_id itself
-- still gets the right answer. The trust is the one app.user_id already had: the database takes the actor
-- from the transaction's settings, which only the app's own connection can make.
CREATE FUNCTION app_user_role_of_record() RETURNS user_role
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT role FROM users WHERE id = app_user_id() AND active
$$;
--> statement-breakpoint
CREATE FUNCTION app_user_org_of_record() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT organisation_id FROM users WHERE id = app_user_id() AND active
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_role() RETURNS user_role
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('app.actor_of', true) = current_setting('app.user_id', true)
    THEN nullif(current_setting('app.user_role', true), '')::public.user_role
    ELSE public.app_user_role_of_record() END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_org() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('app.actor_of', true) = current_setting('app.user_id', true)
    THEN nullif(current_setting('app.user_org', true), '')::uuid
    ELSE public.app_user_org_of_record() END
$$;
--> statement-breakpoint
-- Makes the transaction the user's: app.user_id, and the role and organisation of an active user. An inactive
-- or unknown one gets none, so every policy that asks for a role or organisation refuses, as before; policies
-- on a user's own rows (app_user_id() alone) do not ask, and the session check refuses such a user first.
-- The role switch stays with the caller: a definer function may not change the role.
CREATE FUNCTION app_become(p_user uuid) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  SELECT set_config('app.user_id', coalesce(p_user::text, ''), true)
      || set_config('app.user_role', coalesce(u.role::text, ''), true)
      || set_config('app.user_org', coalesce(u.organisation_id::text, ''), true)
      || set_config('app.actor_of', coalesce(p_user::text, ''), true)
  FROM (SELECT 1) one LEFT JOIN users u ON u.id = p_user AND u.active
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_become(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_become(uuid) TO casusregie_app;
