-- Case search. Row-level security evaluates its own filter before any condition of the query that is not
-- leakproof, and ILIKE and @> are not: under the policy neither the trigram index on the number nor the
-- GIN index on the name tokens could be used, and every search read all 200,000 cases (300–450 ms).
-- app_search_cases finds the candidates with both indexes as definer, with the same visibility rule as
-- cases_select, so calling it directly reveals nothing the caller could not read; the query around it
-- applies the policy again.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "cases_number_trgm_idx" ON "cases" USING gin ("number" gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_search_cases(p_number text, p_tokens text[]) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 100 AS $$
DECLARE
  r user_role := app_user_role();
  me uuid := app_user_id();
  org uuid := app_user_org();
BEGIN
  -- No words of three letters or more: search the number only (an empty array is contained in every row).
  IF cardinality(p_tokens) = 0 THEN
    p_tokens := NULL;
  END IF;
  IF r = 'regisseur' THEN
    RETURN QUERY SELECT c.id FROM cases c
      WHERE c.number ILIKE p_number OR c.subject_name_tokens @> p_tokens;
  ELSIF r = 'professional' THEN
    RETURN QUERY SELECT c.id FROM cases c
      WHERE (c.number ILIKE p_number OR c.subject_name_tokens @> p_tokens)
        AND (c.referrer_user_id = me
             OR EXISTS (SELECT 1 FROM case_partners p
                        WHERE p.case_id = c.id AND p.organisation_id = org AND p.ended_at IS NULL));
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_search_cases(text, text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_search_cases(text, text[]) TO casusregie_app;
