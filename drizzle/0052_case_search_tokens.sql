-- Search by one name at national scale (issue 17, item 4). A search for one word ("Kuipers") found its
-- cases with the GIN index on subject_name_tokens and then read the heap row of every match for the
-- columns the list filters and sorts on (0048): 1,834 matches at 200,000 cases were 1,949 pages, 8.5 ms of
-- the search's 9.9, and the time grows with how common a surname is. case_search_tokens holds a row per
-- word token of a case with those columns in its primary key's index, so one word is a single range scan
-- of that index (index-only), however the matches lie in the heap. Searches of several words keep the GIN
-- index, which intersects their tokens before it reads a row. The table is kept by statement triggers on
-- cases in the transaction of the write, and only app_search_cases reads it.
CREATE TABLE case_search_tokens (
  token text NOT NULL,
  case_id uuid NOT NULL,
  number text NOT NULL,
  status case_status NOT NULL,
  target_group target_group NOT NULL,
  municipality_code text NOT NULL,
  regisseur_user_id uuid,
  referrer_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (token, case_id) INCLUDE (number, status, target_group, municipality_code, regisseur_user_id, referrer_user_id, created_at, updated_at)
);
--> statement-breakpoint
CREATE INDEX case_search_tokens_case_idx ON case_search_tokens (case_id);
--> statement-breakpoint
-- Holds tokens of names: nobody reads it but the search function (no policy: row-level security denies all).
ALTER TABLE case_search_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON case_search_tokens FROM PUBLIC, casusregie_app;
--> statement-breakpoint
CREATE FUNCTION case_search_tokens_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM case_search_tokens t USING old_rows o WHERE t.case_id = o.id;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Only the cases whose searched or shown columns moved (updated_at among them: the list sorts on it).
    DELETE FROM case_search_tokens t
    USING old_rows o JOIN new_rows n ON n.id = o.id
    WHERE t.case_id = o.id
      AND (o.subject_name_tokens, o.number, o.status, o.target_group, o.municipality_code, o.regisseur_user_id,
           o.referrer_user_id, o.created_at, o.updated_at)
        IS DISTINCT FROM (n.subject_name_tokens, n.number, n.status, n.target_group, n.municipality_code, n.regisseur_user_id,
           n.referrer_user_id, n.created_at, n.updated_at);
    INSERT INTO case_search_tokens
    SELECT DISTINCT k.token, n.id, n.number, n.status, n.target_group, n.municipality_code, n.regisseur_user_id,
           n.referrer_user_id, n.created_at, n.updated_at
    FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL unnest(n.subject_name_tokens) k(token)
    WHERE (o.subject_name_tokens, o.number, o.status, o.target_group, o.municipality_code, o.regisseur_user_id,
           o.referrer_user_id, o.created_at, o.updated_at)
      IS DISTINCT FROM (n.subject_name_tokens, n.number, n.status, n.target_group, n.municipality_code, n.regisseur_user_id,
           n.referrer_user_id, n.created_at, n.updated_at);
  ELSE
    INSERT INTO case_search_tokens
    SELECT DISTINCT k.token, n.id, n.number, n.status, n.target_group, n.municipality_code, n.regisseur_user_id,
           n.referrer_user_id, n.created_at, n.updated_at
    FROM new_rows n CROSS JOIN LATERAL unnest(n.subject_name_tokens) k(token);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_search_tokens_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_search_tokens_changed();
--> statement-breakpoint
CREATE TRIGGER case_search_tokens_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_search_tokens_changed();
--> statement-breakpoint
CREATE TRIGGER case_search_tokens_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION case_search_tokens_changed();
--> statement-breakpoint
INSERT INTO case_search_tokens
SELECT DISTINCT k.token, c.id, c.number, c.status, c.target_group, c.municipality_code, c.regisseur_user_id,
       c.referrer_user_id, c.created_at, c.updated_at
FROM cases c CROSS JOIN LATERAL unnest(c.subject_name_tokens) k(token);
--> statement-breakpoint
-- As 0048, but one word is looked up in case_search_tokens. The visibility rule is unchanged; search_path
-- ends in pg_temp, so a temporary table cannot stand in for case_partners.
CREATE OR REPLACE FUNCTION app_search_cases(p_number text, p_tokens text[])
RETURNS TABLE (id uuid, number text, status case_status, target_group target_group, municipality_code text,
  regisseur_user_id uuid, created_at timestamptz, updated_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS $$
#variable_conflict use_column
DECLARE
  r user_role := app_user_role();
  me uuid := app_user_id();
  org uuid := app_user_org();
BEGIN
  -- No role (an inactive user, or none): nothing, as in 0048.
  IF r IS NULL OR r NOT IN ('regisseur', 'professional') THEN
    RETURN;
  END IF;
  -- No words of three letters or more: search the number only (an empty array is contained in every row).
  IF cardinality(p_tokens) = 0 THEN
    p_tokens := NULL;
  END IF;
  IF cardinality(p_tokens) = 1 THEN
    RETURN QUERY
      SELECT m.id, m.number, m.status, m.target_group, m.municipality_code, m.regisseur_user_id, m.created_at, m.updated_at
      FROM (SELECT c.id, c.number, c.status, c.target_group, c.municipality_code, c.regisseur_user_id, c.referrer_user_id,
                   c.created_at, c.updated_at
            FROM cases c WHERE c.number ILIKE p_number
            UNION
            SELECT t.case_id, t.number, t.status, t.target_group, t.municipality_code, t.regisseur_user_id, t.referrer_user_id,
                   t.created_at, t.updated_at
            FROM case_search_tokens t WHERE t.token = p_tokens[1]) m
      WHERE r = 'regisseur'
        OR m.referrer_user_id = me
        OR EXISTS (SELECT 1 FROM case_partners p WHERE p.case_id = m.id AND p.organisation_id = org AND p.ended_at IS NULL);
  ELSIF r = 'regisseur' THEN
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
