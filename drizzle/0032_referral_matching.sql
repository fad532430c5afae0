-- Person matching at referral and the referral's own referrer (issue 15 items 3 and 4).
-- Who referred: an organisation of the house or an outside party (a wijkteam) as free text, and a contact
-- person. The free text is personal data: encrypted by the application (db/encrypted-text.ts).
ALTER TABLE "cases" ADD COLUMN "referred_by_organisation_id" uuid REFERENCES "organisations"("id");--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "referred_by_organisation_name" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "referrer_contact_name" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "referrer_contact_details" text;--> statement-breakpoint
-- A referral merged into an earlier case of the same person, as a new referral of that case; undone by
-- clearing it, which lib/cases allows until the referral's triage is decided.
ALTER TABLE "cases" ADD COLUMN "merged_into_case_id" uuid REFERENCES "cases"("id");--> statement-breakpoint
CREATE INDEX "cases_merged_into_idx" ON "cases" USING btree ("merged_into_case_id") WHERE "merged_into_case_id" IS NOT NULL;--> statement-breakpoint
ALTER TYPE "case_event_kind" ADD VALUE IF NOT EXISTS 'merge';--> statement-breakpoint
ALTER TYPE "case_event_kind" ADD VALUE IF NOT EXISTS 'unmerge';--> statement-breakpoint
ALTER TYPE "case_event_kind" ADD VALUE IF NOT EXISTS 'match';--> statement-breakpoint
-- Earlier cases of the same person (all name words and the birth date equal) found when a referral came
-- in: ids only, so that the dashboard can count repeat referrals without reading a name.
CREATE TABLE "referral_matches" (
	"referral_case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
	"matched_case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE cascade,
	"found_at" timestamp with time zone NOT NULL DEFAULT now(),
	CONSTRAINT "referral_matches_pk" PRIMARY KEY ("referral_case_id", "matched_case_id"),
	CONSTRAINT "referral_matches_other" CHECK ("referral_case_id" <> "matched_case_id")
);--> statement-breakpoint
CREATE INDEX "referral_matches_matched_idx" ON "referral_matches" USING btree ("matched_case_id");--> statement-breakpoint
-- Regisseurs see and record matches; managers count them (ids only, like case_facts). A professional
-- who referred the person sees nothing of them: the match must not become a way to probe.
ALTER TABLE referral_matches ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY referral_matches_select ON referral_matches FOR SELECT TO casusregie_app
  USING ((SELECT app_user_role()) IN ('regisseur', 'manager'));--> statement-breakpoint
CREATE POLICY referral_matches_insert ON referral_matches FOR INSERT TO casusregie_app
  WITH CHECK ((SELECT app_user_role()) = 'regisseur');--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON referral_matches FROM casusregie_app;
