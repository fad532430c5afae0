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
-- The refreshes of 0037 keep their bodies under a new name, and the old names wrap them: with p_lock (every
-- trigger) a refresh locks its buckets, takes them out of their months, recounts them and puts them back
-- (as changes). Without (the rebuild, which fills the months once at the end) it only recounts.
ALTER FUNCTION dashboard_refresh_case_days(date[], boolean) RENAME TO dashboard_recount_case_days;
--> statement-breakpoint
ALTER FUNCTION dashboard_refresh_agreements(uuid[], date[], boolean) RENAME TO dashboard_recount_agreements;
--> statement-breakpoint
CREATE FUNCTION dashboard_refresh_case_days(p_days date[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(2, p_days::text[]);
    PERFORM dashboard_add_case_months(p_days, -1);
  END IF;
  PERFORM dashboard_recount_case_days(p_days, false);
  IF p_lock THEN PERFORM dashboard_add_case_months(p_days, 1); END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_refresh_agreements(p_owner uuid[], p_due date[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(3, array(SELECT concat_ws('|', o, d) FROM unnest(p_owner, p_due) b(o, d)));
    PERFORM dashboard_add_agreement_months(p_owner, p_due, -1);
  END IF;
  PERFORM dashboard_recount_agreements(p_owner, p_due, false);
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
ALTER FUNCTION dashboard_rollups_rebuild() RENAME TO dashboard_day_rollups_rebuild;
--> statement-breakpoint
CREATE FUNCTION dashboard_rollups_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM dashboard_day_rollups_rebuild();
  PERFORM dashboard_months_rebuild();
END $$;
--> statement-breakpoint
SELECT dashboard_months_rebuild();
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION dashboard_add_agreement_months(uuid[], date[], integer), dashboard_add_case_months(date[], integer),
  dashboard_months_rebuild(), dashboard_fold_months(), dashboard_refresh_case_days(date[], boolean),
  dashboard_refresh_agreements(uuid[], date[], boolean), dashboard_rollups_rebuild() FROM PUBLIC;
