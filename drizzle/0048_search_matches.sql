-- Search by name at national scale (issue 17, item 4). app_search_cases returned ids only, so the list
-- fetched every match again by primary key and joined its municipality and regisseur before sorting out
-- the 50 to show: for a common surname (9,405 matches at 1,000,000 cases) 96 ms, three quarters of it in
-- those lookups. Its bitmap heap scan already reads each match's row to recheck the tokens; it now hands
-- back the columns the list filters and sorts on from that same row, so the list filters, counts, sorts
-- and cuts the page on the function's rows and fetches the page alone (lib/cases/list-cases.ts). The
-- visibility rule is unchanged, as in 0017, and the query around it still applies the policy.
DROP FUNCTION app_search_cases(text, text[]);
--> statement-breakpoint
CREATE FUNCTION app_search_cases(p_number text, p_tokens text[])
RETURNS TABLE (id uuid, number text, status case_status, target_group target_group, municipality_code text,
  regisseur_user_id uuid, created_at timestamptz, updated_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 100 AS $$
#variable_conflict use_column
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
    RETURN QUERY SELECT c.id, c.number, c.status, c.target_group, c.municipality_code, c.regisseur_user_id, c.created_at, c.updated_at
      FROM cases c
      WHERE c.number ILIKE p_number OR c.subject_name_tokens @> p_tokens;
  ELSIF r = 'professional' THEN
    RETURN QUERY SELECT c.id, c.number, c.status, c.target_group, c.municipality_code, c.regisseur_user_id, c.created_at, c.updated_at
      FROM cases c
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
