CREATE TYPE "public"."audit_action" AS ENUM('view', 'search', 'create', 'update', 'export', 'sign-in', 'sign-in-failed', 'denied');--> statement-breakpoint
CREATE TYPE "public"."case_event_kind" AS ENUM('status', 'triage', 'pause', 'resume', 'edit');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('aangemeld', 'triage', 'actief', 'monitoring', 'afgesloten', 'afgewezen');--> statement-breakpoint
CREATE TYPE "public"."pause_reason" AS ENUM('detentie', 'opname', 'wachtlijst');--> statement-breakpoint
CREATE TYPE "public"."target_group" AS ENUM('high_impact_crime', 'top_x', 'huiselijk_geweld', 'overlast', 'veelplegers', 'nazorg_ex_gedetineerden', 'radicalisering', 'verward_gedrag', 'jeugd', 'overig');--> statement-breakpoint
CREATE TYPE "public"."triage_decision" AS ENUM('in_behandeling', 'advies_aan_melder', 'doorverwijzen', 'geen_actie');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid,
	"role" "user_role",
	"action" "audit_action" NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"case_id" uuid,
	"case_number" text,
	"outcome" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"details" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "case_event_kind" NOT NULL,
	"from_status" "case_status",
	"to_status" "case_status",
	"reason" text,
	"data" jsonb,
	"actor_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"added_by_user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"status" "case_status" DEFAULT 'aangemeld' NOT NULL,
	"target_group" "target_group" NOT NULL,
	"municipality_code" text NOT NULL,
	"subject_name" text NOT NULL,
	"subject_birth_date" date NOT NULL,
	"subject_address" text,
	"reason" text NOT NULL,
	"goal" text NOT NULL,
	"criterion_multi_domain" boolean NOT NULL,
	"criterion_multi_chain" boolean NOT NULL,
	"criterion_household" boolean NOT NULL,
	"criterion_local_safety" boolean NOT NULL,
	"involved_partners" text,
	"referrer_user_id" uuid NOT NULL,
	"referrer_organisation_id" uuid NOT NULL,
	"regisseur_user_id" uuid,
	"case_lead_user_id" uuid,
	"triage_decision" "triage_decision",
	"triage_reason" text,
	"triaged_at" timestamp with time zone,
	"pause_reason" "pause_reason",
	"paused_at" timestamp with time zone,
	"closure_result" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_partners" ADD CONSTRAINT "case_partners_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_partners" ADD CONSTRAINT "case_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_partners" ADD CONSTRAINT "case_partners_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_partners" ADD CONSTRAINT "case_partners_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_referrer_user_id_users_id_fk" FOREIGN KEY ("referrer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_referrer_organisation_id_organisations_id_fk" FOREIGN KEY ("referrer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_regisseur_user_id_users_id_fk" FOREIGN KEY ("regisseur_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_case_lead_user_id_users_id_fk" FOREIGN KEY ("case_lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_case_idx" ON "audit_log" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_partners_case_idx" ON "case_partners" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_partners_org_active_idx" ON "case_partners" USING btree ("organisation_id","case_id") WHERE "case_partners"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_partners_one_active" ON "case_partners" USING btree ("case_id","organisation_id") WHERE "case_partners"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_unique" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cases_municipality_idx" ON "cases" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "cases_referrer_org_idx" ON "cases" USING btree ("referrer_organisation_id");--> statement-breakpoint
CREATE INDEX "cases_regisseur_idx" ON "cases" USING btree ("regisseur_user_id");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at");