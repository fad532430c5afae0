-- audit_append() refused an entry in another user's name only "IF current_user = 'casusregie_app'", but
-- inside a SECURITY DEFINER function current_user is the function's owner, so the check never fired and
-- the app role could write entries in anyone's name (or in no one's). The caller's role is read from the
-- role setting (SET LOCAL ROLE, db/transaction.ts) or the login; and once app.user_id is set, an entry
-- can only be in that user's name, whoever calls.
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
$$;
