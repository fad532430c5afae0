-- Mijn afspraken at national scale (issue 17, item 4). Under row-level security every read of a partner's
-- agreements carries the agreements_select policy's EXISTS on case_partners; inside the policy's OR it
-- cannot become a join, so PostgreSQL hashes all of the organisation's memberships first (17,000 at
-- 200,000 cases, 85,000 at 1,000,000) and then fetches each agreement's heap row for its case_id. The count
-- of the list read up to 10,001 such rows per request: 24 ms at 200,000 cases, 57 ms at 1,000,000.
--
-- The count is now this function: the same rule as the policy (the caller's own organisation's agreements,
-- in cases it is convened to now), written as a plain semi-join the planner can drive from the index.
-- It answers a number only, and only about what the caller may list anyway; the rows themselves are still
-- read under the policy (lib/agreements/list-agreements.ts), which also caps this count at 1,000.
CREATE OR REPLACE FUNCTION app_count_own_agreements(p_statuses agreement_status[], p_owner_user uuid,
  p_due_before date, p_cap integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*)::integer FROM (
    SELECT 1 FROM agreements a
    WHERE a.owner_organisation_id = (SELECT app_user_org())
      AND (SELECT app_user_role()) = 'professional'
      AND a.status = ANY (p_statuses)
      AND (p_owner_user IS NULL OR a.owner_user_id = p_owner_user)
      AND (p_due_before IS NULL OR a.due_date < p_due_before)
      AND EXISTS (SELECT 1 FROM case_partners p
                  WHERE p.case_id = a.case_id AND p.organisation_id = a.owner_organisation_id AND p.ended_at IS NULL)
    LIMIT p_cap + 1
  ) matches
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_count_own_agreements(agreement_status[], uuid, date, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_count_own_agreements(agreement_status[], uuid, date, integer) TO casusregie_app;
--> statement-breakpoint
-- The page's keys (owner, due date, id per part) read index-only: the policy's case_id and the "mine"
-- filter's owner_user_id ride along, so no heap row is fetched to decide whether an agreement is shown.
DROP INDEX agreements_owner_open_keyset_idx;
--> statement-breakpoint
CREATE INDEX agreements_owner_open_keyset_idx ON agreements (owner_organisation_id, due_date, id)
  INCLUDE (case_id, owner_user_id) WHERE status IN ('open', 'in_uitvoering');
--> statement-breakpoint
DROP INDEX agreements_owner_done_keyset_idx;
--> statement-breakpoint
CREATE INDEX agreements_owner_done_keyset_idx ON agreements (owner_organisation_id, due_date, id)
  INCLUDE (case_id, owner_user_id, status) WHERE status NOT IN ('open', 'in_uitvoering');
--> statement-breakpoint
DROP INDEX agreements_owner_status_due_idx;
--> statement-breakpoint
CREATE INDEX agreements_owner_status_due_idx ON agreements (owner_organisation_id, status, due_date)
  INCLUDE (case_id, owner_user_id);
--> statement-breakpoint
-- The page's keys under the policy: PostgreSQL may answer the policy's EXISTS as a hash over every
-- membership of the organisation, and it picks that when it expects to filter many rows, which it does
-- for an owner's whole list even under LIMIT 51: 17,000 memberships hashed per request at 200,000 cases
-- (4 ms), 85,000 at 1,000,000 (22 ms). OFFSET 0 keeps the sub-select from being turned into that hash
-- (PostgreSQL's simplify_EXISTS_query gives up on an OFFSET), so each row shown costs one probe of
-- case_partners_org_active_idx: 0.6 and 1.0 ms for the same page. The rule itself is unchanged.
DROP POLICY agreements_select ON agreements;
--> statement-breakpoint
CREATE POLICY agreements_select ON agreements FOR SELECT TO casusregie_app USING (
  (SELECT app_user_role() = 'regisseur')
  OR ((SELECT app_user_role() = 'professional')
      AND EXISTS (SELECT 1 FROM case_partners p
                  WHERE p.case_id = agreements.case_id AND p.organisation_id = (SELECT app_user_org()) AND p.ended_at IS NULL
                  OFFSET 0))
);
