-- Retention at national scale (issue 17, item 6): mail and in-app notifications are linked to their case by
-- key, so the retention job removes them with an index probe instead of matching case numbers and ids in
-- their text. Cascade: both are copies for delivery of what the case says, they never outlive it.
ALTER TABLE "notifications" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Once, for what was written before the writers set the key: the same matches the job used to make per case.
-- Notifications carry the case number, or the case's id in their link.
UPDATE notifications n SET case_id = c.id FROM cases c WHERE n.case_number = c.number;--> statement-breakpoint
UPDATE notifications n SET case_id = c.id FROM cases c
  WHERE n.case_id IS NULL
    AND c.id::text = substring(n.link FROM '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}');--> statement-breakpoint
-- Mail: the dedupe key names a signal (escalation), an agreement (reminder) or the case itself; else the case
-- number in the subject or the body.
WITH keyed AS (
  SELECT m.id, substring(m.dedupe_key FROM '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')::uuid AS ref
  FROM mail_outbox m
  WHERE m.dedupe_key ~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
)
UPDATE mail_outbox m SET case_id = coalesce(s.case_id, g.case_id, c.id)
FROM keyed k
  LEFT JOIN signals s ON s.id = k.ref
  LEFT JOIN agreements g ON g.id = k.ref
  LEFT JOIN cases c ON c.id = k.ref
WHERE m.id = k.id AND coalesce(s.case_id, g.case_id, c.id) IS NOT NULL;--> statement-breakpoint
UPDATE mail_outbox m SET case_id = c.id FROM cases c
  WHERE m.case_id IS NULL
    AND c.number = coalesce(substring(m.subject FROM '[A-Z]+-[0-9]{4}-[0-9]+'), substring(m.body_text FROM '[A-Z]+-[0-9]{4}-[0-9]+'));--> statement-breakpoint
CREATE INDEX "notifications_case_idx" ON "notifications" USING btree ("case_id") WHERE "notifications"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "mail_outbox_case_idx" ON "mail_outbox" USING btree ("case_id") WHERE "mail_outbox"."case_id" is not null;--> statement-breakpoint
-- The job's list: ended cases whose data is still there, by closure. Purged cases leave the index, so a daily
-- run reads only what is left to do.
CREATE INDEX "cases_retention_due_idx" ON "cases" USING btree ("closed_at","id") WHERE "cases"."personal_data_removed_at" is null and "cases"."status" in ('afgesloten', 'afgewezen');--> statement-breakpoint
-- Statusronde answers are found by their agreement (the meeting index starts with the meeting).
CREATE INDEX "agreement_status_reports_agreement_idx" ON "agreement_status_reports" USING btree ("agreement_id");
