-- A blockade raises its signal in the transaction that reports it, not at the next sweep. The reporter (often
-- a partner professional) may neither read nor write signals, so this one door opens a signal for the
-- agreement it names, only while that agreement is blocked and still runs in a case that is not ended, only for
-- the user who reported that very blockade, with the key and the moment the sweep's rule gives it (the sweep
-- then finds it open and adds none).
CREATE FUNCTION app_raise_blocked_signal(p_agreement uuid, p_message text, p_now timestamptz) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_raise_blocked_signal(uuid, text, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_raise_blocked_signal(uuid, text, timestamptz) TO casusregie_app;
