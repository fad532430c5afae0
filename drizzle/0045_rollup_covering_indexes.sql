-- The dashboard's rollups read without their heap (issue 17, item 3). A year's figures sum some ten
-- thousands of rollup rows per figure at national scale; fetched through their heap that is a random page
-- read per row (measured at 1,000,000 cases: 350 ms for the year's referrals, 560 ms for the agreements
-- per owner). With every column the readers filter, group or sum in the index, PostgreSQL answers with
-- index-only scans: the heap is read only for pages the writes changed since the last vacuum.
CREATE INDEX dashboard_case_days_read_idx ON dashboard_case_days (organisation_id, kind, day)
  INCLUDE (target_group, municipality_code, whole_days, n);
--> statement-breakpoint
DROP INDEX dashboard_agreements_due_idx;
--> statement-breakpoint
CREATE INDEX dashboard_agreements_due_idx ON dashboard_agreements (due_date)
  INCLUDE (owner_organisation_id, status, on_time, close_reason, target_group, municipality_code, n);
--> statement-breakpoint
DROP INDEX dashboard_agreements_bucket_idx;
--> statement-breakpoint
CREATE INDEX dashboard_agreements_bucket_idx ON dashboard_agreements (owner_organisation_id, due_date)
  INCLUDE (status, on_time, close_reason, target_group, municipality_code, n);
--> statement-breakpoint
DROP INDEX dashboard_agreements_open_idx;
--> statement-breakpoint
CREATE INDEX dashboard_agreements_open_idx ON dashboard_agreements (owner_organisation_id)
  INCLUDE (due_date, status, on_time, close_reason, target_group, municipality_code, n) WHERE status IN ('open', 'in_uitvoering');
--> statement-breakpoint
CREATE INDEX dashboard_case_status_read_idx ON dashboard_case_status (organisation_id, status)
  INCLUDE (target_group, municipality_code, n);
