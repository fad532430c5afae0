-- The dashboard's rollups per month and per scope shape (issue 17, item 3). The day rollups of 0037 hardly
-- compress at national scale: a key of day × target group × municipality holds one case or agreement, so
-- a year's dashboard summed about a million of them. These tables hold the same counts per calendar month
-- and once per filter shape: the target group and the municipality are each either a value or '*' (every
-- value). An unfiltered dashboard then reads per month a row per owner and status, whatever the number of
-- cases; the days at the ends of a period that do not fill a month are read from the day rollups.
-- They are kept from the day rollups, by difference: the refresh of a day bucket (already serialised per
-- bucket by its advisory lock) subtracts the bucket's rows before it recounts them and adds them after.
-- Additions commute, so two transactions adding to one month row only wait for each other's row lock.
CREATE TABLE dashboard_agreement_months (
  target_group text NOT NULL,
  municipality_code text NOT NULL,
  owner_organisation_id uuid NOT NULL,
  month date NOT NULL,
  status agreement_status NOT NULL,
  on_time boolean NOT NULL,
  close_reason text NOT NULL,
  n integer NOT NULL,
  -- Σ n × (due date − 2000-01-01): the days overdue of a month's agreements are n × today − this.
  due_days bigint NOT NULL,
  PRIMARY KEY (target_group, municipality_code, owner_organisation_id, month, status, on_time, close_reason)
);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_months_period_idx ON dashboard_agreement_months (target_group, municipality_code, month)
  INCLUDE (owner_organisation_id, status, on_time, close_reason, n);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_months_open_idx ON dashboard_agreement_months (target_group, municipality_code, owner_organisation_id)
  INCLUDE (month, status, n, due_days) WHERE status IN ('open', 'in_uitvoering');
--> statement-breakpoint
CREATE INDEX dashboard_agreement_months_zero_idx ON dashboard_agreement_months (owner_organisation_id, month) WHERE n = 0;
--> statement-breakpoint
CREATE TABLE dashboard_case_months (
  organisation_id uuid NOT NULL,
  kind text NOT NULL,
  target_group text NOT NULL,
  municipality_code text NOT NULL,
  month date NOT NULL,
  whole_days integer NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (organisation_id, kind, target_group, municipality_code, month, whole_days)
);
--> statement-breakpoint
-- Per municipality: one range of months, every municipality in it.
CREATE INDEX dashboard_case_months_period_idx ON dashboard_case_months (organisation_id, kind, target_group, month)
  INCLUDE (municipality_code, whole_days, n);
--> statement-breakpoint
CREATE INDEX dashboard_case_months_zero_idx ON dashboard_case_months (month) WHERE n = 0;
--> statement-breakpoint
ALTER TABLE dashboard_agreement_months ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_case_months ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dashboard_agreement_months_select ON dashboard_agreement_months FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_case_months_select ON dashboard_case_months FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
REVOKE ALL ON dashboard_agreement_months, dashboard_case_months FROM casusregie_app;
--> statement-breakpoint
GRANT SELECT ON dashboard_agreement_months, dashboard_case_months TO casusregie_app;
--> statement-breakpoint
-- Adds p_sign × the day rollup's rows of these (owner, due date) buckets to their months, in every shape.
-- In key order, so that two transactions lock shared month rows in the same order.
CREATE FUNCTION dashboard_add_agreement_months(p_owner uuid[], p_due date[], p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO dashboard_agreement_months AS m
    (target_group, municipality_code, owner_organisation_id, month, status, on_time, close_reason, n, due_days)
  SELECT coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'), r.owner_organisation_id,
         date_trunc('month', r.due_date)::date, r.status, r.on_time, coalesce(r.close_reason::text, '-'),
         p_sign * sum(r.n), p_sign * sum(r.n::bigint * (r.due_date - date '2000-01-01'))
  FROM (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_agreements r WHERE r.owner_organisation_id = b.owner AND r.due_date = b.due) r
  GROUP BY r.owner_organisation_id, date_trunc('month', r.due_date), r.status, r.on_time, r.close_reason,
    GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ())
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (target_group, municipality_code, owner_organisation_id, month, status, on_time, close_reason)
  DO UPDATE SET n = m.n + excluded.n, due_days = m.due_days + excluded.due_days;
  IF p_sign > 0 THEN
    DELETE FROM dashboard_agreement_months m
    USING (SELECT DISTINCT owner, date_trunc('month', due)::date FROM unnest(p_owner, p_due) b(owner, due)) b(owner, month)
    WHERE m.n = 0 AND m.owner_organisation_id = b.owner AND m.month = b.month;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_add_case_months(p_days date[], p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO dashboard_case_months AS m (organisation_id, kind, target_group, municipality_code, month, whole_days, n)
  SELECT r.organisation_id, r.kind, coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'),
         date_trunc('month', r.day)::date, r.whole_days, p_sign * sum(r.n)
  FROM (SELECT DISTINCT day FROM unnest(p_days) day) b
    CROSS JOIN LATERAL (SELECT * FROM dashboard_case_days r WHERE r.day = b.day) r
  GROUP BY r.organisation_id, r.kind, date_trunc('month', r.day), r.whole_days,
    GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ())
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (organisation_id, kind, target_group, municipality_code, month, whole_days)
  DO UPDATE SET n = m.n + excluded.n;
  IF p_sign > 0 THEN
    DELETE FROM dashboard_case_months m
    USING (SELECT DISTINCT date_trunc('month', day)::date FROM unnest(p_days) day) b(month)
    WHERE m.n = 0 AND m.month = b.month;
  END IF;
END $$;
--> statement-breakpoint
-- As in 0037, plus the months: a refresh with p_lock (every trigger) takes its buckets out of their months
-- before it recounts them and puts them back after. The rebuild (p_lock false) fills the months once at
-- the end.
CREATE OR REPLACE FUNCTION dashboard_refresh_case_days(p_days date[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(2, p_days::text[]);
    PERFORM dashboard_add_case_months(p_days, -1);
  END IF;
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
  IF p_lock THEN PERFORM dashboard_add_case_months(p_days, 1); END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_refresh_agreements(p_owner uuid[], p_due date[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(3, array(SELECT concat_ws('|', o, d) FROM unnest(p_owner, p_due) b(o, d)));
    PERFORM dashboard_add_agreement_months(p_owner, p_due, -1);
  END IF;
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
  IF p_lock THEN PERFORM dashboard_add_agreement_months(p_owner, p_due, 1); END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_months_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  TRUNCATE dashboard_agreement_months, dashboard_case_months;
  PERFORM dashboard_add_agreement_months(array_agg(owner_organisation_id), array_agg(due_date), 1)
  FROM (SELECT DISTINCT owner_organisation_id, due_date FROM dashboard_agreements) b;
  PERFORM dashboard_add_case_months(array(SELECT DISTINCT day FROM dashboard_case_days), 1);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_rollups_rebuild() RETURNS void
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
  PERFORM dashboard_months_rebuild();
END $$;
--> statement-breakpoint
SELECT dashboard_months_rebuild();
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION dashboard_add_agreement_months(uuid[], date[], integer), dashboard_add_case_months(date[], integer),
  dashboard_months_rebuild() FROM PUBLIC;
