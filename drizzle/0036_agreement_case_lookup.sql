-- The case an agreement belongs to, whatever the caller may see: the app asks it inside the request's own
-- transaction (already the user's, db/request-scope.ts), so a refused attempt on an agreement is still
-- logged against its case (lib/agreements/access.ts) without a transaction of the owner's first.
-- It answers an id for an id; nothing of the agreement or the case.
CREATE OR REPLACE FUNCTION agreement_case_id(p_agreement uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT case_id FROM agreements WHERE id = p_agreement
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION agreement_case_id(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION agreement_case_id(uuid) TO casusregie_app;
