-- The dashboard's rollups per month and per scope shape (issue 17, item 3). The day rollups of 0037 hardly
-- compress at national scale: a key of day × target group × municipality holds one case or agreement, so
-- a year's dashboard summed about a million of them. These tables hold the same counts per calendar month
-- and once per filter shape: the target group and the municipality are each either a value or '*' (every
-- value). An unfiltered dashboard then reads per month a row per owner (or per whole-day bucket of a
-- median), whatever the number of cases; the days at the ends of a period that do not fill a month are read from the day rollups.
-- They are kept from the day rollups, by difference: the refresh of a day bucket (already serialised per
-- bucket by its advisory lock) subtracts the bucket's rows before it recounts them and adds them after.
-- The differences are appended to a changes table, never updated in place: a month row is shared by every
-- write of an owner in that month, and a transaction holding it while it waits for another's lock would
-- deadlock with it (measured: eight concurrent writers did). The readers add the changes to the months;
-- dashboard_fold_months, after every sweep, sums them into the months in one short transaction.
CREATE TABLE dashboard_agreement_months (
  target_group text NOT NULL,
  municipality_code text NOT NULL,
  owner_organisation_id uuid NOT NULL,
  month date NOT NULL,
  -- One row per owner and month with a column per figure: a year of an owner is twelve rows.
  n integer NOT NULL,
  open integer NOT NULL,
  -- Σ (due date − 2000-01-01) of the open ones: their days overdue are open × (today − 2000-01-01) − this.
  open_due_days bigint NOT NULL,
  done integer NOT NULL,
  done_on_time integer NOT NULL,
  expired integer NOT NULL,
  not_possible integer NOT NULL,
  not_carried_out integer NOT NULL,
  PRIMARY KEY (target_group, municipality_code, owner_organisation_id, month)
);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_months_period_idx ON dashboard_agreement_months (target_group, municipality_code, month)
  INCLUDE (owner_organisation_id, n, done, done_on_time, expired, not_possible, not_carried_out);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_months_open_idx ON dashboard_agreement_months (target_group, municipality_code, owner_organisation_id)
  INCLUDE (month, open, open_due_days) WHERE open <> 0;
--> statement-breakpoint
CREATE INDEX dashboard_agreement_months_zero_idx ON dashboard_agreement_months (month) WHERE n = 0;
--> statement-breakpoint
CREATE TABLE dashboard_agreement_month_changes (LIKE dashboard_agreement_months);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_month_changes_idx ON dashboard_agreement_month_changes (target_group, municipality_code, month);
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
-- Per municipality: the months of the period, every municipality in them.
CREATE INDEX dashboard_case_months_municipality_idx ON dashboard_case_months (organisation_id, kind, target_group, month)
  INCLUDE (municipality_code, whole_days, n) WHERE municipality_code <> '*';
