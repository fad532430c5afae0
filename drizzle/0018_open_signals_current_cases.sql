-- Lists of current work under row-level security. An enum comparison such as status = 'triage' is not
-- leakproof, so the policy's filter runs first and the comparison can never be an index condition; it can
-- still prove a partial index's predicate. Hence partial indexes on the states that lists ask for.
-- The current cases (36,000 of 200,000), newest first; status and referrer_user_id ride along so that a
-- count can check the status and the policy from the index alone.
CREATE INDEX "cases_current_updated_idx" ON "cases" USING btree ("updated_at","id") INCLUDE ("status","referrer_user_id")
  WHERE "cases"."status" in ('aangemeld', 'triage', 'actief', 'monitoring');
--> statement-breakpoint
-- The open signals in the list's order (highest level, then the oldest): a page is one index range.
CREATE INDEX "signals_open_ladder_idx" ON "signals" USING btree ("level" DESC NULLS FIRST,"since","key") WHERE "signals"."status" = 'open';
