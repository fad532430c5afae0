-- Keyset pages ("Meer laden"): every list order ends in the id and runs one way, so the next page is a
-- row comparison (a, b, id) > (…) that these indexes answer as a range scan from the cursor on, instead of
-- reading and sorting every match before it (lib/pagination/keyset.ts).
-- The signal ladder: highest level first, then the oldest, then the id. The next page is two ranges: the rest
-- of the cursor's level by (since, id), then the levels below (a negated level would not be leakproof, so
-- row-level security would keep a single row comparison over it from the index).
CREATE INDEX "signals_status_ladder_idx" ON "signals" USING btree ("status","level" DESC,"since","id");
--> statement-breakpoint
-- Mijn afspraken and the house's list: open work by due date, then the finished ones, latest due first.
CREATE INDEX "agreements_owner_open_keyset_idx" ON "agreements" USING btree ("owner_organisation_id","due_date","id") WHERE "agreements"."status" in ('open', 'in_uitvoering');
--> statement-breakpoint
CREATE INDEX "agreements_open_keyset_idx" ON "agreements" USING btree ("due_date","id") WHERE "agreements"."status" in ('open', 'in_uitvoering');
--> statement-breakpoint
CREATE INDEX "agreements_owner_done_keyset_idx" ON "agreements" USING btree ("owner_organisation_id","due_date","id") WHERE "agreements"."status" not in ('open', 'in_uitvoering');
--> statement-breakpoint
CREATE INDEX "agreements_done_keyset_idx" ON "agreements" USING btree ("due_date","id") WHERE "agreements"."status" not in ('open', 'in_uitvoering');
--> statement-breakpoint
-- The case list sorted by creation or status (by last change: cases_updated_idx, cases_status_updated_idx).
CREATE INDEX "cases_created_keyset_idx" ON "cases" USING btree ("created_at","id");
--> statement-breakpoint
CREATE INDEX "cases_status_keyset_idx" ON "cases" USING btree ("status","id");
