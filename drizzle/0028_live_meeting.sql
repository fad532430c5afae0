-- The live casusoverleg: what is being discussed, who is connected, a partner's confirmation of its agreement,
-- and an event log that every app instance follows through LISTEN/NOTIFY.
--
-- Events are written by triggers, so every write to a meeting, its agenda, its agreements or their
-- confirmations produces one, whoever's code made it. A row holds ids only, never case text. The app role
-- cannot read the log: it asks meeting_events_after(), which applies the meeting page's access policy and
-- turns an event about a case the reader's organisation is not convened to into a bare 'besloten' tick.

ALTER TABLE meetings ADD COLUMN current_item_id uuid REFERENCES agenda_items(id) ON DELETE SET NULL;
--> statement-breakpoint
CREATE TABLE meeting_events (
  id bigserial PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('meeting', 'item', 'agreement', 'confirmation', 'presence')),
  agenda_item_id uuid,
  case_id uuid,
  agreement_id uuid,
  organisation_id uuid,
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX meeting_events_meeting_idx ON meeting_events (meeting_id, id);
--> statement-breakpoint
ALTER TABLE meeting_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON meeting_events FROM casusregie_app;
--> statement-breakpoint
REVOKE ALL ON SEQUENCE meeting_events_id_seq FROM casusregie_app;
--> statement-breakpoint
CREATE TABLE meeting_presence (
  connection_id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  last_seen timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX meeting_presence_meeting_idx ON meeting_presence (meeting_id, last_seen);
--> statement-breakpoint
ALTER TABLE meeting_presence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON meeting_presence FROM casusregie_app;
--> statement-breakpoint
CREATE TABLE agreement_confirmations (
  agreement_id uuid PRIMARY KEY REFERENCES agreements(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  response text NOT NULL CHECK (response IN ('akkoord', 'vraag')),
  question text CHECK ((response = 'vraag') = (question IS NOT NULL)),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
ALTER TABLE agreement_confirmations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agreement_confirmations_select ON agreement_confirmations FOR SELECT TO casusregie_app
  USING (agreement_id IN (SELECT id FROM agreements));
--> statement-breakpoint
-- Only a professional of the owning organisation answers for it.
CREATE POLICY agreement_confirmations_insert ON agreement_confirmations FOR INSERT TO casusregie_app WITH CHECK (
  (SELECT app_user_role() = 'professional')
  AND user_id = (SELECT app_user_id()) AND organisation_id = (SELECT app_user_org())
  AND EXISTS (SELECT 1 FROM agreements a WHERE a.id = agreement_id AND a.owner_organisation_id = (SELECT app_user_org()))
);
--> statement-breakpoint
CREATE POLICY agreement_confirmations_update ON agreement_confirmations FOR UPDATE TO casusregie_app
  USING ((SELECT app_user_role() = 'professional') AND organisation_id = (SELECT app_user_org()))
  WITH CHECK (
    (SELECT app_user_role() = 'professional')
    AND user_id = (SELECT app_user_id()) AND organisation_id = (SELECT app_user_org())
    AND EXISTS (SELECT 1 FROM agreements a WHERE a.id = agreement_id AND a.owner_organisation_id = (SELECT app_user_org()))
  );
--> statement-breakpoint
REVOKE DELETE ON agreement_confirmations FROM casusregie_app;
--> statement-breakpoint
-- One event, announced after commit. The transaction lock per meeting (held to commit) makes the ids of one
-- meeting's events follow commit order, so a reader that has seen id N can never later find a smaller id
-- committed: "everything after Last-Event-ID" misses nothing.
CREATE FUNCTION meeting_events_emit(p_meeting uuid, p_kind text, p_item uuid, p_case uuid, p_agreement uuid, p_org uuid)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE v_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(28, hashtext(p_meeting::text));
  INSERT INTO meeting_events (meeting_id, kind, agenda_item_id, case_id, agreement_id, organisation_id)
  VALUES (p_meeting, p_kind, p_item, p_case, p_agreement, p_org)
  RETURNING id INTO v_id;
  PERFORM pg_notify('meeting_events', p_meeting::text || ':' || v_id::text);
END $$;
--> statement-breakpoint
CREATE FUNCTION meeting_events_on_meeting() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.current_item_id IS DISTINCT FROM OLD.current_item_id THEN
    PERFORM meeting_events_emit(NEW.id, 'meeting', NULL, NULL, NULL, NULL);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_events_meetings AFTER UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION meeting_events_on_meeting();
--> statement-breakpoint
CREATE FUNCTION meeting_events_on_invitee() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE r record;
BEGIN
  r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  PERFORM meeting_events_emit(r.meeting_id, 'meeting', NULL, NULL, NULL, NULL);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_events_invitees AFTER INSERT OR UPDATE OR DELETE ON meeting_invitees
  FOR EACH ROW EXECUTE FUNCTION meeting_events_on_invitee();
--> statement-breakpoint
CREATE FUNCTION meeting_events_on_item() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE r record;
BEGIN
  r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  -- A meeting deleted as a whole takes its items along; nobody follows it any more.
  IF EXISTS (SELECT 1 FROM meetings WHERE id = r.meeting_id) THEN
    PERFORM meeting_events_emit(r.meeting_id, 'item', r.id, r.case_id, NULL, NULL);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_events_items AFTER INSERT OR UPDATE OR DELETE ON agenda_items
  FOR EACH ROW EXECUTE FUNCTION meeting_events_on_item();
--> statement-breakpoint
-- The meetings where an agreement shows: the one it was made in, and every running meeting with its case on
-- the agenda (its afsprakencheck). Ordered, so two transactions take the meetings' locks in the same order.
CREATE FUNCTION meeting_ids_showing_agreement(p_item uuid, p_case uuid) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT m FROM (
    SELECT meeting_id AS m FROM agenda_items WHERE id = p_item
    UNION
    SELECT i.meeting_id FROM agenda_items i JOIN meetings mt ON mt.id = i.meeting_id
    WHERE i.case_id = p_case AND mt.status = 'bezig'
  ) x ORDER BY m
$$;
--> statement-breakpoint
CREATE FUNCTION meeting_events_on_agreement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE v_meeting uuid;
BEGIN
  FOR v_meeting IN SELECT meeting_ids_showing_agreement(NEW.agenda_item_id, NEW.case_id) LOOP
    PERFORM meeting_events_emit(v_meeting, 'agreement', NEW.agenda_item_id, NEW.case_id, NEW.id, NEW.owner_organisation_id);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_events_agreements AFTER INSERT OR UPDATE ON agreements
  FOR EACH ROW EXECUTE FUNCTION meeting_events_on_agreement();
--> statement-breakpoint
CREATE FUNCTION meeting_events_on_confirmation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE a record; v_meeting uuid;
BEGIN
  SELECT agenda_item_id, case_id INTO a FROM agreements WHERE id = NEW.agreement_id;
  FOR v_meeting IN SELECT meeting_ids_showing_agreement(a.agenda_item_id, a.case_id) LOOP
    PERFORM meeting_events_emit(v_meeting, 'confirmation', a.agenda_item_id, a.case_id, NEW.agreement_id, NEW.organisation_id);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_events_confirmations AFTER INSERT OR UPDATE ON agreement_confirmations
  FOR EACH ROW EXECUTE FUNCTION meeting_events_on_confirmation();
--> statement-breakpoint
-- The reader's view of the log, with the meeting page's rules: the house's regisseurs see all; a professional
-- of an invited organisation sees events of cases it is convened to, and of any other case only that
-- something happened ('besloten', no ids). Everyone else: nothing.
CREATE FUNCTION meeting_events_after(p_meeting uuid, p_after bigint, p_limit integer)
RETURNS TABLE (id bigint, kind text, agenda_item_id uuid, agreement_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
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
$$;
--> statement-breakpoint
CREATE FUNCTION meeting_events_latest(p_meeting uuid) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(max(e.id), 0) FROM meeting_events e
  WHERE e.meeting_id = p_meeting
    AND (app_user_role() = 'regisseur'
         OR (app_user_role() = 'professional' AND p_meeting IN (SELECT app_invited_meeting_ids())))
$$;
--> statement-breakpoint
-- Presence: one row per open event stream, its heartbeat renewing last_seen. A new connection is an event.
CREATE FUNCTION meeting_presence_touch(p_meeting uuid, p_connection uuid, p_now timestamptz) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION meeting_presence_leave(p_connection uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE v_meeting uuid;
BEGIN
  DELETE FROM meeting_presence WHERE connection_id = p_connection AND user_id = app_user_id()
  RETURNING meeting_id INTO v_meeting;
  IF v_meeting IS NOT NULL THEN PERFORM meeting_events_emit(v_meeting, 'presence', NULL, NULL, NULL, NULL); END IF;
END $$;
--> statement-breakpoint
-- Streams of an instance that died leave rows behind: any instance clears them after 45 seconds of silence.
CREATE FUNCTION meeting_presence_expire(p_now timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
-- Who is connected, per organisation: names of organisations and a head count, never a person's name.
CREATE FUNCTION meeting_presence_summary(p_meeting uuid, p_now timestamptz)
RETURNS TABLE (organisation_id uuid, organisation_name text, people integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.organisation_id, o.name, count(DISTINCT p.user_id)::integer
  FROM meeting_presence p JOIN organisations o ON o.id = p.organisation_id
  WHERE p.meeting_id = p_meeting AND p.last_seen >= p_now - interval '45 seconds'
    AND (app_user_role() = 'regisseur'
         OR (app_user_role() = 'professional' AND p_meeting IN (SELECT app_invited_meeting_ids())))
  GROUP BY p.organisation_id, o.name
  ORDER BY o.name
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION meeting_events_emit(uuid, text, uuid, uuid, uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION meeting_presence_expire(timestamptz) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION meeting_ids_showing_agreement(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION meeting_events_after(uuid, bigint, integer), meeting_events_latest(uuid),
  meeting_presence_touch(uuid, uuid, timestamptz), meeting_presence_leave(uuid),
  meeting_presence_summary(uuid, timestamptz) TO casusregie_app;
