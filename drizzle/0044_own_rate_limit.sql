-- Counts one search or export for the request's own user inside the request's own transaction
-- (lib/http/rate-limit.ts), so a limited read needs no transaction of the owner's first: one statement
-- instead of four round trips. It can count only for app_user_id(), only under the names the app limits,
-- and answers that counter and nothing else; rate_limits itself stays closed to the app role (0009).
CREATE OR REPLACE FUNCTION consume_own_rate_limit(p_name text, p_window_ms integer, p_now timestamptz,
  OUT o_hits integer, OUT o_window_start timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_user uuid := app_user_id();
  v_cutoff timestamptz := p_now - make_interval(secs => p_window_ms / 1000.0);
BEGIN
  IF v_user IS NULL OR p_name NOT IN ('search', 'export') THEN
    RAISE EXCEPTION 'no rate limit % for this session', p_name USING ERRCODE = '42501';
  END IF;
  INSERT INTO rate_limits AS r (key, hits, window_start) VALUES (p_name || ':' || v_user, 1, p_now)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.window_start <= v_cutoff THEN 1 ELSE r.hits + 1 END,
    window_start = CASE WHEN r.window_start <= v_cutoff THEN p_now ELSE r.window_start END
  RETURNING r.hits, r.window_start INTO o_hits, o_window_start;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION consume_own_rate_limit(text, integer, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION consume_own_rate_limit(text, integer, timestamptz) TO casusregie_app;