--> statement-breakpoint
CREATE INDEX dashboard_case_months_zero_idx ON dashboard_case_months (month) WHERE n = 0;
--> statement-breakpoint
CREATE TABLE dashboard_case_month_changes (LIKE dashboard_case_months);
--> statement-breakpoint
CREATE INDEX dashboard_case_month_changes_idx ON dashboard_case_month_changes (organisation_id, kind, target_group, month);
--> statement-breakpoint
ALTER TABLE dashboard_agreement_months ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_case_months ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_agreement_month_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_case_month_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dashboard_agreement_months_select ON dashboard_agreement_months FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_case_months_select ON dashboard_case_months FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_agreement_month_changes_select ON dashboard_agreement_month_changes FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_case_month_changes_select ON dashboard_case_month_changes FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
REVOKE ALL ON dashboard_agreement_months, dashboard_case_months, dashboard_agreement_month_changes, dashboard_case_month_changes FROM casusregie_app;
--> statement-breakpoint
GRANT SELECT ON dashboard_agreement_months, dashboard_case_months, dashboard_agreement_month_changes, dashboard_case_month_changes TO casusregie_app;
--> statement-breakpoint
-- Appends p_sign × the day rollup's rows of these (owner, due date) buckets, summed per month in every
-- shape, to the changes.
CREATE FUNCTION dashboard_add_agreement_months(p_owner uuid[], p_due date[], p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO dashboard_agreement_month_changes (target_group, municipality_code, owner_organisation_id, month,
    n, open, open_due_days, done, done_on_time, expired, not_possible, not_carried_out)
  SELECT coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'), r.owner_organisation_id,
         date_trunc('month', r.due_date)::date,
         p_sign * sum(r.n),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status IN ('open', 'in_uitvoering')), 0),
         p_sign * coalesce(sum(r.n::bigint * (r.due_date - date '2000-01-01')) FILTER (WHERE r.status IN ('open', 'in_uitvoering')), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'gereed'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'gereed' AND r.on_time), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'vervallen'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'niet_nagekomen' AND r.close_reason = 'niet_meer_mogelijk'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'niet_nagekomen' AND r.close_reason = 'niet_uitgevoerd'), 0)
  FROM (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_agreements r WHERE r.owner_organisation_id = b.owner AND r.due_date = b.due) r
  GROUP BY r.owner_organisation_id, date_trunc('month', r.due_date),
    GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ());
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_add_case_months(p_days date[], p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO dashboard_case_month_changes (organisation_id, kind, target_group, municipality_code, month, whole_days, n)
  SELECT r.organisation_id, r.kind, coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'),
         date_trunc('month', r.day)::date, r.whole_days, p_sign * sum(r.n)
  FROM (SELECT DISTINCT day FROM unnest(p_days) day) b
    CROSS JOIN LATERAL (SELECT * FROM dashboard_case_days r WHERE r.day = b.day) r
  GROUP BY r.organisation_id, r.kind, date_trunc('month', r.day), r.whole_days,
    GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ());
END $$;
--> statement-breakpoint
-- The changes summed into the months, and months that came to zero removed: one transaction, so a reader
-- sees the changes either still apart or in the months. One fold at a time; in key order.
CREATE FUNCTION dashboard_fold_months() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 0);
  WITH moved AS (DELETE FROM dashboard_agreement_month_changes RETURNING *)
  INSERT INTO dashboard_agreement_months AS m
  SELECT target_group, municipality_code, owner_organisation_id, month, sum(n), sum(open), sum(open_due_days), sum(done),
         sum(done_on_time), sum(expired), sum(not_possible), sum(not_carried_out)
  FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (target_group, municipality_code, owner_organisation_id, month)
  DO UPDATE SET n = m.n + excluded.n, open = m.open + excluded.open, open_due_days = m.open_due_days + excluded.open_due_days,
    done = m.done + excluded.done, done_on_time = m.done_on_time + excluded.done_on_time, expired = m.expired + excluded.expired,
    not_possible = m.not_possible + excluded.not_possible, not_carried_out = m.not_carried_out + excluded.not_carried_out;
  DELETE FROM dashboard_agreement_months WHERE n = 0;
  WITH moved AS (DELETE FROM dashboard_case_month_changes RETURNING *)
  INSERT INTO dashboard_case_months AS m
  SELECT organisation_id, kind, target_group, municipality_code, month, whole_days, sum(n)
  FROM moved GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (organisation_id, kind, target_group, municipality_code, month, whole_days) DO UPDATE SET n = m.n + excluded.n;
  DELETE FROM dashboard_case_months WHERE n = 0;
END $$;
--> statement-breakpoint
-- As in 0037, plus the months: a refresh with p_lock (every trigger) takes its buckets out of their months
-- before it recounts them and puts them back after (as changes). The rebuild (p_lock false) fills the months once at
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
  TRUNCATE dashboard_agreement_months, dashboard_case_months, dashboard_agreement_month_changes, dashboard_case_month_changes;
  PERFORM dashboard_add_agreement_months(array_agg(owner_organisation_id), array_agg(due_date), 1)
  FROM (SELECT DISTINCT owner_organisation_id, due_date FROM dashboard_agreements) b;
  PERFORM dashboard_add_case_months(array(SELECT DISTINCT day FROM dashboard_case_days), 1);
  PERFORM dashboard_fold_months();
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
  dashboard_months_rebuild(), dashboard_fold_months() FROM PUBLIC;
