-- The dashboard's figures kept by the writes (issue 17, item 3): rollup tables per day × target group ×
-- municipality × organisation (and status, due date, level where a figure needs it), maintained by
-- statement-level triggers in the transaction of every write to cases, case_partners, referral_matches,
-- agreements and signals, whoever writes (app, sweep, retention, loader). A trigger recomputes the buckets
-- the statement touched from the base tables, so a cascade or an out-of-order statement cannot leave a
-- stale count. Each bucket is probed through an index (LATERAL: a parameterised scan per bucket, never a
-- hash over the table). The functions run as the migration role (SECURITY DEFINER): the app role only reads.
-- organisation_id '00000000-0000-0000-0000-000000000000' in the case tables counts every case; a partner's
-- own rows count the cases it is or was convened to.
CREATE TABLE dashboard_case_status (
  organisation_id uuid NOT NULL,
  status case_status NOT NULL,
  target_group target_group NOT NULL,
  municipality_code text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (organisation_id, status, target_group, municipality_code)
);
--> statement-breakpoint
CREATE INDEX dashboard_case_status_bucket_idx ON dashboard_case_status (status, target_group, municipality_code);
--> statement-breakpoint
-- kind: referred (created that day), repeat (a referral of a person whose case closed in the 12 months
-- before), triaged and closed (afgesloten) that day with whole_days = the whole days since referral, so
-- that a median is found by counting and then read from only the cases of its one day-bucket.
CREATE TABLE dashboard_case_days (
  organisation_id uuid NOT NULL,
  kind text NOT NULL,
  day date NOT NULL,
  target_group target_group NOT NULL,
  municipality_code text NOT NULL,
  whole_days integer NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (organisation_id, kind, day, target_group, municipality_code, whole_days)
);
--> statement-breakpoint
CREATE INDEX dashboard_case_days_day_idx ON dashboard_case_days (day);
--> statement-breakpoint
CREATE TABLE dashboard_agreements (
  owner_organisation_id uuid NOT NULL,
  due_date date NOT NULL,
  status agreement_status NOT NULL,
  on_time boolean NOT NULL,
  close_reason agreement_close_reason,
  target_group target_group NOT NULL,
  municipality_code text NOT NULL,
  n integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX dashboard_agreements_bucket_idx ON dashboard_agreements (owner_organisation_id, due_date);
--> statement-breakpoint
CREATE INDEX dashboard_agreements_due_idx ON dashboard_agreements (due_date);
--> statement-breakpoint
CREATE INDEX dashboard_agreements_open_idx ON dashboard_agreements (owner_organisation_id) WHERE status IN ('open', 'in_uitvoering');
--> statement-breakpoint
-- Signals: opened / resolved per Amsterdam day, and open now per level. No case: target group and
-- municipality are null (a case filter leaves them out, as the live query does).
CREATE TABLE dashboard_signal_days (
  kind text NOT NULL,
  day date NOT NULL,
  organisation_id uuid,
  target_group target_group,
  municipality_code text,
  n integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX dashboard_signal_days_day_idx ON dashboard_signal_days (day, kind);
--> statement-breakpoint
CREATE TABLE dashboard_signal_open (
  organisation_id uuid,
  level integer NOT NULL,
  target_group target_group,
  municipality_code text,
  n integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX dashboard_signal_open_bucket_idx ON dashboard_signal_open ((coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)), level);
--> statement-breakpoint
-- What the triggers probe: a status bucket, the cases of one whole-day bucket of a median, and the open
-- signals of one organisation and level.
CREATE INDEX cases_rollup_status_idx ON cases (status, target_group, municipality_code);
--> statement-breakpoint
CREATE INDEX cases_triage_days_idx ON cases ((floor(date_part('epoch', triaged_at - created_at) / 86400)), triaged_at) WHERE triaged_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX cases_closure_days_idx ON cases ((floor(date_part('epoch', closed_at - created_at) / 86400)), closed_at) WHERE status = 'afgesloten';
--> statement-breakpoint
CREATE INDEX signals_open_org_level_idx ON signals ((coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)), level) WHERE status <> 'resolved';
--> statement-breakpoint
ALTER TABLE dashboard_case_status ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_case_days ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_agreements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_signal_days ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_signal_open ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dashboard_case_status_select ON dashboard_case_status FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_case_days_select ON dashboard_case_days FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_agreements_select ON dashboard_agreements FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_signal_days_select ON dashboard_signal_days FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_signal_open_select ON dashboard_signal_open FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
REVOKE ALL ON dashboard_case_status, dashboard_case_days, dashboard_agreements, dashboard_signal_days, dashboard_signal_open FROM casusregie_app;
--> statement-breakpoint
GRANT SELECT ON dashboard_case_status, dashboard_case_days, dashboard_agreements, dashboard_signal_days, dashboard_signal_open TO casusregie_app;
--> statement-breakpoint
-- Two transactions recounting the same bucket would each delete and insert what their own snapshot saw
-- (a lost count, or a duplicate key). A refresh first takes transaction locks on its buckets (hashed into
-- 64 slots per rollup, in order; the next statement's snapshot then sees the other's committed rows).
-- The rebuild runs alone in a loader's or migration's transaction and takes none.
CREATE FUNCTION dashboard_lock_buckets(p_rollup integer, p_keys text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(p_rollup, s.slot)
  FROM (SELECT DISTINCT abs(hashtext(k) % 64) AS slot FROM unnest(p_keys) k ORDER BY 1) s;
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_refresh_case_status(p_status case_status[], p_group target_group[], p_municipality text[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_refresh_case_days(p_days date[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_refresh_agreements(p_owner uuid[], p_due date[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_refresh_signal_days(p_days date[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_refresh_signal_open(p_organisation uuid[], p_level integer[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
-- Touched cases: their status buckets and days, the days of the referrals matched to them (a repeat depends
-- on the earlier case), and, when their target group or municipality moved, their agreements and signals.
CREATE FUNCTION dashboard_touch_cases(p_rows cases[], p_moved uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_cases_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
-- A partner or a match changes which figures its case counts in: the case is touched again (if it still
-- exists: a case's own delete refreshes its buckets).
CREATE FUNCTION dashboard_case_links_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_agreements_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_signals_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_cases_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_cases_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_cases_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON case_partners REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_case_links_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON case_partners REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_case_links_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON case_partners REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_case_links_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON referral_matches REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_case_links_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON referral_matches REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_case_links_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON referral_matches REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_case_links_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON agreements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_agreements_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON agreements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_agreements_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON agreements REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_agreements_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON signals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_signals_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON signals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_signals_changed();
--> statement-breakpoint
CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON signals REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_signals_changed();
--> statement-breakpoint
-- Every rollup from scratch, in one set-based pass per table: the backfill below and the bulk loader
-- (scripts/scale, which switches the triggers off while it copies) both end with it.
CREATE FUNCTION dashboard_rollups_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
END $$;
--> statement-breakpoint
SELECT dashboard_rollups_rebuild();
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION dashboard_refresh_case_status(case_status[], target_group[], text[], boolean), dashboard_refresh_case_days(date[], boolean),
  dashboard_refresh_agreements(uuid[], date[], boolean), dashboard_refresh_signal_days(date[], boolean),
  dashboard_refresh_signal_open(uuid[], integer[], boolean), dashboard_touch_cases(cases[], uuid[]), dashboard_lock_buckets(integer, text[]),
  dashboard_rollups_rebuild() FROM PUBLIC;
