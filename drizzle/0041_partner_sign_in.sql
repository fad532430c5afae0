-- Sign-in through a partner organisation's own identity provider (OpenID Connect, lib/auth/oidc).
CREATE TYPE "idp_mfa_policy" AS ENUM('idp-or-totp', 'idp-required', 'totp');
--> statement-breakpoint
CREATE TABLE "organisation_idps" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret" text NOT NULL,
	"mfa_policy" "idp_mfa_policy" DEFAULT 'idp-or-totp' NOT NULL,
	"mfa_values" text[] DEFAULT '{mfa}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idp_email_domains" (
	"domain" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "idp_email_domains_lower" CHECK ("domain" = lower("domain"))
);
--> statement-breakpoint
CREATE TABLE "user_idp_subjects" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"bound_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_sign_in_requests" (
	"state" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"callback_path" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_idps" ADD CONSTRAINT "organisation_idps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idp_email_domains" ADD CONSTRAINT "idp_email_domains_organisation_id_organisation_idps_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation_idps"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_idp_subjects" ADD CONSTRAINT "user_idp_subjects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_idp_subjects" ADD CONSTRAINT "user_idp_subjects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_sign_in_requests" ADD CONSTRAINT "oidc_sign_in_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idp_email_domains_organisation_idx" ON "idp_email_domains" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_idp_subjects_subject_unique" ON "user_idp_subjects" USING btree ("organisation_id","subject");--> statement-breakpoint
CREATE INDEX "oidc_sign_in_requests_created_idx" ON "oidc_sign_in_requests" USING btree ("created_at");--> statement-breakpoint
-- Client secrets, bound subjects and pending sign-ins belong to the sign-in machinery (the owner), like
-- user_totp (0009): the app role gets no access; admin screens reach them through lib/auth/oidc after the policy.
REVOKE ALL ON organisation_idps FROM casusregie_app;
--> statement-breakpoint
REVOKE ALL ON idp_email_domains FROM casusregie_app;
--> statement-breakpoint
REVOKE ALL ON user_idp_subjects FROM casusregie_app;
--> statement-breakpoint
REVOKE ALL ON oidc_sign_in_requests FROM casusregie_app;
