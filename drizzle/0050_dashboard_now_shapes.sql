-- The dashboard's "now" figures (active cases per status, open signals per level) per scope shape (issue 17,
-- item 3), as 0049 did for the months. The rollups of 0037 keep them per target group × municipality ×
-- organisation: at national scale an unfiltered dashboard summed 6,000 status rows twice, probed 13,000 to
-- find the municipalities with cases and summed 30,000 signal rows. dashboard_now holds the same counts once
-- per shape: organisation, target group and municipality are each a value or '*' (every value), '-' where
-- the base row has none (a signal about an organisation, not a case), so a reader's filter never matches it.
-- Kept like the months: the refresh of a bucket (serialised per bucket by its advisory lock) appends minus
-- the bucket's shapes before it recounts and plus them after, to dashboard_now_changes, which the readers
-- add and dashboard_fold_now sums in after every sweep.
CREATE TABLE dashboard_now (
  -- 'status': key is a case status, organisation EVERY_CASE or a partner's (never '*': 0037 already counts
  -- every case once under EVERY_CASE). 'signal': key is a level, organisation the one it is about or '*'.
  figure text NOT NULL,
  organisation_id text NOT NULL,
  target_group text NOT NULL,
  municipality_code text NOT NULL,
  key text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (figure, organisation_id, target_group, municipality_code, key)
);
--> statement-breakpoint
CREATE TABLE dashboard_now_changes (LIKE dashboard_now);
--> statement-breakpoint
CREATE INDEX dashboard_now_changes_idx ON dashboard_now_changes (figure, organisation_id, target_group, municipality_code);
--> statement-breakpoint
ALTER TABLE dashboard_now ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE dashboard_now_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dashboard_now_select ON dashboard_now FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
CREATE POLICY dashboard_now_changes_select ON dashboard_now_changes FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role() IN ('manager', 'regisseur')));
--> statement-breakpoint
REVOKE ALL ON dashboard_now, dashboard_now_changes FROM casusregie_app;
--> statement-breakpoint
GRANT SELECT ON dashboard_now, dashboard_now_changes TO casusregie_app;
--> statement-breakpoint
-- Appends p_sign × the status rollup's rows of these buckets, in every shape of target group and municipality.
CREATE FUNCTION dashboard_add_now_status(p_status case_status[], p_group target_group[], p_municipality text[], p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO dashboard_now_changes (figure, organisation_id, target_group, municipality_code, key, n)
  SELECT 'status', r.organisation_id::text,
         CASE WHEN grouping(r.target_group) = 1 THEN '*' ELSE r.target_group::text END,
         CASE WHEN grouping(r.municipality_code) = 1 THEN '*' ELSE r.municipality_code END,
         r.status::text, p_sign * sum(r.n)
  FROM (SELECT DISTINCT * FROM unnest(p_status, p_group, p_municipality)) b(status, target_group, municipality_code)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_case_status r
      WHERE r.status = b.status AND r.target_group = b.target_group AND r.municipality_code = b.municipality_code) r
  GROUP BY r.organisation_id, r.status, CUBE (r.target_group, r.municipality_code);
END $$;
--> statement-breakpoint
-- Appends p_sign × the open-signal rollup's rows of these (organisation, level) buckets, in every shape.
CREATE FUNCTION dashboard_add_now_signal(p_organisation uuid[], p_level integer[], p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO dashboard_now_changes (figure, organisation_id, target_group, municipality_code, key, n)
  SELECT 'signal',
         CASE WHEN grouping(r.organisation_id) = 1 THEN '*' ELSE coalesce(r.organisation_id::text, '-') END,
         CASE WHEN grouping(r.target_group) = 1 THEN '*' ELSE coalesce(r.target_group::text, '-') END,
         CASE WHEN grouping(r.municipality_code) = 1 THEN '*' ELSE coalesce(r.municipality_code, '-') END,
         r.level::text, p_sign * sum(r.n)
  FROM (SELECT DISTINCT * FROM unnest(p_organisation, p_level)) b(organisation_id, level)
    CROSS JOIN LATERAL (SELECT * FROM dashboard_signal_open r
      WHERE coalesce(r.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = b.organisation_id AND r.level = b.level) r
  GROUP BY r.level, CUBE (r.organisation_id, r.target_group, r.municipality_code);
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_fold_now() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 1);
  WITH moved AS (DELETE FROM dashboard_now_changes RETURNING *)
  INSERT INTO dashboard_now AS m
  SELECT figure, organisation_id, target_group, municipality_code, key, sum(n)
  FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (figure, organisation_id, target_group, municipality_code, key) DO UPDATE SET n = m.n + excluded.n;
  DELETE FROM dashboard_now WHERE n = 0;
END $$;
--> statement-breakpoint
ALTER FUNCTION dashboard_refresh_case_status(case_status[], target_group[], text[], boolean) RENAME TO dashboard_recount_case_status;
--> statement-breakpoint
ALTER FUNCTION dashboard_refresh_signal_open(uuid[], integer[], boolean) RENAME TO dashboard_recount_signal_open;
--> statement-breakpoint
-- The old names wrap the recounts as in 0049: with p_lock (every trigger) lock, take out, recount, put back.
CREATE FUNCTION dashboard_refresh_case_status(p_status case_status[], p_group target_group[], p_municipality text[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(1, array(SELECT concat_ws('|', s, g, m) FROM unnest(p_status, p_group, p_municipality) b(s, g, m)));
    PERFORM dashboard_add_now_status(p_status, p_group, p_municipality, -1);
  END IF;
  PERFORM dashboard_recount_case_status(p_status, p_group, p_municipality, false);
  IF p_lock THEN PERFORM dashboard_add_now_status(p_status, p_group, p_municipality, 1); END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_refresh_signal_open(p_organisation uuid[], p_level integer[], p_lock boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_lock THEN
    PERFORM dashboard_lock_buckets(5, array(SELECT concat_ws('|', o, l) FROM unnest(p_organisation, p_level) b(o, l)));
    PERFORM dashboard_add_now_signal(p_organisation, p_level, -1);
  END IF;
  PERFORM dashboard_recount_signal_open(p_organisation, p_level, false);
  IF p_lock THEN PERFORM dashboard_add_now_signal(p_organisation, p_level, 1); END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_now_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(6, 1);
  TRUNCATE dashboard_now, dashboard_now_changes;
  PERFORM dashboard_add_now_status(array_agg(status), array_agg(target_group), array_agg(municipality_code), 1)
  FROM (SELECT DISTINCT status, target_group, municipality_code FROM dashboard_case_status) b;
  PERFORM dashboard_add_now_signal(array_agg(organisation_id), array_agg(level), 1)
  FROM (SELECT DISTINCT coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) AS organisation_id, level
    FROM dashboard_signal_open) b;
  PERFORM dashboard_fold_now();
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dashboard_rollups_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM dashboard_day_rollups_rebuild();
  PERFORM dashboard_months_rebuild();
  PERFORM dashboard_now_rebuild();
END $$;
--> statement-breakpoint
SELECT dashboard_now_rebuild();
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION dashboard_add_now_status(case_status[], target_group[], text[], integer),
  dashboard_add_now_signal(uuid[], integer[], integer), dashboard_fold_now(), dashboard_now_rebuild(),
  dashboard_refresh_case_status(case_status[], target_group[], text[], boolean),
  dashboard_refresh_signal_open(uuid[], integer[], boolean) FROM PUBLIC;
