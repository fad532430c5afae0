-- The agreements' rollups for the ends of a period, and their open ones per owner (issue 17, item 3). After
-- 0049 a year's dashboard still read its partial months by day: a day rollup row of an owner is nearly
-- one agreement, so the 31 days at the ends of a year were 18,000 rows at 200,000 cases, and the open ones
-- of every month (overdue is open and due before today) another 8,000.
-- * dashboard_agreement_weeks: the months' figures per 7-day block of a month (days 1–7, 8–14, 15–21,
--   22–28; days 29–31 stay days), in the same shapes. A partial month is read as its whole blocks and at
--   most nine days.
-- * dashboard_agreement_open: per owner and shape the open ones and Σ (due date − 2000-01-01) of them over
--   every month, so "open" is one row per owner and "overdue before this month" is that minus the months
--   from this month on.
-- Kept like the months (0049): the refresh of a day bucket appends minus its rows before the recount and
-- plus after, to *_changes, which the readers add and dashboard_fold_weeks sums in after every sweep.
CREATE FUNCTION dashboard_week(p_day date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN extract(day FROM p_day) <= 28 THEN p_day - ((extract(day FROM p_day)::int - 1) % 7) END
$$;
--> statement-breakpoint
CREATE TABLE dashboard_agreement_weeks (
  target_group text NOT NULL,
  municipality_code text NOT NULL,
  owner_organisation_id uuid NOT NULL,
  week date NOT NULL,
  n integer NOT NULL,
  done integer NOT NULL,
  done_on_time integer NOT NULL,
  expired integer NOT NULL,
  not_possible integer NOT NULL,
  not_carried_out integer NOT NULL,
  PRIMARY KEY (target_group, municipality_code, owner_organisation_id, week)
);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_weeks_period_idx ON dashboard_agreement_weeks (target_group, municipality_code, week)
  INCLUDE (owner_organisation_id, n, done, done_on_time, expired, not_possible, not_carried_out);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_weeks_zero_idx ON dashboard_agreement_weeks (week) WHERE n = 0;
--> statement-breakpoint
CREATE TABLE dashboard_agreement_week_changes (LIKE dashboard_agreement_weeks);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_week_changes_idx ON dashboard_agreement_week_changes (target_group, municipality_code, week);
--> statement-breakpoint
CREATE TABLE dashboard_agreement_open (
  target_group text NOT NULL,
  municipality_code text NOT NULL,
  owner_organisation_id uuid NOT NULL,
  open integer NOT NULL,
  open_due_days bigint NOT NULL,
  PRIMARY KEY (target_group, municipality_code, owner_organisation_id)
);
--> statement-breakpoint
CREATE TABLE dashboard_agreement_open_changes (LIKE dashboard_agreement_open);
--> statement-breakpoint
CREATE INDEX dashboard_agreement_open_changes_idx ON dashboard_agreement_open_changes (target_group, municipality_code);
--> statement-breakpoint
-- The open ones of the months from this month on, which "overdue before this month" takes off the totals.
CREATE INDEX dashboard_agreement_months_open_month_idx ON dashboard_agreement_months (target_group, municipality_code, month)
  INCLUDE (owner_organisation_id, open, open_due_days) WHERE open <> 0;
--> statement-breakpoint
-- This month's open ones due before today, by day, without reading the closed ones of those days.
CREATE INDEX dashboard_agreements_open_due_idx ON dashboard_agreements (due_date)
  INCLUDE (owner_organisation_id, target_group, municipality_code, n) WHERE status IN ('open', 'in_uitvoering');
--> statement-breakpoint
ALTER TABLE dashboard_agreement_weeks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_agreement_week_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_agreement_open ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_agreement_open_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dashboard_agreement_weeks_select ON dashboard_agreement_weeks FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_agreement_week_changes_select ON dashboard_agreement_week_changes FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_agreement_open_select ON dashboard_agreement_open FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_agreement_open_changes_select ON dashboard_agreement_open_changes FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
REVOKE ALL ON dashboard_agreement_weeks, dashboard_agreement_week_changes, dashboard_agreement_open, dashboard_agreement_open_changes FROM casusregie_app;
--> statement-breakpoint
GRANT SELECT ON dashboard_agreement_weeks, dashboard_agreement_week_changes, dashboard_agreement_open, dashboard_agreement_open_changes TO casusregie_app;
--> statement-breakpoint
-- Appends p_sign × the day rollup's rows of these (owner, due date) buckets, per block and per owner, in
-- every shape.
CREATE FUNCTION dashboard_add_agreement_spans(p_owner uuid[], p_due date[], p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO dashboard_agreement_week_changes (target_group, municipality_code, owner_organisation_id, week,
    n, done, done_on_time, expired, not_possible, not_carried_out)
  SELECT coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'), r.owner_organisation_id,
         dashboard_week(r.due_date),
         p_sign * sum(r.n),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'gereed'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'gereed' AND r.on_time), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'vervallen'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'niet_nagekomen' AND r.close_reason = 'niet_meer_mogelijk'), 0),
         p_sign * coalesce(sum(r.n) FILTER (WHERE r.status = 'niet_nagekomen' AND r.close_reason = 'niet_uitgevoerd'), 0)
  FROM (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_agreements r WHERE r.owner_organisation_id = b.owner AND r.due_date = b.due) r
  WHERE dashboard_week(r.due_date) IS NOT NULL
  GROUP BY r.owner_organisation_id, dashboard_week(r.due_date),
    GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ());
  INSERT INTO dashboard_agreement_open_changes (target_group, municipality_code, owner_organisation_id, open, open_due_days)
  SELECT coalesce(r.target_group::text, '*'), coalesce(r.municipality_code, '*'), r.owner_organisation_id,
         p_sign * sum(r.n), p_sign * sum(r.n::bigint * (r.due_date - date '2000-01-01'))
  FROM (SELECT DISTINCT * FROM unnest(p_owner, p_due)) b(owner, due)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_agreements r WHERE r.owner_organisation_id = b.owner AND r.due_date = b.due) r
  WHERE r.status IN ('open', 'in_uitvoering')
  GROUP BY r.owner_organisation_id, GROUPING SETS ((r.target_group, r.municipality_code), (r.target_group), (r.municipality_code), ());
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_fold_weeks() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 2);
  WITH moved AS (DELETE FROM dashboard_agreement_week_changes RETURNING *)
  INSERT INTO dashboard_agreement_weeks AS m
  SELECT target_group, municipality_code, owner_organisation_id, week, sum(n), sum(done), sum(done_on_time), sum(expired),
         sum(not_possible), sum(not_carried_out)
  FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (target_group, municipality_code, owner_organisation_id, week)
  DO UPDATE SET n = m.n + excluded.n, done = m.done + excluded.done, done_on_time = m.done_on_time + excluded.done_on_time,
    expired = m.expired + excluded.expired, not_possible = m.not_possible + excluded.not_possible,
    not_carried_out = m.not_carried_out + excluded.not_carried_out;
  DELETE FROM dashboard_agreement_weeks WHERE n = 0;
  WITH moved AS (DELETE FROM dashboard_agreement_open_changes RETURNING *)
  INSERT INTO dashboard_agreement_open AS m
  SELECT target_group, municipality_code, owner_organisation_id, sum(open), sum(open_due_days)
  FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (target_group, municipality_code, owner_organisation_id)
  DO UPDATE SET open = m.open + excluded.open, open_due_days = m.open_due_days + excluded.open_due_days;
  DELETE FROM dashboard_agreement_open WHERE open = 0;
