-- Row-level security for case data, keyed on current_setting('app.user_id'). The app sets it, and the
-- role casusregie_app, at the start of every transaction (db/transaction.ts). Role and organisation
-- are read from users by SECURITY DEFINER functions, so a policy never trusts more than the user id.

CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_role() RETURNS user_role
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT role FROM users WHERE id = app_user_id() AND active
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_org() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT organisation_id FROM users WHERE id = app_user_id() AND active
$$;
--> statement-breakpoint
-- The cases the actor's organisation is convened to now; definer rights avoid policy recursion.
CREATE OR REPLACE FUNCTION app_convened_case_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT case_id FROM case_partners WHERE organisation_id = app_user_org() AND ended_at IS NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_is_referrer(p_case uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM cases WHERE id = p_case AND referrer_user_id = app_user_id())
$$;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_select ON cases FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) = 'regisseur'
  OR ((SELECT app_user_role()) = 'professional'
      AND (id IN (SELECT app_convened_case_ids()) OR referrer_user_id = (SELECT app_user_id())))
);
--> statement-breakpoint
CREATE POLICY cases_insert ON cases FOR INSERT TO casusregie_app WITH CHECK (
  (SELECT app_user_role()) IN ('regisseur', 'professional')
  AND referrer_user_id = (SELECT app_user_id())
  AND referrer_organisation_id = (SELECT app_user_org())
  AND status = 'aangemeld'
);
--> statement-breakpoint
CREATE POLICY cases_update ON cases FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur')
  WITH CHECK ((SELECT app_user_role()) = 'regisseur');
--> statement-breakpoint
ALTER TABLE case_partners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_partners_select ON case_partners FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) IN ('regisseur', 'manager')
  OR ((SELECT app_user_role()) = 'professional' AND case_id IN (SELECT app_convened_case_ids()))
);
--> statement-breakpoint
CREATE POLICY case_partners_write ON case_partners FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role()) = 'regisseur' AND added_by_user_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY case_partners_update ON case_partners FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role()) = 'regisseur')
  WITH CHECK ((SELECT app_user_role()) = 'regisseur');
--> statement-breakpoint
ALTER TABLE case_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_events_select ON case_events FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) = 'regisseur'
  OR ((SELECT app_user_role()) = 'professional' AND case_id IN (SELECT app_convened_case_ids()))
);
--> statement-breakpoint
CREATE POLICY case_events_insert ON case_events FOR INSERT TO casusregie_app WITH CHECK (
  actor_user_id = (SELECT app_user_id())
  AND ((SELECT app_user_role()) = 'regisseur'
       OR (kind = 'status' AND to_status = 'aangemeld' AND app_is_referrer(case_id)))
);
--> statement-breakpoint
REVOKE DELETE ON cases, case_events, case_partners FROM casusregie_app;
--> statement-breakpoint
-- Managers see cases only through this pseudonymised view: no name, birth date, address or free text.
CREATE VIEW case_facts AS
  SELECT id, number, status, target_group, municipality_code, regisseur_user_id, triage_decision,
         pause_reason, created_at, updated_at, triaged_at, closed_at, version
  FROM cases
  WHERE (SELECT app_user_role()) IN ('manager', 'regisseur');
--> statement-breakpoint
GRANT SELECT ON case_facts TO casusregie_app;
--> statement-breakpoint
-- Audit log: the app role may only append, through audit_append(), which chains each row's hash to the
-- previous one under an advisory lock (safe under concurrent inserts). audit_head remembers the last
-- row, so that removing the newest rows is detected too.
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id integer NOT NULL,
  last_hash text NOT NULL
);
--> statement-breakpoint
REVOKE ALL ON audit_head FROM casusregie_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM casusregie_app;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_log_select ON audit_log FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role()) = 'admin'
  OR ((SELECT app_user_role()) = 'regisseur' AND case_id IS NOT NULL)
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_row_hash(prev text, r audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    prev, r.id::text, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(r.user_id::text, '-'), coalesce(r.organisation_id::text, '-'), coalesce(r.role::text, '-'),
    r.action::text, r.entity, coalesce(r.entity_id, '-'), coalesce(r.case_id::text, '-'),
    coalesce(r.case_number, '-'), r.outcome, coalesce(r.ip, '-'), coalesce(r.user_agent, '-'),
    coalesce(r.details::text, '-')), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_append(
  p_user uuid, p_organisation uuid, p_role user_role, p_action audit_action, p_entity text,
  p_entity_id text, p_case uuid, p_case_number text, p_outcome text, p_ip text, p_user_agent text,
  p_details jsonb
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  prev text;
  row audit_log;
BEGIN
  -- Called as the app role, an entry can only be written in the actor's own name.
  IF current_user = 'casusregie_app' AND p_user IS DISTINCT FROM app_user_id() THEN
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
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_append(uuid, uuid, user_role, audit_action, text, text, uuid, text, text, text, text, jsonb) TO casusregie_app;