END $$;
--> statement-breakpoint
-- 0049's refresh, now also taking the bucket out of its blocks and owner totals and putting it back.
CREATE OR REPLACE FUNCTION dashboard_refresh_agreements(p_owner uuid[], p_due date[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(3, array(SELECT concat_ws('|', o, d) FROM unnest(p_owner, p_due) b(o, d)));
    PERFORM dashboard_add_agreement_months(p_owner, p_due, -1);
    PERFORM dashboard_add_agreement_spans(p_owner, p_due, -1);
  END IF;
  PERFORM dashboard_recount_agreements(p_owner, p_due, false);
  IF p_lock THEN
    PERFORM dashboard_add_agreement_months(p_owner, p_due, 1);
    PERFORM dashboard_add_agreement_spans(p_owner, p_due, 1);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_weeks_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 2);
  TRUNCATE dashboard_agreement_weeks, dashboard_agreement_week_changes, dashboard_agreement_open, dashboard_agreement_open_changes;
  PERFORM dashboard_add_agreement_spans(array_agg(owner_organisation_id), array_agg(due_date), 1)
  FROM (SELECT DISTINCT owner_organisation_id, due_date FROM dashboard_agreements) b;
  PERFORM dashboard_fold_weeks();
END $$;
--> statement-breakpoint
-- The folds' locks first: a fold (each minute) that began between a rebuild's TRUNCATE and its own fold
-- would wait on the truncated table while holding the lock the rebuild's fold then waits for.
CREATE OR REPLACE FUNCTION dashboard_rollups_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 0);
  PERFORM pg_advisory_xact_lock(6, 1);
  PERFORM pg_advisory_xact_lock(6, 2);
  PERFORM dashboard_day_rollups_rebuild();
  PERFORM dashboard_months_rebuild();
  PERFORM dashboard_now_rebuild();
  PERFORM dashboard_weeks_rebuild();
END $$;
--> statement-breakpoint
SELECT dashboard_weeks_rebuild();
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION dashboard_add_agreement_spans(uuid[], date[], integer), dashboard_fold_weeks(),
  dashboard_weeks_rebuild() FROM PUBLIC;
